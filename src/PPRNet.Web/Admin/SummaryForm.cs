using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Data;
using PPRNet.Web.Shared;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Admin;

/// <summary>What an editor types into the summary form. Shape rules are checked here; rules that
/// need the database (known topics, a slug free in its month) are checked by <see cref="SummaryEditor"/>.</summary>
public sealed class SummaryForm
{
    public int? Id { get; set; }

    /// <summary>The version the editor started from; a different current version means someone else saved meanwhile.</summary>
    public int Version { get; set; }

    [Required(ErrorMessage = "Enter the title readers will see.")]
    [StringLength(ContentLimits.MaxTitleLength, ErrorMessage = "Keep the title under {1} characters.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Enter the month of the issue, as YYYY-MM.")]
    [Display(Name = "Month of the issue")]
    public string? Month { get; set; }

    [StringLength(SummaryRules.MaxSlugLength, ErrorMessage = "Keep the slug under {1} characters.")]
    [Display(Name = "Slug (address)")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Choose the type of research.")]
    [Display(Name = "Type of research")]
    public string? ResearchType { get; set; }

    public List<string> Topics { get; set; } = [];

    [Required(ErrorMessage = "Enter the paper's APA citation.")]
    [StringLength(ContentLimits.MaxCitationLength, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
    [Display(Name = "APA citation")]
    public string? Citation { get; set; }

    [Display(Name = "DOI")]
    public string? Doi { get; set; }

    [Display(Name = "Author email (for reprint requests)")]
    public string? AuthorEmail { get; set; }

    [StringLength(ContentLimits.MaxBottomLineLength,
        ErrorMessage = "Keep the bottom line to one to three sentences (under {1} characters).")]
    [Display(Name = "Bottom line")]
    public string? BottomLine { get; set; }

    [StringLength(ContentLimits.MaxContributorLength, ErrorMessage = "Keep the contributor's name under {1} characters.")]
    [Display(Name = "Written by")]
    public string? Contributor { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "Studies must be a whole number from 0 up.")]
    [Display(Name = "Number of studies (k)")]
    public int? Studies { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "Samples must be a whole number from 0 up.")]
    [Display(Name = "Independent samples")]
    public int? Samples { get; set; }

    [Range(0, 100_000_000, ErrorMessage = "Participants must be a whole number from 0 up.")]
    [Display(Name = "Number of participants (N)")]
    public int? Participants { get; set; }

    [Display(Name = "Effect statistic")]
    public string? EffectStatistic { get; set; }

    [Display(Name = "Effect value")]
    public string? EffectValue { get; set; }

    [Display(Name = "95% CI, lower end")]
    public string? EffectCiLow { get; set; }

    [Display(Name = "95% CI, upper end")]
    public string? EffectCiHigh { get; set; }

    [StringLength(ContentLimits.MaxOutcomeLength, ErrorMessage = "Keep the outcome under {1} characters.")]
    [Display(Name = "What the effect measures")]
    public string? EffectOutcome { get; set; }

    [StringLength(ContentLimits.MaxEffectLength, ErrorMessage = "Keep the other figures under {1} characters.")]
    [Display(Name = "Other figures, as written")]
    public string? Effect { get; set; }

    [Display(Name = "Certainty of the evidence")]
    public string? CertaintyLevel { get; set; }

    /// <summary>The GRADE domains ticked, as codes.</summary>
    public List<string> CertaintyReasons { get; set; } = [];

    [StringLength(ContentLimits.MaxCertaintyNoteLength, ErrorMessage = "Keep the reason under {1} characters.")]
    [Display(Name = "Why, in plain words")]
    public string? CertaintyNote { get; set; }

    [Required(ErrorMessage = "Write the summary.")]
    [Display(Name = "Summary (Markdown)")]
    public string? Body { get; set; }

    [Required(ErrorMessage = "Write the Practice Implications.")]
    [Display(Name = "Practice Implications (Markdown)")]
    public string? Implications { get; set; }

    [Display(Name = "Limitations (Markdown)")]
    public string? Limitations { get; set; }

    public SummaryStatus Status { get; set; } = SummaryStatus.Draft;

    [Display(Name = "Publish date")]
    public DateOnly? PublishedOn { get; set; }

    /// <summary>The slug the summary will get: the one typed, or one made from the title.</summary>
    public string EffectiveSlug => string.IsNullOrWhiteSpace(Slug) ? SummaryRules.Slugify(Title ?? "") : Slug.Trim();

    /// <summary>The topics ticked, without blanks a hand-made post might carry.</summary>
    public IReadOnlyList<string> ChosenTopics => Topics.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Rules about the shape of what was typed, checked with the database rules in
    /// <see cref="SummaryEditor"/> so that every message shows at once.</summary>
    public IEnumerable<FieldError> ShapeProblems(IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (Month is not null && !SummaryRules.TryParseMonth(Month.Trim(), out _))
        {
            yield return new FieldError(nameof(Month), t["Write the month as YYYY-MM, for example 2021-04."]);
        }

        if ((Title is not null || !string.IsNullOrWhiteSpace(Slug)) && !SummaryRules.IsSlug(EffectiveSlug))
        {
            yield return new FieldError(nameof(Slug),
                t["Use lowercase letters, digits and single hyphens, for example mindfulness-and-empathy."]);
        }

        if (ChosenTopics.Count == 0)
        {
            yield return new FieldError(nameof(Topics), t["Choose at least one topic."]);
        }

        if (!string.IsNullOrWhiteSpace(Doi) && SummaryRules.NormalizeDoi(Doi) is null)
        {
            yield return new FieldError(nameof(Doi), t["A DOI looks like 10.1037/pst0000175 (a doi.org address is fine too)."]);
        }

        if (!string.IsNullOrWhiteSpace(AuthorEmail) && !SummaryRules.IsEmail(AuthorEmail.Trim()))
        {
            yield return new FieldError(nameof(AuthorEmail), t["Enter an email address such as name@university.edu, or leave it empty."]);
        }

        var sections = new[] { (Body, nameof(Body)), (Implications, nameof(Implications)), (Limitations, nameof(Limitations)) };
        foreach (var (text, field) in sections)
        {
            if (text is not null && SummaryRules.HasImplicationsHeading(text))
            {
                yield return new FieldError(field, t["Leave out the \"## Practice Implications\" heading; the form adds it."]);
            }
            else if (text is not null && SummaryRules.HasLimitationsHeading(text))
            {
                yield return new FieldError(field, t["Leave out the \"## Limitations\" heading; the form adds it."]);
            }
        }

        // New summaries open with a bottom line; older ones gain one when an editor writes it.
        if (Id is null && string.IsNullOrWhiteSpace(BottomLine))
        {
            yield return new FieldError(nameof(BottomLine),
                t["Write the bottom line: one to three sentences on what was found and how far to trust it."]);
        }

        if (TypedEffect.Read(this, t) is { Field: { } effectField, Problem: { } effectProblem })
        {
            yield return new FieldError(effectField, effectProblem);
        }

        if (TypedCertainty.Read(this, t) is { Field: { } certaintyField, Problem: { } certaintyProblem })
        {
            yield return new FieldError(certaintyField, certaintyProblem);
        }

        foreach (var problem in LimitProblems(t))
        {
            yield return problem;
        }
    }

    /// <summary>The size and nesting limits alone: checked before a preview renders anything.</summary>
    public IEnumerable<FieldError> LimitProblems(IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (ChosenTopics.Count > ContentLimits.MaxTopics)
        {
            yield return new FieldError(nameof(Topics), t["Choose at most {0} topics.", ContentLimits.MaxTopics]);
        }

        foreach (var (text, field, label) in new[]
        {
            (Body, nameof(Body), t["The summary"]), (Implications, nameof(Implications), t["The Practice Implications"]),
            (Limitations, nameof(Limitations), t["The limitations"]), (Citation, nameof(Citation), t["The citation"]),
            (BottomLine, nameof(BottomLine), t["The bottom line"]),
        })
        {
            if (MarkdownLimits.Problem(text, label, t) is { } problem)
            {
                yield return new FieldError(field, problem);
            }
        }
    }

    /// <summary>The form as content: the one mapping both the preview and the save use. The
    /// preview passes placeholders for what is still missing; a save only runs once nothing is.</summary>
    public SummaryContent ToContent(ResearchType type, IReadOnlyList<Topic> topics, string month, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return new SummaryContent
        {
            Title = title ?? Title?.Trim() ?? "",
            Month = month,
            Slug = EffectiveSlug,
            ResearchType = type,
            Topics = topics,
            Citation = Citation?.Trim() ?? "",
            Doi = SummaryRules.NormalizeDoi(Doi),
            AuthorEmail = Optional(AuthorEmail) is { } email && SummaryRules.IsEmail(email) ? email : null,
            Status = Status,
            PublishedOn = PublishedOn ?? SummaryRules.FirstDay(month),
            Studies = Studies,
            Samples = Samples,
            Participants = Participants,
            Effect = Optional(Effect),
            EffectSize = TypedEffect.Read(this).Effect,
            Certainty = TypedCertainty.Read(this).Certainty,
            Contributor = Optional(Contributor),
            BottomLineMarkdown = BottomLine?.Trim() ?? "",
            BodyMarkdown = Body ?? "",
            ImplicationsMarkdown = Implications ?? "",
            LimitationsMarkdown = Limitations?.Trim() ?? "",
        };
    }

    public static SummaryForm From(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new SummaryForm
        {
            Id = summary.Id,
            Version = summary.Version,
            Title = summary.Title,
            Month = summary.Month,
            Slug = summary.Slug,
            ResearchType = summary.ResearchType.Slug,
            Topics = summary.Topics.Select(t => t.Slug).ToList(),
            Citation = summary.CitationMarkdown,
            Doi = summary.Doi,
            AuthorEmail = summary.AuthorEmail,
            Studies = summary.Studies,
            Samples = summary.Samples,
            Participants = summary.Participants,
            Effect = summary.Effect,
            EffectStatistic = summary.EffectStatistic is { } statistic ? Data.EffectSize.Code(statistic) : null,
            EffectValue = Invariant(summary.EffectValue),
            EffectCiLow = Invariant(summary.EffectCiLow),
            EffectCiHigh = Invariant(summary.EffectCiHigh),
            EffectOutcome = summary.EffectOutcome,
            CertaintyLevel = summary.CertaintyLevel is { } level ? Certainty.Code(level) : null,
            CertaintyReasons = summary.Certainty?.Reasons.Select(Certainty.Code).ToList() ?? [],
            CertaintyNote = summary.CertaintyNote,
            Contributor = summary.Contributor,
            BottomLine = summary.BottomLineMarkdown,
            Body = summary.BodyMarkdown,
            Implications = summary.ImplicationsMarkdown,
            Limitations = summary.LimitationsMarkdown,
            Status = summary.Status,
            PublishedOn = summary.PublishedOn,
        };
    }

    private static string? Invariant(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
