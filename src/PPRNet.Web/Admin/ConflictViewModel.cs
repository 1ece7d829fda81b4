using PPRNet.Web.History;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed class ConflictViewModel : PageViewModel
{
    public required SummaryFormPage Yours { get; init; }
    public required string TheirsMarkdown { get; init; }
    public required string YoursMarkdown { get; init; }
    public required IReadOnlyList<DiffLine> Diff { get; init; }
    public string? TheirsBy { get; init; }
    public DateTimeOffset TheirsAt { get; init; }
}
