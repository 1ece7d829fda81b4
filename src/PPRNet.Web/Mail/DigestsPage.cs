using PPRNet.Web.Shared;

namespace PPRNet.Web.Mail;

public sealed class DigestsPage : PageViewModel
{
    public required IReadOnlyList<DigestMonthRow> Months { get; init; }
    public required IReadOnlyDictionary<SubscriberStatus, int> Subscribers { get; init; }
    public string? Message { get; init; }
}
