using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;

namespace PPRNet.Web.Archive;

/// <summary>A topic or research type as the read path uses it.</summary>
public sealed record Term(int Id, string Slug, string Name, bool Retired)
{
    public TaxonomyLink Link => new(Slug, Name);
}

/// <summary>Every topic and research type, read once per page (a few dozen rows).</summary>
public sealed class Taxonomy(IReadOnlyList<Term> topics, IReadOnlyList<Term> types)
{
    private readonly Dictionary<int, Term> topicsById = topics.ToDictionary(t => t.Id);
    private readonly Dictionary<int, Term> typesById = types.ToDictionary(t => t.Id);

    /// <summary>Topics by name, research types in the taxonomy's order.</summary>
    public IReadOnlyList<Term> Topics { get; } = topics;
    public IReadOnlyList<Term> Types { get; } = types;

    public Term? Topic(string? slug) => slug is null ? null : Topics.FirstOrDefault(t => t.Slug == slug);
    public Term? Type(string? slug) => slug is null ? null : Types.FirstOrDefault(t => t.Slug == slug);
    public Term? TopicById(int id) => topicsById.GetValueOrDefault(id);
    public Term? TypeById(int id) => typesById.GetValueOrDefault(id);

    /// <summary>Topic names of one summary, in name order, from its topic ids.</summary>
    public IReadOnlyList<TaxonomyLink> TopicLinks(IEnumerable<int> ids) =>
        ids.Select(TopicById).OfType<Term>().OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => t.Link).ToList();
}

/// <summary>How many public summaries each choice of topic and type shows. Read from the tallies
/// the database keeps at save time (<see cref="ArchiveTallies"/>), less the scheduled summaries
/// whose day has not come: a bounded read, however large the archive.</summary>
public sealed class FilterCounts
{
    private readonly Dictionary<(int Topic, int Type), int> pairs;
    private readonly Dictionary<int, int> byTopic;
    private readonly IReadOnlyList<ScheduledSummary> scheduled;

    public FilterCounts(IEnumerable<FacetCount> tallies, IReadOnlyList<ScheduledSummary> scheduled)
    {
        pairs = tallies.ToDictionary(c => (c.TopicId, c.ResearchTypeId), c => c.Count);
        byTopic = pairs.GroupBy(p => p.Key.Topic).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        this.scheduled = scheduled;
    }

    public int Count(int? topicId, int? typeId)
    {
        var live = (topicId, typeId) switch
        {
            (null, null) => byTopic.GetValueOrDefault(FacetCount.AnyTopic),
            ({ } topic, null) => byTopic.GetValueOrDefault(topic),
            (null, { } type) => pairs.GetValueOrDefault((FacetCount.AnyTopic, type)),
            ({ } topic, { } type) => pairs.GetValueOrDefault((topic, type)),
        };
        return live - scheduled.Count(s => (typeId is null || s.ResearchTypeId == typeId) && (topicId is null || s.HasTopic(topicId.Value)));
    }
}

/// <summary>A summary that is published with a date still to come.</summary>
public sealed class ScheduledSummary
{
    public int Id { get; set; }
    public string Month { get; set; } = "";
    public int ResearchTypeId { get; set; }
    public string? TopicIds { get; set; }

    private HashSet<int>? topics;

    // Parsed once: the counts ask this for every topic on the page.
    public bool HasTopic(int topicId) =>
        (topics ??= (TopicIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet()).Contains(topicId);
}

/// <summary>The taxonomy as last read: a few dozen rows every page needs and editors rarely
/// change. Dropped by <see cref="Shared.PublicPageCacheEviction"/> when a term is saved.</summary>
public sealed class TaxonomyCache
{
    private Taxonomy? current;

    public Taxonomy? Current => Volatile.Read(ref current);

    public void Set(Taxonomy taxonomy) => Volatile.Write(ref current, taxonomy);

    public void Clear() => Volatile.Write(ref current, null);
}

/// <summary>The filter choices of the archive and search pages and the counts beside them.</summary>
public sealed class Facets(BlogDbContext db, TimeProvider clock, TaxonomyCache cache)
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
        var topics = await db.Topics.AsNoTracking().Select(t => new Term(t.Id, t.Slug, t.Name, t.Retired)).ToListAsync(cancellationToken);
        var types = await db.ResearchTypes.AsNoTracking().Select(t => new Term(t.Id, t.Slug, t.Name, t.Retired)).ToListAsync(cancellationToken);
        return new Taxonomy(
            topics.OrderBy(t => t.Name, StringComparer.Ordinal).ToList(),
            types.OrderBy(t => t.Id).ToList());
    }

    public async Task<FilterCounts> CountsAsync(CancellationToken cancellationToken)
    {
        var tallies = await db.FacetCounts.AsNoTracking().ToListAsync(cancellationToken);
        return new FilterCounts(tallies, await ScheduledAsync(cancellationToken));
    }

    /// <summary>Live summaries whose publish date is still to come, found through the publish-date
    /// index: as many as editors have scheduled, not as many as the archive holds. The index is
    /// named because, left to itself, SQLite walked a wider index over every live summary.</summary>
    public async Task<IReadOnlyList<ScheduledSummary>> ScheduledAsync(CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<ScheduledSummary>(ScheduledSql, SummaryQueries.TodayParameter(Today)).ToListAsync(cancellationToken);

    private static readonly string ScheduledSql = $"""
        SELECT s.Id, s.Month, s.ResearchTypeId,
               (SELECT group_concat(st.TopicsId) FROM SummaryTopics st WHERE st.SummariesId = s.Id) AS TopicIds
        FROM Summaries s INDEXED BY {Indexes.SummariesPublished}
        WHERE {SummaryQueries.ScheduledSql("s", SummaryQueries.TodayName)}
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
            .Select(t => new FilterOption(t.Term.Slug, t.Term.Name, t.Count, t.Term.Id == type?.Id, BlogUrls.ArchiveOf(chosenSlugs, t.Term.Slug, 1)))
            .ToList();
        return (topicOptions, typeOptions);
    }
}
