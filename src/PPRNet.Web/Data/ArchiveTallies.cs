using Microsoft.EntityFrameworkCore;

namespace PPRNet.Web.Data;

/// <summary>Keeps <see cref="TopicListing"/>, <see cref="FacetCount"/> and <see cref="MonthCount"/>
/// in step with Summaries and SummaryTopics through SQLite triggers, so whatever writes a summary
/// (import, form, restore, trash, purge, a taxonomy move, a bulk update) updates them in its own
/// transaction. "Live" is published status and not in the trash; a scheduled summary is live but
/// not yet public, and readers subtract the few scheduled ones (see <c>Archive/Facets</c>).
/// Like the search index, the triggers are made at start-up: a migration that rebuilds a table
/// drops its triggers, and the next start puts them back and rebuilds the derived rows.</summary>
public static partial class ArchiveTallies
{
    private static string IsLive(string row) => SummaryQueries.LiveSql(row);

    private static string AddSummary(string row) => $"""
          INSERT INTO FacetCounts(TopicId, ResearchTypeId, Count) SELECT 0, {row}.ResearchTypeId, 1 WHERE {IsLive(row)}
            ON CONFLICT(TopicId, ResearchTypeId) DO UPDATE SET Count = Count + 1;
          INSERT INTO MonthCounts(Month, Count) SELECT {row}.Month, 1 WHERE {IsLive(row)}
            ON CONFLICT(Month) DO UPDATE SET Count = Count + 1;
          INSERT OR IGNORE INTO TopicListings(TopicId, SummaryId, ResearchTypeId, Month, Slug, PublishedOn, Title)
            SELECT TopicsId, {row}.Id, {row}.ResearchTypeId, {row}.Month, {row}.Slug, {row}.PublishedOn, {row}.Title
            FROM SummaryTopics WHERE SummariesId = {row}.Id AND {IsLive(row)};
        """;

    private static string RemoveSummary(string row) => $"""
          UPDATE FacetCounts SET Count = Count - 1 WHERE TopicId = 0 AND ResearchTypeId = {row}.ResearchTypeId AND {IsLive(row)};
          UPDATE MonthCounts SET Count = Count - 1 WHERE Month = {row}.Month AND {IsLive(row)};
          DELETE FROM TopicListings WHERE SummaryId = {row}.Id;
        """;

    private static readonly (string Name, string Sql)[] Triggers =
    [
        ("Summaries_tally_v1_insert", $"AFTER INSERT ON Summaries BEGIN {AddSummary("new")} END"),
        ("Summaries_tally_v1_delete", $"AFTER DELETE ON Summaries BEGIN {RemoveSummary("old")} END"),
        ("Summaries_tally_v1_update",
            $"AFTER UPDATE OF Status, DeletedAt, ResearchTypeId, Month, Slug, PublishedOn, Title "
            + $"ON Summaries BEGIN {RemoveSummary("old")} {AddSummary("new")} END"),
        ("SummaryTopics_tally_v1_insert", $"""
            AFTER INSERT ON SummaryTopics BEGIN
              INSERT OR IGNORE INTO TopicListings(TopicId, SummaryId, ResearchTypeId, Month, Slug, PublishedOn, Title)
                SELECT new.TopicsId, s.Id, s.ResearchTypeId, s.Month, s.Slug, s.PublishedOn, s.Title
                FROM Summaries s WHERE s.Id = new.SummariesId AND {IsLive("s")};
            END
            """),
        ("SummaryTopics_tally_v1_delete",
            "AFTER DELETE ON SummaryTopics BEGIN "
            + "DELETE FROM TopicListings WHERE TopicId = old.TopicsId AND SummaryId = old.SummariesId; END"),
        ("TopicListings_tally_v1_insert", """
            AFTER INSERT ON TopicListings BEGIN
              INSERT INTO FacetCounts(TopicId, ResearchTypeId, Count) VALUES (new.TopicId, new.ResearchTypeId, 1)
                ON CONFLICT(TopicId, ResearchTypeId) DO UPDATE SET Count = Count + 1;
            END
            """),
        ("TopicListings_tally_v1_delete",
            "AFTER DELETE ON TopicListings BEGIN "
            + "UPDATE FacetCounts SET Count = Count - 1 WHERE TopicId = old.TopicId AND ResearchTypeId = old.ResearchTypeId; END"),
    ];

    public static async Task EnsureAsync(BlogDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var present = await db.Database.ReadNumberAsync(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_tally_v1_%'", cancellationToken);
        // Triggers of an older version of these rules are replaced, and the rows rebuilt by the new ones.
        var stale = await db.Database.ReadRowsAsync(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_tally_%'", row => row.GetString(0), cancellationToken);
        if (present == Triggers.Length)
        {
            return;
        }

        // Inside the caller's transaction when there is one (a bulk import), else in its own.
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        foreach (var name in stale)
        {
            var drop = $"DROP TRIGGER IF EXISTS {name};";
            await db.Database.ExecuteSqlRawAsync(drop, cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync(Rebuild, cancellationToken);
        foreach (var (name, sql) in Triggers)
        {
            var create = $"CREATE TRIGGER {name} {sql};";
            await db.Database.ExecuteSqlRawAsync(create, cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        LogRebuilt(logger);
    }

    private static readonly string Rebuild = $"""
            DELETE FROM TopicListings;
            DELETE FROM FacetCounts;
            DELETE FROM MonthCounts;
            INSERT INTO TopicListings(TopicId, SummaryId, ResearchTypeId, Month, Slug, PublishedOn, Title)
              SELECT st.TopicsId, s.Id, s.ResearchTypeId, s.Month, s.Slug, s.PublishedOn, s.Title
              FROM Summaries s JOIN SummaryTopics st ON st.SummariesId = s.Id WHERE {IsLive("s")};
            INSERT INTO FacetCounts(TopicId, ResearchTypeId, Count)
              SELECT TopicId, ResearchTypeId, COUNT(*) FROM TopicListings GROUP BY TopicId, ResearchTypeId;
            INSERT INTO FacetCounts(TopicId, ResearchTypeId, Count)
              SELECT 0, ResearchTypeId, COUNT(*) FROM Summaries s WHERE {IsLive("s")} GROUP BY ResearchTypeId;
            INSERT INTO MonthCounts(Month, Count)
              SELECT Month, COUNT(*) FROM Summaries s WHERE {IsLive("s")} GROUP BY Month;
            """;

    /// <summary>Drops the triggers, for a bulk load that rebuilds everything once at its end with
    /// <see cref="EnsureAsync"/>: cheaper than keeping the tallies row by row.</summary>
    public static async Task SuspendAsync(BlogDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var (name, _) in Triggers)
        {
            var drop = $"DROP TRIGGER IF EXISTS {name};";
            await db.Database.ExecuteSqlRawAsync(drop, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the archive's listings and counts")]
    private static partial void LogRebuilt(ILogger logger);
}
