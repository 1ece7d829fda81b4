using PPRNet.Web.History;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed class ImportConflictViewModel : PageViewModel
{
    public required ConflictRow Conflict { get; init; }
    public required IReadOnlyList<DiffLine> Diff { get; init; }
    public bool Resolved { get; init; }
}
