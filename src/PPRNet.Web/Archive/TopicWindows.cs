using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using PPRNet.Web.Data;

namespace PPRNet.Web.Archive;

/// <summary>"More on this topic" under a summary: of the <see cref="Window"/> newest public summaries
/// of each of its first <see cref="TopicsConsidered"/> topics, the <see cref="Shown"/> that share the
/// most topics with it (a candidate counts once for each of those windows it is in), in archive order
/// among equals. A topic's newest summaries are the same for every summary page of the day, so each
/// is read once and kept here until a save changes what the topics list (<see cref="Clear"/>, from
/// <see cref="Shared.PublicPageCacheEviction"/>) or the day changes (a scheduled summary comes out).
/// Having SQLite rank them for every page instead was a tenth of an uncached summary page's cost.</summary>
public sealed class TopicWindows(PreparedStatements statements)
{
    /// <summary>How many of the newest summaries of each topic are candidates.</summary>
    public const int Window = 50;

    /// <summary>How many of a summary's topics (the first by id) its candidates come from.</summary>
    public const int TopicsConsidered = 8;

    /// <summary>How many related summaries a page shows.</summary>
    public const int Shown = 3;

    // One more than the window: a summary is in its own topics' windows, and leaving it out still
    // leaves a whole window.
    private static readonly string NewestSql = $"""
        SELECT SummaryId, Month, PublishedOn, Title, Slug, ResearchTypeId
        FROM TopicListings INDEXED BY {Indexes.TopicListingsArchive}
        WHERE TopicId = $topic AND {SummaryQueries.ListingPublishedSql(null, SummaryQueries.TodayName)}
        ORDER BY {SummaryQueries.NewestFirstSql("SummaryId")} LIMIT {Window + 1}
        """;

    private long generation;
    private Day? current;

    /// <summary>Forgets every topic's newest summaries; called after a save that changed what a
    /// topic lists has committed.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref generation);
        Volatile.Write(ref current, null);
    }

    /// <summary>The related summaries of the summary <paramref name="summaryId"/>, whose topic ids
    /// are <paramref name="topicIds"/> in ascending order.</summary>
    internal List<LinkRow> Related(DateOnly today, int summaryId, IReadOnlyList<int> topicIds)
    {
        ArgumentNullException.ThrowIfNull(topicIds);
        var day = CurrentDay(today);
        var shared = new Dictionary<int, (Candidate Candidate, int Count)>();
        foreach (var topic in topicIds.Take(TopicsConsidered))
        {
            var taken = 0;
            // A static factory with its state as an argument: a method group here would allocate
            // a delegate for every topic of every summary page.
            foreach (var candidate in day.Newest.GetOrAdd(topic, static (id, state) => state.Windows.Read(id, state.Today),
                         (Windows: this, Today: today)))
            {
                if (candidate.Link.Id == summaryId)
                {
                    continue;
                }

                if (taken++ == Window)
                {
                    break;
                }

                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(shared, candidate.Link.Id, out _);
                entry = (candidate, entry.Count + 1);
            }
        }

        return shared.Values
            .OrderByDescending(e => e.Count)
            .ThenBy(e => e.Candidate, Candidate.NewestFirst)
            .Take(Shown)
            .Select(e => e.Candidate.Link)
            .ToList();
    }

    private Day CurrentDay(DateOnly today)
    {
        // A day begun before a Clear keeps the generation it began in and is not used again, even
        // if it is stored after that Clear: what it read may predate the save.
        var now = Volatile.Read(ref generation);
        var day = Volatile.Read(ref current);
        if (day is null || day.Today != today || day.Generation != now)
        {
            day = new Day(today, now);
            Volatile.Write(ref current, day);
        }

        return day;
    }

    private Candidate[] Read(int topic, DateOnly today) =>
        statements.Read(NewestSql, parameters =>
        {
            parameters.Add(new SqliteParameter("$topic", topic));
            parameters.Add(SummaryQueries.TodayParameter(today));
        }, reader =>
        {
            var newest = new List<Candidate>(Window + 1);
            while (reader.Read())
            {
                newest.Add(new Candidate(new LinkRow
                {
                    Id = reader.GetInt32(0),
                    Month = reader.GetString(1),
                    Title = reader.GetString(3),
                    Slug = reader.GetString(4),
                    ResearchTypeId = reader.GetInt32(5),
                }, reader.GetString(2)));
            }

            return newest.ToArray();
        });

    private sealed record Day(DateOnly Today, long Generation)
    {
        public ConcurrentDictionary<int, Candidate[]> Newest { get; } = new();
    }

    /// <summary>A listing row with what the archive order compares.</summary>
    private sealed record Candidate(LinkRow Link, string PublishedOn)
    {
        public static readonly IComparer<Candidate> NewestFirst = Comparer<Candidate>.Create((a, b) =>
            SummaryQueries.CompareNewestFirst(
                (a.Link.Month, a.PublishedOn, a.Link.Title, a.Link.Id), (b.Link.Month, b.PublishedOn, b.Link.Title, b.Link.Id)));
    }
}
