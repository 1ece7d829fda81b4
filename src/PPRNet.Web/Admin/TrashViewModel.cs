using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed class TrashViewModel : PageViewModel
{
    public required IReadOnlyList<TrashRow> Rows { get; init; }
    public bool IsAdmin { get; init; }
    public string? Message { get; init; }
}
