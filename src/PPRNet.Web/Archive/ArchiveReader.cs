using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Archive;

/// <summary>Builds the public pages' view models. Every query reads an index in the order the page
/// shows and stops after what it shows, so a page costs the same at 100 summaries or 100,000.</summary>
public sealed class ArchiveReader(
    BlogDbContext db, Facets facets, PreparedStatements statements, TopicWindows topicWindows, IStringLocalizer<Ui> t)
{
    public const int PageSize = 20;

    private DateOnly Today => facets.Today;

    public IQueryable<Summary> Published => db.Summaries.AsNoTracking().Published(Today);

    /// <summary>Cards for the given summaries, in the given order.</summary>
    public List<SummaryCard> Cards(IReadOnlyList<int> ids, Taxonomy taxonomy) => SummaryCards.Read(statements, ids, taxonomy);

    /// <summary>The home page: the first page of the newest month with public summaries.</summary>
    public async Task<IssueViewModel?> LatestIssueAsync(CancellationToken cancellationToken) =>
        MonthPage.Latest(statements, Today) is { } latest ? await IssueAsync(latest, 1, isLatest: true, cancellationToken) : null;

    /// <summary>A page of a month; null when the month has no public summaries or not that many pages.</summary>
    public Task<IssueViewModel?> IssueAsync(int year, int month, int page, CancellationToken cancellationToken) =>
        SummaryRules.TryParseMonth($"{year:D4}-{month:D2}", out var key)
            ? IssueAsync(key, page, isLatest: false, cancellationToken)
            : Task.FromResult<IssueViewModel?>(null);

    private async Task<IssueViewModel?> IssueAsync(string month, int page, bool isLatest, CancellationToken cancellationToken)
    {
        var read = MonthPage.Read(statements, month, page, Today);
        if (read.Ids.Count == 0)
        {
            return null;
        }

        var taxonomy = await facets.TaxonomyAsync(cancellationToken);
        return IssueViewModel.Create(t, month, isLatest, read, Cards(read.Ids, taxonomy), page, PageSize, Today);
    }

    /// <summary>One page of the archive, narrowed by topics (any of them) and type; null when a
    /// topic, the type or the page does not exist.</summary>
    public async Task<ArchiveViewModel?> ArchivePageAsync(ArchiveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var taxonomy = await facets.TaxonomyAsync(cancellationToken);
        var topics = request.Topics.Select(taxonomy.Topic).ToList();
        var type = taxonomy.Type(request.Type);
        if (topics.Any(t => t is null) || (request.Type is not null && type is null))
        {
            return null;
        }

        // The taxonomy's order, so the same choice always has the same address.
        var chosen = topics.OfType<Term>().OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var counts = facets.Counts();
        Func<int?, int> typeCount = chosen.Count <= 1
            ? typeId => counts.Count(chosen.FirstOrDefault()?.Id, typeId)
            : await AnyTopicCountsAsync(chosen, cancellationToken);
        var total = typeCount(type?.Id);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (request.Page > pageCount)
        {
            return null;
        }

        var skip = (request.Page - 1) * PageSize;
        var ids = chosen.Count <= 1
            ? ArchivePageIds.Read(statements, counts, chosen.FirstOrDefault()?.Id, type?.Id, skip, Today)
            : await AnyTopicPageIdsAsync(chosen, type?.Id, skip, cancellationToken);
        var cards = Cards(ids, taxonomy);
        var options = Facets.ArchiveOptions(taxonomy, counts, typeCount, chosen, type);
        return ArchiveViewModel.Create(t, cards, chosen.Select(t => t.Link).ToList(), type?.Link,
            options.Topics, options.Types, total, request.Page, pageCount);
    }

    /// <summary>Public summaries in any of several topics, by type. Not constant: it counts the
    /// chosen topics' listing rows (one index range each), which only a multi-topic choice pays.</summary>
    private async Task<Func<int?, int>> AnyTopicCountsAsync(IReadOnlyList<Term> topics, CancellationToken cancellationToken)
    {
        var ids = string.Join(",", topics.Select(t => t.Id));
        // Topic ids are integers from the taxonomy, never text from the request; the date is a parameter.
        var sql = $"""
            SELECT ResearchTypeId, COUNT(DISTINCT SummaryId) AS Count FROM TopicListings INDEXED BY {Indexes.TopicListingsPublishedTypes}
            WHERE TopicId IN ({ids}) AND {SummaryQueries.ListingPublishedSql(null, SummaryQueries.TodayName)} GROUP BY ResearchTypeId
            """;
        var rows = await db.Database.SqlQueryRaw<TypeCountRow>(sql, SummaryQueries.TodayParameter(Today)).ToListAsync(cancellationToken);
        var byType = rows.ToDictionary(r => r.ResearchTypeId, r => r.Count);
        var all = byType.Values.Sum();
        return typeId => typeId is { } t ? byType.GetValueOrDefault(t) : all;
    }

    /// <summary>A page of summaries in any of several topics: each topic's listing read in archive
    /// order up to this page's end, merged without duplicates.</summary>
    private async Task<List<int>> AnyTopicPageIdsAsync(IReadOnlyList<Term> topics, int? typeId,
        int skip, CancellationToken cancellationToken)
    {
        var take = skip + PageSize;
        var index = typeId is null ? Indexes.TopicListingsArchive : Indexes.TopicListingsArchiveByType;
        var ofType = typeId is null ? "" : $" AND ResearchTypeId = {typeId}";
        var parts = topics.Select(topic => $"""
            SELECT * FROM (SELECT SummaryId, Month, PublishedOn, Title FROM TopicListings INDEXED BY {index}
              WHERE TopicId = {topic.Id} AND {SummaryQueries.ListingPublishedSql(null, SummaryQueries.TodayName)}{ofType}
              ORDER BY Month DESC, PublishedOn DESC, Title, SummaryId LIMIT {take})
            """);
        // Only integers from the taxonomy and the page are in the text; the date is a parameter.
        var sql = $"""
            SELECT SummaryId AS Value FROM ({string.Join("\nUNION\n", parts)})
            ORDER BY Month DESC, PublishedOn DESC, Title, SummaryId LIMIT {PageSize} OFFSET {skip}
            """;
        return await db.Database.SqlQueryRaw<int>(sql, SummaryQueries.TodayParameter(Today)).ToListAsync(cancellationToken);
    }

    public async Task<SummaryViewModel?> SummaryAsync(int year, int month, string slug, CancellationToken cancellationToken)
    {
        if (!SummaryRules.TryParseMonth($"{year:D4}-{month:D2}", out var key) || !SummaryRules.IsSlug(slug))
        {
            return null;
        }

        var summary = statements.Read(SummaryPageRow.Sql, parameters =>
        {
            parameters.Add(SummaryQueries.TodayParameter(Today));
            parameters.Add(new SqliteParameter("$month", key));
            parameters.Add(new SqliteParameter("$slug", slug));
        }, SummaryPageRow.Read);
        if (summary is null)
        {
            return null;
        }

        var taxonomy = await facets.TaxonomyAsync(cancellationToken);
        var links = SummaryPageLinks.Read(statements, summary, Today);
        var neighbours = links.Neighbours;
        var type = taxonomy.TypeById(summary.ResearchTypeId)?.Link ?? new TaxonomyLink("", "");
        var model = SummaryViewModel.Create(summary, type, taxonomy.TopicLinks(links.TopicIds),
            topicWindows.Related(Today, summary.Id, links.TopicIds).Select(r => r.ToLink(taxonomy)).ToList(),
            older: neighbours.Where(n => n.Rank <= 3).MinBy(n => n.Rank)?.ToLink(taxonomy),
            newer: neighbours.Where(n => n.Rank > 3).MinBy(n => n.Rank)?.ToLink(taxonomy));
        model.TopicIds = links.TopicIds;
        return model;
    }

    /// <summary>The paper a published summary cites, for RIS and BibTeX downloads.</summary>
    public async Task<(Citations.ApaCitation Citation, int SummaryId)?> CitationAsync(int year, int month,
        string slug, CancellationToken cancellationToken)
    {
        if (!SummaryRules.TryParseMonth($"{year:D4}-{month:D2}", out var key) || !SummaryRules.IsSlug(slug))
        {
            return null;
        }

        // The parts stored at save time, as the summary page reads them (SummaryPageRow.Projection).
        var row = await Published.InMonth(key).Where(s => s.Slug == slug)
            .Select(s => new
            {
                s.Id,
                Citation = Citations.ApaCitation.Stored(s.CitationAuthors, s.CitationYear, s.CitationTitle, s.CitationJournal,
                    s.CitationVolume, s.CitationIssue, s.CitationFirstPage, s.CitationLastPage, s.Doi, s.CitationText),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Citation, row.Id);
    }

    public async Task<TopicIndexViewModel> TopicIndexAsync(CancellationToken cancellationToken)
    {
        var taxonomy = await facets.TaxonomyAsync(cancellationToken);
        var counts = facets.Counts();
        return TopicIndexViewModel.Create(t,
            taxonomy.Topics.Select(topic => new TopicCount(topic.Slug, topic.Name, counts.Count(topic.Id, null))).ToList());
    }

    public async Task<MonthIndexViewModel> MonthIndexAsync(CancellationToken cancellationToken) =>
        MonthIndexViewModel.Create(t, await facets.PublicMonthsAsync(cancellationToken));

    /// <summary>Where an archive address whose topic or type was renamed now lives; null when
    /// nothing was renamed from it.</summary>
    public async Task<string?> RenamedUrlAsync(ArchiveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var topics = new List<string>();
        var renamed = false;
        foreach (var slug in request.Topics)
        {
            var alias = await AliasAsync(TermKind.Topic, slug, cancellationToken);
            renamed |= alias is not null;
            topics.Add(alias ?? slug);
        }

        var type = request.Type is null ? null : await AliasAsync(TermKind.ResearchType, request.Type, cancellationToken);
        return !renamed && type is null ? null : BlogUrls.ArchiveOf(topics, type ?? request.Type, request.Page);
    }

    public Task<string?> AliasAsync(TermKind kind, string slug, CancellationToken cancellationToken) =>
        db.SlugAliases.Where(a => a.Kind == kind && a.OldSlug == slug && a.NewSlug != "")
            .Select(a => a.NewSlug).FirstOrDefaultAsync(cancellationToken);

    public Task<bool> TopicExistsAsync(string slug, CancellationToken cancellationToken) =>
        SummaryRules.IsSlug(slug) ? db.Topics.AnyAsync(t => t.Slug == slug, cancellationToken) : Task.FromResult(false);
}
