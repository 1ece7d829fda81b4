using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed class DashboardViewModel : PageViewModel
{
    public required IReadOnlyList<DashboardRow> Rows { get; init; }
    public required IReadOnlyList<ConflictRow> Conflicts { get; init; }
    public required IReadOnlyList<string> Months { get; init; }
    public PublicationState? State { get; init; }
    public string? Month { get; init; }
    public string? Query { get; init; }
    public required int TrashCount { get; init; }
    public bool IsAdmin { get; init; }
    public string? Message { get; init; }
}
