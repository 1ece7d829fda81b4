using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

/// <summary>The page that deletes a term in use: its summaries go to the term chosen here.</summary>
public sealed class DeleteTermViewModel : PageViewModel
{
    public required string Kind { get; init; }
    public required TermRow Term { get; init; }
    public required IReadOnlyList<TermRow> Others { get; init; }
}
