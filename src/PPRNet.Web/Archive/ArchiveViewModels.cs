using PPRNet.Web.Shared;

namespace PPRNet.Web.Archive;

public sealed record TaxonomyLink(string Slug, string Name);

/// <summary>A summary as it appears in lists: enough to decide whether to read it.</summary>
public sealed record SummaryCard(
    int Id,
    string Month,
    string Slug,
    string Title,
    string CitationHtml,
    string Excerpt,
    string BottomLineHtml,
    string ImplicationsHtml,
    TaxonomyLink ResearchType,
    IReadOnlyList<TaxonomyLink> Topics)
{
    public string Url => BlogUrls.Summary(Month, Slug);
}

/// <summary>A link to a summary: what previous/next and "More on this topic" show, and no more.</summary>
public sealed record SummaryLink(int Id, string Month, string Slug, string Title, TaxonomyLink ResearchType)
{
    public string Url => BlogUrls.Summary(Month, Slug);
}

public sealed record MonthGroup(string Month, IReadOnlyList<SummaryCard> Summaries)
{
    public string Label => Import.SummaryRules.MonthLabel(Month);
    public string Url => BlogUrls.Month(Month);
}

public sealed class IssueViewModel : PageViewModel
{
    public required string Month { get; init; }
    public string? IntroHtml { get; init; }
    public required IReadOnlyList<SummaryCard> Summaries { get; init; }
    public string? NewerMonth { get; init; }
    public string? OlderMonth { get; init; }
    public string Label => Import.SummaryRules.MonthLabel(Month);

    /// <summary>True when the issue is this calendar month's; the home page says "Latest month" otherwise.</summary>
    public bool IsCurrentMonth { get; init; }

    public static IssueViewModel Create(string month, bool isLatest, string? introHtml, IReadOnlyList<SummaryCard> summaries, string? newer, string? older, DateOnly today)
    {
        var label = Import.SummaryRules.MonthLabel(month);
        return new IssueViewModel
        {
            IsCurrentMonth = month == today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            Month = month,
            IntroHtml = introHtml,
            Summaries = summaries,
            NewerMonth = newer,
            OlderMonth = older,
            Title = isLatest ? "PPRNet Research Blog: psychotherapy research for practising clinicians" : $"{label}: research summaries",
            Description = $"{label} on the PPRNet Research Blog: {string.Join("; ", summaries.Select(s => s.Title))}.",
        };
    }
}

public sealed record FilterOption(string Slug, string Name, int Count, bool Selected, string Url);

public sealed class ArchiveViewModel : PageViewModel
{
    public required IReadOnlyList<MonthGroup> Months { get; init; }

    /// <summary>The topics chosen; a summary in any of them is shown.</summary>
    public required IReadOnlyList<TaxonomyLink> ChosenTopics { get; init; }
    public required TaxonomyLink? Type { get; init; }
    public required IReadOnlyList<FilterOption> Topics { get; init; }
    public required IReadOnlyList<FilterOption> Types { get; init; }
    public required int Total { get; init; }
    public required int Page { get; init; }
    public required int PageCount { get; init; }
    public required int FirstNumber { get; init; }
    public int LastNumber => FirstNumber + Months.Sum(m => m.Summaries.Count) - 1;
    public bool IsFiltered => ChosenTopics.Count > 0 || Type is not null;
    private IEnumerable<string> TopicSlugs => ChosenTopics.Select(t => t.Slug);

    public string PageUrl(int page) => BlogUrls.ArchiveOf(TopicSlugs, Type?.Slug, page);
    public string ClearTopicsUrl => BlogUrls.ArchiveOf([], Type?.Slug, 1);
    public string ClearTypeUrl => BlogUrls.ArchiveOf(TopicSlugs, null, 1);
    public string WithoutTopicUrl(string slug) => BlogUrls.ArchiveOf(TopicSlugs.Where(t => t != slug), Type?.Slug, 1);

    public static ArchiveViewModel Create(IReadOnlyList<SummaryCard> cards, IReadOnlyList<TaxonomyLink> topics, TaxonomyLink? type,
        IReadOnlyList<FilterOption> topicOptions, IReadOnlyList<FilterOption> typeOptions, int total, int page, int pageCount)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return new()
        {
            Months = cards.GroupBy(c => c.Month).Select(g => new MonthGroup(g.Key, g.ToList())).ToList(),
            ChosenTopics = topics,
            Type = type,
            Topics = topicOptions,
            Types = typeOptions,
            Total = total,
            Page = page,
            PageCount = pageCount,
            FirstNumber = (page - 1) * ArchiveReader.PageSize + 1,
            Title = PageTitle(topics, type, page),
            CanonicalPath = BlogUrls.ArchiveOf(topics.Select(t => t.Slug), type?.Slug, page),
            Feeds = topics.Select(FeedLinks.ForTopic).Concat(type is null ? [] : [FeedLinks.ForType(type)]).ToList(),
            Description = "Every research summary of the PPRNet blog, month by month"
                + (topics.Count == 0 ? "" : $", on {string.Join(" or ", topics.Select(t => t.Name))}")
                + (type is null ? "" : $", of type {type.Name}") + ".",
        };
    }

    private static string PageTitle(IReadOnlyList<TaxonomyLink> topics, TaxonomyLink? type, int page) =>
        string.Join(" · ", new[] { "Archive", topics.Count == 0 ? null : string.Join(" or ", topics.Select(t => t.Name)), type?.Name, page > 1 ? $"page {page}" : null }.OfType<string>());
}

/// <summary>The facts box: what kind of study, what it counted and how large its effect was.</summary>
public sealed record StudyFacts(string Design, int? Studies, int? Samples, int? Participants, Data.EffectSize? EffectSize, string? Effect);

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
    public string MonthLabel => Import.SummaryRules.MonthLabel(Month);
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
            ResearchType = type,
            Topics = topics,
            ReadingMinutes = MinutesToRead(summary.WordCount),
            Older = older,
            Newer = newer,
        };
    }
}

public sealed record TopicCount(string Slug, string Name, int Count)
{
    public string Url => BlogUrls.Topic(Slug);
}

public sealed class TopicIndexViewModel : PageViewModel
{
    public required IReadOnlyList<TopicCount> Topics { get; init; }

    public static TopicIndexViewModel Create(IReadOnlyList<TopicCount> topics) => new()
    {
        Topics = topics,
        Title = "Topics",
        Description = "The topics of the PPRNet Research Blog, with the number of research summaries on each.",
    };
}

/// <summary>A card and how to show it: as a page's main items (h2) or under a month heading (h3).</summary>
public sealed record SummaryCardView(SummaryCard Card, int HeadingLevel, bool ShowImplications);

/// <summary>The "Type of Research" and "Topics" link lists, shared by the archive and search pages.</summary>
public sealed record FilterLinks(
    IReadOnlyList<FilterOption> Types,
    IReadOnlyList<FilterOption> Topics,
    string ClearTypeUrl,
    string ClearTopicUrl,
    bool TypeApplied,
    bool TopicApplied);
