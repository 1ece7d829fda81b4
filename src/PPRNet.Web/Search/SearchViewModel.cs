using PPRNet.Web.Archive;
using PPRNet.Web.Shared;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Search;

public sealed record SearchResult(SummaryCard Card, string SnippetHtml)
{
    public string MonthLabel => SummaryRules.MonthLabel(Card.Month);
}

public sealed class SearchViewModel : PageViewModel
{
    public string? Query { get; init; }

    /// <summary>The query as echoed back to the reader: a pasted page is cut short.</summary>
    public string? ShownQuery => Query is { Length: > 80 } ? Query[..80] + "…" : Query;
    public bool HasWords { get; init; }
    public required IReadOnlyList<SearchResult> Results { get; init; }
    public required TaxonomyLink? Topic { get; init; }
    public required TaxonomyLink? Type { get; init; }
    public required IReadOnlyList<FilterOption> Topics { get; init; }
    public required IReadOnlyList<FilterOption> Types { get; init; }
    public required int Total { get; init; }

    /// <summary>True when more summaries matched than a search reads; the page says so.</summary>
    public bool Capped { get; init; }
    public required int Page { get; init; }
    public required int PageCount { get; init; }
    public int FirstNumber => (Page - 1) * SearchReader.PageSize + 1;
    public int LastNumber => FirstNumber + Results.Count - 1;

    public string PageUrl(int page) => SearchReader.Url(Query, Topic?.Slug, Type?.Slug, page);
}
