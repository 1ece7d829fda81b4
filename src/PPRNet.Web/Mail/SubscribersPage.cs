using PPRNet.Web.Shared;

namespace PPRNet.Web.Mail;

public sealed class SubscribersPage : PageViewModel
{
    public required IReadOnlyDictionary<SubscriberStatus, int> Counts { get; init; }
    public string? Query { get; init; }
    public Subscriber? Found { get; init; }
    public string? Message { get; init; }
}
