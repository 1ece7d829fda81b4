using PPRNet.Web.Data;
using PPRNet.Web.Shared;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Archive;

public sealed class SummaryViewModel : PageViewModel
{
    public required string Month { get; init; }
    public required string Slug { get; init; }
    public required string CitationHtml { get; init; }
    public string? Doi { get; init; }
    public string? AuthorEmail { get; init; }
    public string BottomLineHtml { get; init; } = "";
    public required string BodyHtml { get; init; }
    public required string ImplicationsHtml { get; init; }
    public string LimitationsHtml { get; init; } = "";
    public required StudyFacts Facts { get; init; }

    /// <summary>How far to trust the finding; null when the editors have not rated it.</summary>
    public Certainty? Certainty { get; init; }
    public string? Contributor { get; init; }
    public DateOnly? RevisedOn { get; init; }
    public required TaxonomyLink ResearchType { get; init; }
    public required IReadOnlyList<TaxonomyLink> Topics { get; init; }
    public required int ReadingMinutes { get; init; }
    public required Citations.ApaCitation Citation { get; init; }
    public DateOnly PublishedOn { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public IReadOnlyList<SummaryLink> Related { get; init; } = [];
    public string Url => BlogUrls.Summary(Month, Slug);
    public SummaryLink? Newer { get; init; }
    public SummaryLink? Older { get; init; }
    public int Id { get; init; }
    public IReadOnlyList<int> TopicIds { get; set; } = [];
    public string MonthLabel => SummaryRules.MonthLabel(Month);
    public string DoiUrl => $"https://doi.org/{Doi}";

    /// <summary>Minutes at an unhurried 200 words a minute, never less than one.</summary>
    public static int MinutesToRead(int words) => Math.Max(1, (int)Math.Round(words / 200.0));

    /// <summary>The page of one summary, from what its row shows: the public page and the editors'
    /// preview both come through here, so the preview is what readers will get.</summary>
    public static SummaryViewModel Create(SummaryPageRow summary, TaxonomyLink type, IReadOnlyList<TaxonomyLink> topics,
        IReadOnlyList<SummaryLink>? related = null, SummaryLink? older = null, SummaryLink? newer = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(type);
        return new SummaryViewModel
        {
            Id = summary.Id,
            Month = summary.Month,
            Slug = summary.Slug,
            Title = summary.Title,
            Description = summary.Description,
            CanonicalPath = BlogUrls.Summary(summary.Month, summary.Slug),
            OpenGraphType = "article",
            Feeds = topics.Select(FeedLinks.ForTopic).ToList(),
            Citation = summary.Citation,
            PublishedOn = summary.PublishedOn,
            RevisedOn = summary.RevisedOn > summary.PublishedOn ? summary.RevisedOn : null,
            UpdatedAt = summary.UpdatedAt,
            Contributor = summary.Contributor,
            Related = related ?? [],
            CitationHtml = summary.CitationHtml,
            Doi = summary.Doi,
            AuthorEmail = summary.AuthorEmail,
            BottomLineHtml = summary.BottomLineHtml,
            BodyHtml = summary.BodyHtml,
            ImplicationsHtml = summary.ImplicationsHtml,
            LimitationsHtml = summary.LimitationsHtml,
            Facts = new StudyFacts(type.Name, summary.Studies, summary.Samples, summary.Participants, summary.EffectSize, summary.Effect),
            Certainty = summary.Certainty,
            ResearchType = type,
            Topics = topics,
            ReadingMinutes = MinutesToRead(summary.WordCount),
            Older = older,
            Newer = newer,
        };
    }
}
