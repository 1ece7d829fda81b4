using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Archive;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;

namespace PPRNet.Web.Search;

/// <summary>Full-text search over published summaries with SQLite FTS5: porter stemming, prefix
/// words, bm25 ranking (a title match weighs most), highlighted snippets, and the archive's
/// topic and type filters. The index is kept by triggers on the Summaries table, so every
/// import, save, restore and delete is searchable at once. Each search runs one MATCH (a second,
/// with prefixes, only when whole words found nothing), over at most the <see cref="MaxHits"/>
/// newest matching summaries; ranking, filters, paging and the filter counts all work on that
/// one result.</summary>
public sealed class SearchReader(PreparedStatements statements, ArchiveReader archive, Facets facets, IStringLocalizer<Ui> t)
{
    public const int PageSize = 20;

    /// <summary>A word in most of a 100,000-summary archive still answers in a few milliseconds:
    /// the best of its newest 500 matches (at two or three summaries a month, fifteen years of the
    /// blog), 25 pages, more than anyone pages through. Every match read is ranked, joined to its
    /// row and topics and counted, so this cap is what a search for a common word costs.</summary>
    public const int MaxHits = 500;

    public static string Url(string? query, string? topic, string? type, int page)
    {
        var filters = BlogUrls.FilterQuery(topic is null ? [] : [topic], type, page).ToQueryString();
        var rest = filters.HasValue ? "&" + filters.Value![1..] : "";
        return SiteLanguage.Local($"/search?q={Uri.EscapeDataString(query ?? "")}{rest}");
    }

    /// <summary>Null when the topic, the type or the page does not exist.</summary>
    public async Task<SearchViewModel?> SearchAsync(string? query, ArchiveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var taxonomy = await facets.TaxonomyAsync(cancellationToken);
        // Search narrows by one topic; the archive is where several combine.
        var topicSlug = request.Topics.FirstOrDefault();
        var topic = taxonomy.Topic(topicSlug);
        var type = taxonomy.Type(request.Type);
        if ((topicSlug is not null && topic is null) || (request.Type is not null && type is null))
        {
            return null;
        }

        query = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        var words = SearchTerms.Words(query);
        var match = SearchTerms.ToMatch(words);
        string title = query is null ? t["Search"] : t["Search: {0}", query.Length > 60 ? query[..60] + "…" : query];
        var described = query is null ? "" : query.Length > 80 ? query[..80] + "…" : query;
        if (match is null)
        {
            var counts = facets.Counts();
            var (allTopics, allTypes) = Facets.Options(taxonomy, counts.Count, topic, type, (t, ty) => Url(null, t, ty, 1));
            return new SearchViewModel
            {
                Query = query,
                HasWords = false,
                Results = [],
                Topic = topic?.Link,
                Type = type?.Link,
                Topics = allTopics,
                Types = allTypes,
                Total = 0,
                Page = 1,
                PageCount = 1,
                Title = title,
                Description = t["Search every research summary of the PPRNet blog."],
            };
        }

        var today = facets.Today;
        var matchSql = words.Count == 1 ? OneWordMatchSql : SeveralWordsMatchSql;
        List<Hit> Match(string expression) => statements.Read(matchSql,
            parameters => parameters.AddRange([SummaryQueries.TodayParameter(today), new SqliteParameter("$match", expression)]),
            ReadHits);

        // Whole words first: a word in most summaries then costs one posting list read from its
        // newest end. Only when they find nothing is the search run again with every word a prefix.
        var found = Match(SearchTerms.ToMatch(words, prefixes: false)!);
        if (found.Count == 0)
        {
            found = Match(match);
        }

        var capped = found.Count > MaxHits;
        var hits = found.OrderByDescending(h => h.Id).Take(MaxHits).Where(h => h.IsPublic).ToList();
        var ordered = hits.Where(h => (type is null || h.TypeId == type.Id) && (topic is null || h.Topics.Contains(topic.Id)))
            .OrderBy(h => h.Rank).ThenBy(h => h.Id).ToList();
        var total = ordered.Count;
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (request.Page > pageCount)
        {
            return null;
        }

        var pageIds = ordered.Skip((request.Page - 1) * PageSize).Take(PageSize).Select(h => h.Id).ToList();
        var cards = archive.Cards(pageIds, taxonomy);
        var texts = Texts(pageIds);
        // Each choice counts what choosing it would show, given the other filter: one pass each.
        var byTopic = hits.Where(h => type is null || h.TypeId == type.Id).SelectMany(h => h.Topics).CountBy(id => id).ToDictionary();
        var byType = hits.Where(h => topic is null || h.Topics.Contains(topic.Id)).CountBy(h => h.TypeId).ToDictionary();
        int Count(int? topicId, int? typeId) => topicId is { } t && typeId == type?.Id
            ? byTopic.GetValueOrDefault(t)
            : byType.GetValueOrDefault(typeId ?? 0);

        var (topics, types) = Facets.Options(taxonomy, Count, topic, type, (t, ty) => Url(query, t, ty, 1));
        return new SearchViewModel
        {
            Query = query,
            HasWords = true,
            Results = cards.Select(c => new SearchResult(c, Snippets.Html(texts.GetValueOrDefault(c.Id, ""), words))).ToList(),
            Topic = topic?.Link,
            Type = type?.Link,
            Topics = topics,
            Types = types,
            Total = total,
            Capped = capped,
            Page = request.Page,
            PageCount = pageCount,
            Title = title,
            Description = t["Research summaries matching {0}.", described],
        };
    }

