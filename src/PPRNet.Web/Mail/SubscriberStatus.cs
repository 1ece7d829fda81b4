namespace PPRNet.Web.Mail;

public enum SubscriberStatus
{
    /// <summary>Asked to subscribe; nothing but the confirmation is sent until the link is followed.</summary>
    Pending = 0,
    Confirmed = 1,
    Paused = 2,
    Unsubscribed = 3,

    /// <summary>The mail server refused the address for good (5xx): nothing more is sent to it.</summary>
    Undeliverable = 4,
}
