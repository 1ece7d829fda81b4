using PPRNet.Web.Archive;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed class SummaryFormPage : PageViewModel
{
    public required SummaryForm Form { get; init; }
    public required IReadOnlyList<Choice> Topics { get; init; }
    public required IReadOnlyList<Choice> Types { get; init; }
    public SummaryViewModel? Preview { get; init; }
    public string? Message { get; init; }
    public bool IsNew => Form.Id is null;

    /// <summary>Where readers find the summary, once it is published and its day has come.</summary>
    public string? PublicUrl { get; init; }
}
