using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Archive;
using PPRNet.Web.Data;

namespace PPRNet.Web.Search;

/// <summary>Full-text search over published summaries with SQLite FTS5: porter stemming, prefix
/// words, bm25 ranking (a title match weighs most), highlighted snippets, and the archive's
/// topic and type filters. The index is kept by triggers on the Summaries table, so every
/// import, save, restore and delete is searchable at once.</summary>
public sealed class SearchReader(BlogDbContext db, ArchiveReader archive)
{
    public const int PageSize = 20;

    // Private-use characters mark the highlight in FTS5's snippet, so the snippet text can be
    // HTML-encoded before the marks become <mark> elements.
    private const string Open = "\uE000";
    private const string Close = "\uE001";

    public static string Url(string? query, string? topic, string? type, int page)
    {
        var url = BlogUrls.Archive(topic, type, page);
        var rest = url.Length > "/blog".Length ? "&" + url["/blog?".Length..] : "";
        return $"/search?q={Uri.EscapeDataString(query ?? "")}{rest}";
    }

    /// <summary>Null when the topic, the type or the page does not exist.</summary>
    public async Task<SearchViewModel?> SearchAsync(string? query, ArchiveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (known, topic, type) = await archive.ResolveFiltersAsync(request.Topic, request.Type, cancellationToken);
        if (!known)
        {
            return null;
        }

        query = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        var words = SearchTerms.Words(query);
        var match = SearchTerms.ToMatch(words);
        var title = query is null ? "Search" : $"Search: {(query.Length > 60 ? query[..60] + "…" : query)}";
        var described = query is null ? "" : query.Length > 80 ? query[..80] + "…" : query;
        if (match is null)
        {
            var (allTopics, allTypes) = await archive.FacetsAsync(archive.Published, request.Topic, request.Type, (t, ty) => Url(null, t, ty, 1), cancellationToken);
            return new SearchViewModel
            {
                Query = query, HasWords = false, Results = [], Topic = topic, Type = type, Topics = allTopics, Types = allTypes,
                Total = 0, Page = 1, PageCount = 1, Title = title,
                Description = "Search every research summary of the PPRNet blog.",
            };
        }

        // One MATCH for every hit and its rank; filters, paging and facets then work on the ids,
        // and snippets are made only for the page shown.
        var ranked = await db.Database.SqlQuery<RankedHit>($"""
            SELECT rowid AS Id, bm25(SummarySearch, 10.0, 3.0, 1.0, 2.0) AS Rank
            FROM SummarySearch WHERE SummarySearch MATCH {match}
            """).ToListAsync(cancellationToken);
        // As a non-correlated IN (subquery), SQLite runs this MATCH once per query, not per row.
        var matchIds = db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM SummarySearch WHERE SummarySearch MATCH {match}");
        var allowed = (await archive.Published.WithTopic(request.Topic).OfType(request.Type)
            .Where(s => matchIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
        var ordered = ranked.Where(h => allowed.Contains(h.Id)).OrderBy(h => h.Rank).ThenBy(h => h.Id).ToList();
        var total = ordered.Count;
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (request.Page > pageCount)
        {
            return null;
        }

        var pageIds = ordered.Skip((request.Page - 1) * PageSize).Take(PageSize).Select(h => h.Id).ToList();
        var snippets = await db.Database.SqlQuery<SnippetHit>($"""
            SELECT rowid AS Id, snippet(SummarySearch, -1, {Open}, {Close}, '…', 28) AS Snippet
            FROM SummarySearch WHERE SummarySearch MATCH {match} AND rowid IN (SELECT value FROM json_each({JsonSerializer.Serialize(pageIds)}))
            """).ToDictionaryAsync(h => h.Id, h => h.Snippet, cancellationToken);
        var cards = (await archive.CardsAsync(db.Summaries.AsNoTracking().Where(s => pageIds.Contains(s.Id)), cancellationToken))
            .ToDictionary(c => c.Id);

        var scope = archive.Published.Where(s => matchIds.Contains(s.Id));
        var (topics, types) = await archive.FacetsAsync(scope, request.Topic, request.Type, (t, ty) => Url(query, t, ty, 1), cancellationToken);
        return new SearchViewModel
        {
            Query = query,
            HasWords = true,
            Results = pageIds.Select(id => new SearchResult(cards[id], Highlight(snippets.GetValueOrDefault(id, "")))).ToList(),
            Topic = topic,
            Type = type,
            Topics = topics,
            Types = types,
            Total = total,
            Page = request.Page,
            PageCount = pageCount,
            Title = title,
            Description = $"Research summaries matching {described}.",
        };
    }

    private static string Highlight(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(Open, "<mark>", StringComparison.Ordinal).Replace(Close, "</mark>", StringComparison.Ordinal);

    private sealed class RankedHit
    {
        public int Id { get; set; }
        public double Rank { get; set; }
    }

    private sealed class SnippetHit
    {
        public int Id { get; set; }
        public string Snippet { get; set; } = "";
    }
}