    private static readonly string OneWordMatchSql = MatchSql(SearchRanking.OneWordSql);

    private static readonly string SeveralWordsMatchSql = MatchSql(SearchRanking.SeveralWordsSql);

    /// <summary>The newest matches, each with whether readers may see it: a column rather than a
    /// filter, so the statement stops after <see cref="MaxHits"/> + 1 matches whatever they are.</summary>
    private static string MatchSql(string rank) => $"""
        SELECT h.Id, h.Rank, s.ResearchTypeId,
               ({SummaryQueries.PublishedSql("s", SummaryQueries.TodayName)}) AS IsPublic,
               {IdLists.TopicIdsSql("h.Id")} AS TopicIds
        FROM (SELECT rowid AS Id, {rank} AS Rank
              FROM SummarySearch WHERE SummarySearch MATCH $match ORDER BY rowid DESC LIMIT {MaxHits + 1}) AS h
        JOIN Summaries s ON s.Id = h.Id
        """;

    private static List<Hit> ReadHits(SqliteDataReader reader)
    {
        var hits = new List<Hit>(MaxHits + 1);
        while (reader.Read())
        {
            hits.Add(new Hit(reader.GetInt32(0), reader.GetDouble(1), reader.GetInt32(2), reader.GetBoolean(3),
                IdLists.Parse(reader.IsDBNull(4) ? null : reader.GetString(4))));
        }

        return hits;
    }

    /// <summary>The plain text of the page's results, for their snippets.</summary>
    private Dictionary<int, string> Texts(List<int> ids) => ids.Count == 0
        ? []
        : statements.Read(TextsSql,
            parameters => parameters.Add(IdLists.Parameter(ids)),
            reader =>
            {
                var texts = new Dictionary<int, string>(ids.Count);
                while (reader.Read())
                {
                    texts[reader.GetInt32(0)] = reader.GetString(1) + "\n" + reader.GetString(2);
                }

                return texts;
            });

    private const string TextsSql = $"SELECT Id, BodyText, ImplicationsText FROM Summaries WHERE Id IN {IdLists.InParameter}";

    private sealed record Hit(int Id, double Rank, int TypeId, bool IsPublic, List<int> Topics);
}
