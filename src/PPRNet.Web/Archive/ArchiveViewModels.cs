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

    public static IssueViewModel Create(string month, bool isLatest, string? introHtml, IReadOnlyList<SummaryCard> summaries, string? newer, string? older)
    {
        var label = Import.SummaryRules.MonthLabel(month);
        return new IssueViewModel
        {
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
    public required TaxonomyLink? Topic { get; init; }
    public required TaxonomyLink? Type { get; init; }
    public required IReadOnlyList<FilterOption> Topics { get; init; }
    public required IReadOnlyList<FilterOption> Types { get; init; }
    public required int Total { get; init; }
    public required int Page { get; init; }
    public required int PageCount { get; init; }
    public required int FirstNumber { get; init; }
    public int LastNumber => FirstNumber + Months.Sum(m => m.Summaries.Count) - 1;
    public bool IsFiltered => Topic is not null || Type is not null;

    public string PageUrl(int page) => BlogUrls.Archive(Topic?.Slug, Type?.Slug, page);
    public string ClearTopicUrl => BlogUrls.Archive(null, Type?.Slug, 1);
    public string ClearTypeUrl => BlogUrls.Archive(Topic?.Slug, null, 1);

    public static ArchiveViewModel Create(IReadOnlyList<SummaryCard> cards, TaxonomyLink? topic, TaxonomyLink? type,
        IReadOnlyList<FilterOption> topics, IReadOnlyList<FilterOption> types, int total, int page, int pageCount) => new()
    {
        Months = cards.GroupBy(c => c.Month).Select(g => new MonthGroup(g.Key, g.ToList())).ToList(),
        Topic = topic,
        Type = type,
        Topics = topics,
        Types = types,
        Total = total,
        Page = page,
        PageCount = pageCount,
        FirstNumber = (page - 1) * ArchiveReader.PageSize + 1,
        Title = PageTitle(topic, type, page),
        CanonicalPath = BlogUrls.Archive(topic?.Slug, type?.Slug, page),
        Feeds = new[] { topic is null ? null : FeedLinks.ForTopic(topic), type is null ? null : FeedLinks.ForType(type) }.OfType<FeedLink>().ToList(),
        Description = "Every research summary of the PPRNet blog, month by month"
            + (topic is null ? "" : $", on {topic.Name}")
            + (type is null ? "" : $", of type {type.Name}") + ".",
    };

    private static string PageTitle(TaxonomyLink? topic, TaxonomyLink? type, int page) =>
        string.Join(" · ", new[] { "Archive", topic?.Name, type?.Name, page > 1 ? $"page {page}" : null }.OfType<string>());
}

public sealed record StudyFacts(int? Studies, int? Participants, string? Effect)
{
    public bool Any => Studies is not null || Participants is not null || Effect is not null;
}

public sealed class SummaryViewModel : PageViewModel
{
    public required string Month { get; init; }
    public required string Slug { get; init; }
    public required string CitationHtml { get; init; }
    public string? Doi { get; init; }
    public string? AuthorEmail { get; init; }
    public required string BodyHtml { get; init; }
    public required string ImplicationsHtml { get; init; }
    public required StudyFacts Facts { get; init; }
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
    public IReadOnlyList<int> TopicIds { get; init; } = [];
    public string MonthLabel => Import.SummaryRules.MonthLabel(Month);
    public string DoiUrl => $"https://doi.org/{Doi}";

    /// <summary>Minutes at an unhurried 200 words a minute, never less than one.</summary>
    public static int MinutesToRead(int words) => Math.Max(1, (int)Math.Round(words / 200.0));
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
