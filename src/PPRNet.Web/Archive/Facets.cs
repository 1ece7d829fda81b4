using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;

namespace PPRNet.Web.Archive;

/// <summary>A topic or research type as the read path uses it, named in the page's language.</summary>
public sealed record Term(int Id, string Slug, string NameEn, string NameFr, bool Retired)
{
    public string Name => SiteLanguage.IsFrench ? NameFr : NameEn;

    public TaxonomyLink Link => new(Slug, Name);
}

/// <summary>The filter choices of the archive and search pages and the counts beside them, and the
/// months with their counts.</summary>
public sealed class Facets(BlogDbContext db, TimeProvider clock, TaxonomyCache cache, PreparedStatements statements)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Taxonomy> TaxonomyAsync(CancellationToken cancellationToken)
    {
        if (cache.Current is { } known)
        {
            return known;
        }

        var taxonomy = await ReadTaxonomyAsync(cancellationToken);
        cache.Set(taxonomy);
        return taxonomy;
    }

    private async Task<Taxonomy> ReadTaxonomyAsync(CancellationToken cancellationToken)
    {
        // Sorted here rather than in SQL: a few dozen rows, and no sort step in the query plan.
        var topics = await db.Topics.AsNoTracking()
            .Select(t => new Term(t.Id, t.Slug, t.Name, t.NameFr, t.Retired))
            .ToListAsync(cancellationToken);
        var types = await db.ResearchTypes.AsNoTracking()
            .Select(t => new Term(t.Id, t.Slug, t.Name, t.NameFr, t.Retired))
            .ToListAsync(cancellationToken);
        return new Taxonomy(topics, types.OrderBy(t => t.Id).ToList());
    }

    /// <summary>The tallies and the scheduled summaries (<see cref="ScheduledSql"/>) in one
    /// prepared statement: every archive and search page reads them.</summary>
    public FilterCounts Counts() => statements.Read(CountsSql,
        parameters => parameters.Add(SummaryQueries.TodayParameter(Today)), reader =>
        {
            var tallies = new List<FacetCount>();
            var scheduled = new List<ScheduledSummary>();
            while (reader.Read())
            {
                if (reader.GetInt32(0) == 0)
                {
                    tallies.Add(new FacetCount
                    {
                        TopicId = reader.GetInt32(1),
                        ResearchTypeId = reader.GetInt32(2),
                        Count = reader.GetInt32(3),
                    });
                    continue;
                }

                scheduled.Add(new ScheduledSummary
                {
                    Id = reader.GetInt32(1),
                    ResearchTypeId = reader.GetInt32(2),
                    Month = reader.GetString(4),
                    TopicIds = reader.IsDBNull(5) ? null : reader.GetString(5),
                });
            }

            return new FilterCounts(tallies, scheduled);
        });

    /// <summary>Every month with public summaries and how many, newest first: the month tallies the
    /// database keeps of live summaries (<see cref="ArchiveTallies"/>, by <see cref="SummaryQueries.LiveSql"/>)
    /// less the scheduled ones (<see cref="FilterCounts.PublicInMonth"/>), so the rule is the one of
    /// <see cref="SummaryQueries.Published"/>. One row a month, read along the tally's key: as many
    /// rows as the archive has months, however many summaries they hold.</summary>
    public async Task<IReadOnlyList<MonthTally>> PublicMonthsAsync(CancellationToken cancellationToken)
    {
        var counts = Counts();
        var live = await db.MonthCounts.AsNoTracking().Where(m => m.Count > 0).OrderByDescending(m => m.Month)
            .Select(m => new MonthTally(m.Month, m.Count)).ToListAsync(cancellationToken);
        return live.Select(m => m with { Count = counts.PublicInMonth(m.Month, m.Count) }).Where(m => m.Count > 0).ToList();
    }

    /// <summary>Live summaries whose publish date is still to come, found through the publish-date
    /// index: as many as editors have scheduled, not as many as the archive holds. The index is
    /// named because, left to itself, SQLite walked a wider index over every live summary.</summary>
    private static readonly string ScheduledSql = $"""
        SELECT s.Id, s.Month, s.ResearchTypeId,
               {IdLists.TopicIdsSql("s.Id")} AS TopicIds
        FROM Summaries s INDEXED BY {Indexes.SummariesPublished}
        WHERE {SummaryQueries.ScheduledSql("s", SummaryQueries.TodayName)}
        """;

    private static readonly string CountsSql = $"""
        SELECT 0 AS Kind, TopicId, ResearchTypeId, Count, '' AS Month, NULL AS TopicIds FROM FacetCounts
        UNION ALL
        SELECT 1, Id, ResearchTypeId, 0, Month, TopicIds FROM ({ScheduledSql})
        """;

    /// <summary>The choices for a page: each counts what choosing it would show, given the other
    /// filter; a retired term appears only while it still counts.</summary>
    public static (IReadOnlyList<FilterOption> Topics, IReadOnlyList<FilterOption> Types) Options(
        Taxonomy taxonomy, Func<int?, int?, int> count, Term? topic, Term? type, Func<string?, string?, string> url)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(url);
        var topics = taxonomy.Topics
            .Select(t => (Term: t, Count: count(t.Id, type?.Id)))
            .Where(t => !t.Term.Retired || t.Count > 0 || t.Term.Id == topic?.Id)
            .Select(t => new FilterOption(t.Term.Slug, t.Term.Name, t.Count, t.Term.Id == topic?.Id, url(t.Term.Slug, type?.Slug)))
            .ToList();
        var types = taxonomy.Types
            .Select(t => (Term: t, Count: count(topic?.Id, t.Id)))
            .Where(t => !t.Term.Retired || t.Count > 0 || t.Term.Id == type?.Id)
            .Select(t => new FilterOption(t.Term.Slug, t.Term.Name, t.Count, t.Term.Id == type?.Id, url(topic?.Slug, t.Term.Slug)))
            .ToList();
        return (topics, types);
    }

    /// <summary>The archive's choices. Several topics combine as "any of them", so a topic counts
    /// what it shows alone with the chosen type, and a type counts what it shows with the chosen topics.</summary>
    public static (IReadOnlyList<FilterOption> Topics, IReadOnlyList<FilterOption> Types) ArchiveOptions(
        Taxonomy taxonomy, FilterCounts counts, Func<int?, int> typeCount, IReadOnlyList<Term> topics, Term? type)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(typeCount);
        ArgumentNullException.ThrowIfNull(topics);
        var chosenSlugs = topics.Select(t => t.Slug).ToList();
        var topicOptions = taxonomy.Topics
            .Select(t => (Term: t, Count: counts.Count(t.Id, type?.Id), Selected: topics.Contains(t)))
            .Where(t => !t.Term.Retired || t.Count > 0 || t.Selected)
            .Select(t => new FilterOption(t.Term.Slug, t.Term.Name, t.Count, t.Selected, BlogUrls.Archive(t.Term.Slug, type?.Slug, 1)))
            .ToList();
        var typeOptions = taxonomy.Types
            .Select(t => (Term: t, Count: typeCount(t.Id)))
            .Where(t => !t.Term.Retired || t.Count > 0 || t.Term.Id == type?.Id)
            .Select(t => new FilterOption(t.Term.Slug, t.Term.Name, t.Count, t.Term.Id == type?.Id,
                BlogUrls.ArchiveOf(chosenSlugs, t.Term.Slug, 1)))
            .ToList();
        return (topicOptions, typeOptions);
    }
}
