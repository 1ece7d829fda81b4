using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed class TaxonomyViewModel : PageViewModel
{
    public required IReadOnlyList<TermRow> Topics { get; init; }
    public required IReadOnlyList<TermRow> Types { get; init; }
    public string? Message { get; init; }

    /// <summary>The form that was refused, if any; its problems are in ModelState by field name.</summary>
    public TermAttempt? Attempt { get; init; }
}
