using System.ComponentModel.DataAnnotations;
using PPRNet.Web.Data;
using PPRNet.Web.Import;

namespace PPRNet.Web.Admin;

/// <summary>What an editor types into the summary form. Shape rules are checked here; rules that
/// need the database (known topics, a slug free in its month) are checked by <see cref="SummaryEditor"/>.</summary>
public sealed class SummaryForm
{
    public int? Id { get; set; }

    /// <summary>The version the editor started from; a different current version means someone else saved meanwhile.</summary>
    public int Version { get; set; }

    [Required(ErrorMessage = "Enter the title readers will see.")]
    [StringLength(300, ErrorMessage = "Keep the title under 300 characters.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Enter the month of the issue, as YYYY-MM.")]
    [Display(Name = "Month of the issue")]
    public string? Month { get; set; }

    [StringLength(SummaryRules.MaxSlugLength, ErrorMessage = "Keep the slug under 120 characters.")]
    [Display(Name = "Slug (address)")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Choose the type of research.")]
    [Display(Name = "Type of research")]
    public string? ResearchType { get; set; }

    public List<string> Topics { get; set; } = [];

    [Required(ErrorMessage = "Enter the paper's APA citation.")]
    [StringLength(2000)]
    [Display(Name = "APA citation")]
    public string? Citation { get; set; }

    [Display(Name = "DOI")]
    public string? Doi { get; set; }

    [Display(Name = "Author email (for reprint requests)")]
    public string? AuthorEmail { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "Studies must be a whole number from 0 up.")]
    [Display(Name = "Number of studies (k)")]
    public int? Studies { get; set; }

    [Range(0, 100_000_000, ErrorMessage = "Participants must be a whole number from 0 up.")]
    [Display(Name = "Number of participants (N)")]
    public int? Participants { get; set; }

    [StringLength(300)]
    [Display(Name = "Headline effect, as written")]
    public string? Effect { get; set; }

    [Required(ErrorMessage = "Write the summary.")]
    [Display(Name = "Summary (Markdown)")]
    public string? Body { get; set; }

    [Required(ErrorMessage = "Write the Practice Implications.")]
    [Display(Name = "Practice Implications (Markdown)")]
    public string? Implications { get; set; }

    public SummaryStatus Status { get; set; } = SummaryStatus.Draft;

    [Display(Name = "Publish date")]
    public DateOnly? PublishedOn { get; set; }

    /// <summary>The slug the summary will get: the one typed, or one made from the title.</summary>
    public string EffectiveSlug => string.IsNullOrWhiteSpace(Slug) ? SummaryRules.Slugify(Title ?? "") : Slug.Trim();

    /// <summary>The topics ticked, without blanks a hand-made post might carry.</summary>
    public IReadOnlyList<string> ChosenTopics => Topics.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Rules about the shape of what was typed, checked with the database rules in
    /// <see cref="SummaryEditor"/> so that every message shows at once.</summary>
    public IEnumerable<(string Field, string Message)> ShapeProblems()
    {
        if (Month is not null && !SummaryRules.TryParseMonth(Month.Trim(), out _))
        {
            yield return (nameof(Month), "Write the month as YYYY-MM, for example 2021-04.");
        }

        if ((Title is not null || !string.IsNullOrWhiteSpace(Slug)) && !SummaryRules.IsSlug(EffectiveSlug))
        {
            yield return (nameof(Slug), "Use lowercase letters, digits and single hyphens, for example mindfulness-and-empathy.");
        }

        if (ChosenTopics.Count == 0)
        {
            yield return (nameof(Topics), "Choose at least one topic.");
        }

        if (!string.IsNullOrWhiteSpace(Doi) && SummaryRules.NormalizeDoi(Doi) is null)
        {
            yield return (nameof(Doi), "A DOI looks like 10.1037/pst0000175 (a doi.org address is fine too).");
        }

        if (!string.IsNullOrWhiteSpace(AuthorEmail) && !SummaryRules.IsEmail(AuthorEmail.Trim()))
        {
            yield return (nameof(AuthorEmail), "Enter an email address such as name@university.edu, or leave it empty.");
        }

        foreach (var (text, field) in new[] { (Body, nameof(Body)), (Implications, nameof(Implications)) })
        {
            if (text is not null && SummaryRules.HasImplicationsHeading(text))
            {
                yield return (field, "Leave out the \"## Practice Implications\" heading; the form adds it.");
            }
        }

        foreach (var problem in LimitProblems())
        {
            yield return problem;
        }
    }

    /// <summary>The size and nesting limits alone: checked before a preview renders anything.</summary>
    public IEnumerable<(string Field, string Message)> LimitProblems()
    {
        if (ChosenTopics.Count > ContentLimits.MaxTopics)
        {
            yield return (nameof(Topics), $"Choose at most {ContentLimits.MaxTopics} topics.");
        }

        foreach (var (text, field, label) in new[] { (Body, nameof(Body), "The summary"), (Implications, nameof(Implications), "The Practice Implications"), (Citation, nameof(Citation), "The citation") })
        {
            if (ContentLimits.MarkdownProblem(text) is { } problem)
            {
                yield return (field, $"{label} {problem.Problem}{ContentLimits.LineNote(problem.Line)}.");
            }
        }
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
            Participants = summary.Participants,
            Effect = summary.Effect,
            Body = summary.BodyMarkdown,
            Implications = summary.ImplicationsMarkdown,
            Status = summary.Status,
            PublishedOn = summary.PublishedOn,
        };
    }
}
