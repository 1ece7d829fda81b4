using Microsoft.Extensions.Localization;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Archive;

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

    public static ArchiveViewModel Create(IStringLocalizer<Ui> t, IReadOnlyList<SummaryCard> cards, IReadOnlyList<TaxonomyLink> topics,
        TaxonomyLink? type, IReadOnlyList<FilterOption> topicOptions, IReadOnlyList<FilterOption> typeOptions,
        int total, int page, int pageCount)
    {
        ArgumentNullException.ThrowIfNull(t);
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
            Title = PageTitle(t, topics, type, page),
            CanonicalPath = BlogUrls.ArchiveOf(topics.Select(t => t.Slug), type?.Slug, page),
            Feeds = topics.Select(FeedLinks.ForTopic).Concat(type is null ? [] : [FeedLinks.ForType(type)]).ToList(),
            Description = (topics.Count, type) switch
            {
                (0, null) => t["Every research summary of the PPRNet blog, month by month."],
                (0, _) => t["Every research summary of the PPRNet blog of type {0}, month by month.", type.Name],
                (_, null) => t["Every research summary of the PPRNet blog on {0}, month by month.", AnyOf(t, topics)],
                _ => t["Every research summary of the PPRNet blog on {0}, of type {1}, month by month.", AnyOf(t, topics), type.Name],
            },
        };
    }

    private static string PageTitle(IStringLocalizer<Ui> t, IReadOnlyList<TaxonomyLink> topics, TaxonomyLink? type, int page) =>
        string.Join(" · ", new[] { t["Archive"].Value, topics.Count == 0 ? null : AnyOf(t, topics),
            type?.Name, page > 1 ? t["page {0}", page].Value : null }.OfType<string>());

    /// <summary>"Empathy or Alliance": topics joined by the language's word for "or".</summary>
    private static string AnyOf(IStringLocalizer<Ui> t, IReadOnlyList<TaxonomyLink> topics) =>
        string.Join($" {t["or"]} ", topics.Select(topic => topic.Name));
}
