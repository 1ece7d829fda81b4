using PPRNet.Web.History;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed class RevisionDiffViewModel : PageViewModel
{
    public required int SummaryId { get; init; }
    public required string SummaryTitle { get; init; }
    public required RevisionRow From { get; init; }
    public required RevisionRow To { get; init; }
    public required IReadOnlyList<DiffLine> Diff { get; init; }
}
