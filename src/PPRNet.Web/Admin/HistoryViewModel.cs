using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed class HistoryViewModel : PageViewModel
{
    public required int SummaryId { get; init; }
    public required string SummaryTitle { get; init; }
    public required IReadOnlyList<RevisionRow> Revisions { get; init; }
    public string? Message { get; init; }
}
