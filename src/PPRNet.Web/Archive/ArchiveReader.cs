using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Archive;

/// <summary>Builds the public pages' view models. Every query reads an index in the order the page
/// shows and stops after what it shows, so a page costs the same at 100 summaries or 100,000.</summary>
public sealed class ArchiveReader(BlogDbContext db, Facets facets)
{
    public const int PageSize = 20;

    /// <summary>How many of the newest summaries of each topic "More on this topic" considers.</summary>
    public const int RelatedWindow = 50;

    /// <summary>Topics of a summary that "More on this topic" looks through.</summary>
    private const int RelatedTopics = 8;

    private DateOnly Today => facets.Today;

    public IQueryable<Summary> Published => db.Summaries.AsNoTracking().Published(Today);

    /// <summary>Cards for the given summaries, in the given order: the card's own columns, then
    /// its topic ids from the join table's primary key.</summary>
    public async Task<List<SummaryCard>> CardsAsync(IReadOnlyList<int> ids, Taxonomy taxonomy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(taxonomy);
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Summaries.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new
            {
                s.Id,
                s.Month,
                s.Slug,
                s.Title,
                s.CitationHtml,
                s.Excerpt,
                s.BottomLineHtml,
                s.ImplicationsHtml,
                s.ResearchTypeId
            })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var topics = await db.TopicIdsAsync(ids, cancellationToken);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).Select(r => new SummaryCard(
            r.Id, r.Month, r.Slug, r.Title, r.CitationHtml, r.Excerpt, r.BottomLineHtml, r.ImplicationsHtml,
            taxonomy.TypeById(r.ResearchTypeId)?.Link ?? new TaxonomyLink("", ""),
            taxonomy.TopicLinks(topics[r.Id]))).ToList();
    }

    public async Task<IssueViewModel?> LatestIssueAsync(CancellationToken cancellationToken)
    {
        var latest = await Published.OrderByDescending(s => s.Month).Select(s => s.Month).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : await IssueAsync(latest, isLatest: true, cancellationToken);
    }

    public Task<IssueViewModel?> IssueAsync(int year, int month, CancellationToken cancellationToken) =>
        SummaryRules.TryParseMonth($"{year:D4}-{month:D2}", out var key)
            ? IssueAsync(key, isLatest: false, cancellationToken)
            : Task.FromResult<IssueViewModel?>(null);

    private async Task<IssueViewModel?> IssueAsync(string month, bool isLatest, CancellationToken cancellationToken)
    {
        var ids = await Published.InMonth(month).NewestFirst().Select(s => s.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return null;
        }

        var taxonomy = await facets.TaxonomyAsync(cancellationToken);
        var summaries = await CardsAsync(ids, taxonomy, cancellationToken);
        var intro = await db.MonthIssues.AsNoTracking()
            .Where(m => m.Month == month && m.IntroHtml != "")
            .Select(m => m.IntroHtml).FirstOrDefaultAsync(cancellationToken);
        var newer = await Published
            .Where(s => string.Compare(s.Month, month) > 0)
            .OrderBy(s => s.Month).Select(s => s.Month).FirstOrDefaultAsync(cancellationToken);
        var older = await Published
            .Where(s => string.Compare(s.Month, month) < 0)
            .OrderByDescending(s => s.Month).Select(s => s.Month).FirstOrDefaultAsync(cancellationToken);
        return IssueViewModel.Create(month, isLatest, intro, summaries, newer, older, Today);
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
        var counts = await facets.CountsAsync(cancellationToken);
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
            ? await PageIdsAsync(chosen.FirstOrDefault()?.Id, type?.Id, skip, cancellationToken)
            : await AnyTopicPageIdsAsync(chosen, type?.Id, skip, cancellationToken);
        var cards = await CardsAsync(ids, taxonomy, cancellationToken);
        var options = Facets.ArchiveOptions(taxonomy, counts, typeCount, chosen, type);
        return ArchiveViewModel.Create(cards, chosen.Select(t => t.Link).ToList(), type?.Link,
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

    /// <summary>The ids of one archive page. A topic's pages read its listing rows (kept by
    /// triggers with the archive's sort columns), the others the summaries' archive indexes.</summary>
    private Task<List<int>> PageIdsAsync(int? topicId, int? typeId, int skip, CancellationToken cancellationToken)
    {
        if (topicId is { } topic)
        {
            return db.TopicListings.AsNoTracking().PublicInTopic(topic, Today).OfType(typeId).NewestFirst()
                .Skip(skip).Take(PageSize).Select(l => l.SummaryId).ToListAsync(cancellationToken);
        }

        return Published.OfType(typeId).NewestFirst().Skip(skip).Take(PageSize).Select(s => s.Id).ToListAsync(cancellationToken);
    }

    public async Task<SummaryViewModel?> SummaryAsync(int year, int month, string slug, CancellationToken cancellationToken)
    {
        if (!SummaryRules.TryParseMonth($"{year:D4}-{month:D2}", out var key) || !SummaryRules.IsSlug(slug))
        {
            return null;
        }

        var summary = await Published.InMonth(key).Where(s => s.Slug == slug)
            .Select(SummaryPageRow.Projection).FirstOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var taxonomy = await facets.TaxonomyAsync(cancellationToken);
        var topicIds = (await db.TopicIdsAsync([summary.Id], cancellationToken))[summary.Id].ToList();
        var neighbours = await NeighboursAsync(summary, cancellationToken);
        var related = await RelatedAsync(summary.Id, topicIds, cancellationToken);
        var type = taxonomy.TypeById(summary.ResearchTypeId)?.Link ?? new TaxonomyLink("", "");
        var model = SummaryViewModel.Create(summary, type, taxonomy.TopicLinks(topicIds),
            related.Select(r => r.ToLink(taxonomy)).ToList(),
            older: neighbours.Where(n => n.Rank <= 3).MinBy(n => n.Rank)?.ToLink(taxonomy),
            newer: neighbours.Where(n => n.Rank > 3).MinBy(n => n.Rank)?.ToLink(taxonomy));
        model.TopicIds = topicIds;
        return model;
    }

    /// <summary>The summaries just before and after this one in the archive's order.</summary>
    private Task<List<LinkRow>> NeighboursAsync(SummaryPageRow s, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<LinkRow>(ArchiveOrder.NeighboursSql,
                ArchiveOrder.NeighbourParameters(Today, s.Month, s.PublishedOn, s.Title, s.Id))
            .ToListAsync(cancellationToken);

    /// <summary>"More on this topic": among the newest <see cref="RelatedWindow"/> summaries of each
    /// of its topics, the three that share the most topics with it, newest first on a tie.</summary>
    private async Task<List<LinkRow>> RelatedAsync(int id, IReadOnlyList<int> topicIds, CancellationToken cancellationToken)
    {
        var topics = topicIds.Take(RelatedTopics).ToList();
        if (topics.Count == 0)
        {
            return [];
        }

        var today = Today;
        var args = new List<object> { today, id, RelatedWindow };
        var parts = topics.Select(topic =>
        {
            args.Add(topic);
            return $$"""
                SELECT * FROM (SELECT 0 AS Rank, SummaryId AS Id, Month, Slug, Title, ResearchTypeId
                  FROM TopicListings INDEXED BY {{Indexes.TopicListingsArchive}}
                  WHERE TopicId = {{{args.Count - 1}}} AND {{SummaryQueries.ListingPublishedSql(null, "{0}")}} AND SummaryId <> {1}
                  ORDER BY Month DESC, PublishedOn DESC, Title, SummaryId LIMIT {2})
                """;
        });
        var sql = FormattableStringFactory.Create(string.Join("\nUNION ALL\n", parts), [.. args]);
        var candidates = await db.Database.SqlQuery<LinkRow>(sql).ToListAsync(cancellationToken);
        return candidates.GroupBy(c => c.Id)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.First().Month, StringComparer.Ordinal)
            .ThenBy(g => g.First().Title, StringComparer.Ordinal)
            .Select(g => g.First())
            .Take(3)
            .ToList();
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
        var counts = await facets.CountsAsync(cancellationToken);
        return TopicIndexViewModel.Create(taxonomy.Topics.Select(t => new TopicCount(t.Slug, t.Name, counts.Count(t.Id, null))).ToList());
    }

    public async Task<MonthIndexViewModel> MonthIndexAsync(CancellationToken cancellationToken) =>
        MonthIndexViewModel.Create(await facets.PublicMonthsAsync(cancellationToken));

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
