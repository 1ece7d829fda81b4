using Microsoft.Data.Sqlite;
using PPRNet.Web.Data;

namespace PPRNet.Web.Archive;

/// <summary>The archive's order (newest month, newest publish date, title, id) as SQL for finding
/// a summary's neighbours: used by the summary page for its previous/next links, and by cache
/// eviction to find the pages whose links a save changes.</summary>
public static class ArchiveOrder
{
    private static readonly string Live = SummaryQueries.LiveSql();
    private static readonly string Public = SummaryQueries.PublishedSql(null, SummaryQueries.TodayName);

    /// <summary>Six index seeks in one statement: the rest of the summary's day, of its month, and
    /// the months around it, in each direction (its own day and earlier days are public already, so
    /// only later ones are checked against today). Rank 1-3 are older (the first found wins), 4-6 newer.
    /// Parameters: $today, $month, $published, $title, $id.</summary>
    public static readonly string NeighboursSql = $"""
        SELECT * FROM (SELECT 1 AS Rank, Id, Month, Slug, Title, ResearchTypeId FROM Summaries
          WHERE {Live} AND Month = $month AND PublishedOn = $published AND (Title, Id) > ($title, $id)
          ORDER BY Title, Id LIMIT 1)
        UNION ALL SELECT * FROM (SELECT 2 AS Rank, Id, Month, Slug, Title, ResearchTypeId FROM Summaries
          WHERE {Live} AND Month = $month AND PublishedOn < $published
          ORDER BY PublishedOn DESC, Title, Id LIMIT 1)
        UNION ALL SELECT * FROM (SELECT 3 AS Rank, Id, Month, Slug, Title, ResearchTypeId FROM Summaries
          WHERE {Public} AND Month < $month
          ORDER BY Month DESC, PublishedOn DESC, Title, Id LIMIT 1)
        UNION ALL SELECT * FROM (SELECT 4 AS Rank, Id, Month, Slug, Title, ResearchTypeId FROM Summaries
          WHERE {Live} AND Month = $month AND PublishedOn = $published AND (Title, Id) < ($title, $id)
          ORDER BY Title DESC, Id DESC LIMIT 1)
        UNION ALL SELECT * FROM (SELECT 5 AS Rank, Id, Month, Slug, Title, ResearchTypeId FROM Summaries
          WHERE {Public} AND Month = $month AND PublishedOn > $published
          ORDER BY PublishedOn, Title DESC, Id DESC LIMIT 1)
        UNION ALL SELECT * FROM (SELECT 6 AS Rank, Id, Month, Slug, Title, ResearchTypeId FROM Summaries
          WHERE {Public} AND Month > $month
          ORDER BY Month, PublishedOn, Title DESC, Id DESC LIMIT 1)
        """;

    public static SqliteParameter[] NeighbourParameters(DateOnly today, string month, DateOnly published, string title, int id) =>
    [
        SummaryQueries.TodayParameter(today),
        new("$month", month),
        new("$published", SummaryQueries.SqlDate(published)),
        new("$title", title),
        new("$id", id),
    ];
}
