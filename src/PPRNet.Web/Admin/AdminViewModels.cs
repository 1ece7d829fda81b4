using PPRNet.Web.Archive;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public enum PublicationState
{
    Draft,
    Scheduled,
    Published,
}

public sealed record DashboardRow(
    int Id,
    string Title,
    string Month,
    PublicationState State,
    DateOnly PublishedOn,
    string ResearchType,
    string? UpdatedBy,
    DateTimeOffset UpdatedAt);

public sealed record ConflictRow(int Id, int SummaryId, string SummaryTitle, string SourcePath, DateTimeOffset DetectedAt);

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

public sealed record Choice(string Value, string Label, bool Selected);

public sealed class SummaryFormPage : PageViewModel
{
    public required SummaryForm Form { get; init; }
    public required IReadOnlyList<Choice> Topics { get; init; }
    public required IReadOnlyList<Choice> Types { get; init; }
    public SummaryViewModel? Preview { get; init; }
    public string? Message { get; init; }
    public bool IsNew => Form.Id is null;
}

public sealed class ConflictViewModel : PageViewModel
{
    public required SummaryFormPage Yours { get; init; }
    public required string TheirsMarkdown { get; init; }
    public required string YoursMarkdown { get; init; }
    public required IReadOnlyList<DiffLine> Diff { get; init; }
    public string? TheirsBy { get; init; }
    public DateTimeOffset TheirsAt { get; init; }
}

public sealed record RevisionRow(int Number, DateTimeOffset CreatedAt, string CreatedBy, string Note);

public sealed class HistoryViewModel : PageViewModel
{
    public required int SummaryId { get; init; }
    public required string SummaryTitle { get; init; }
    public required IReadOnlyList<RevisionRow> Revisions { get; init; }
    public string? Message { get; init; }
}

public sealed class RevisionDiffViewModel : PageViewModel
{
    public required int SummaryId { get; init; }
    public required string SummaryTitle { get; init; }
    public required RevisionRow From { get; init; }
    public required RevisionRow To { get; init; }
    public required IReadOnlyList<DiffLine> Diff { get; init; }
}

public sealed record TrashRow(int Id, string Title, string Month, DateTimeOffset DeletedAt, string? DeletedBy);

public sealed class TrashViewModel : PageViewModel
{
    public required IReadOnlyList<TrashRow> Rows { get; init; }
    public bool IsAdmin { get; init; }
    public string? Message { get; init; }
}

public sealed class ImportConflictViewModel : PageViewModel
{
    public required ConflictRow Conflict { get; init; }
    public required IReadOnlyList<DiffLine> Diff { get; init; }
    public bool Resolved { get; init; }
}

public sealed class AuditViewModel : PageViewModel
{
    public required IReadOnlyList<AuditEntry> Entries { get; init; }
}

public sealed record MonthRow(string Month, int Summaries, bool HasIntro);

public sealed class MonthsViewModel : PageViewModel
{
    public required IReadOnlyList<MonthRow> Months { get; init; }
}

public sealed class IntroForm : System.ComponentModel.DataAnnotations.IValidatableObject
{
    public string? Month { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "\"This month...\" intro (Markdown)")]
    public string? Markdown { get; set; }

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(System.ComponentModel.DataAnnotations.ValidationContext validationContext)
    {
        if (Import.ContentLimits.MarkdownProblem(Markdown) is { } problem)
        {
            yield return new($"The intro {problem.Problem}{Import.ContentLimits.LineNote(problem.Line)}.", [nameof(Markdown)]);
        }
    }
}

public sealed class IntroFormPage : PageViewModel
{
    public required IntroForm Form { get; init; }
    public string? PreviewHtml { get; init; }
    public string? Message { get; init; }
}
