namespace PPRNet.Web.Mail;

/// <summary>What a preferences or unsubscribe link leads to: how the token reads and, unless it is
/// invalid, the subscriber it names (null once the address was erased).</summary>
public sealed record SubscriberLink(TokenCheck Check, Subscriber? Subscriber)
{
    /// <summary>A link good today to a subscription still running: the one case that may show the
    /// address and its topics.</summary>
    public bool IsLive => Check == TokenCheck.Valid && Subscriber is { Status: SubscriberStatus.Confirmed or SubscriberStatus.Paused };

    /// <summary>A genuine link whose address has left (unsubscribed, erased, undeliverable).</summary>
    public bool HasEnded => Check != TokenCheck.Invalid
        && Subscriber is not { Status: SubscriberStatus.Confirmed or SubscriberStatus.Paused };
}
