using Microsoft.Data.Sqlite;
using PPRNet.Web.Data;

namespace PPRNet.Web.Archive;

/// <summary>Everything a summary's page links to, read in one prepared statement after its own
/// row: its topic ids, its previous and next summaries (<see cref="ArchiveOrder.NeighboursSql"/>)
/// and "More on this topic" (<see cref="RelatedSql"/>).</summary>
internal sealed record SummaryPageLinks(List<int> TopicIds, List<LinkRow> Neighbours, List<LinkRow> Related)
{
    /// <summary>Topics of a summary that "More on this topic" looks through.</summary>
    public const int RelatedTopics = 8;

    /// <summary>How many summaries "More on this topic" shows.</summary>
    public const int RelatedShown = 3;

    private const int TopicRank = 0;
    private const int RelatedRank = 7;

    // The newest public summaries of each of the summary's first topics. The k-th topic is a scalar
    // subquery on the join table's primary key, so the statement's text is the same for every
    // summary (prepared once) and each topic is still one index seek; a summary with fewer topics
    // compares with NULL there, which matches nothing. Only the archive index's own columns are
    // read, so the candidates cost no row lookups.
    private static readonly string CandidatesSql = string.Join("\nUNION ALL ", Enumerable.Range(0, RelatedTopics).Select(k => $"""
        SELECT * FROM (SELECT SummaryId, Month, PublishedOn, Title
          FROM TopicListings INDEXED BY {Indexes.TopicListingsArchive}
          WHERE TopicId = (SELECT TopicsId FROM SummaryTopics WHERE SummariesId = $id ORDER BY TopicsId LIMIT 1 OFFSET {k})
            AND {SummaryQueries.ListingPublishedSql(null, SummaryQueries.TodayName)} AND SummaryId <> $id
          ORDER BY Month DESC, PublishedOn DESC, Title, SummaryId LIMIT {ArchiveReader.RelatedWindow})
        """));

    /// <summary>"More on this topic": of the candidates, the ones that share the most topics with
    /// the summary (a candidate comes once for each topic it shares), in archive order among equals.
    /// Ranked in SQL, so that only the few shown are looked up and sent back; the ranking sorts at
    /// most <see cref="RelatedTopics"/> × <see cref="ArchiveReader.RelatedWindow"/> rows, whatever
    /// the archive's size. The slug and type are scalar subqueries rather than a join: the rows then
    /// come out in the ranking's order with no second sort.</summary>
    private static readonly string RelatedSql = $"""
        SELECT {RelatedRank} AS Rank, SummaryId AS Id, Month,
          (SELECT Slug FROM Summaries WHERE Id = {ArchiveReader.RelatedRanking}.SummaryId) AS Slug, Title,
          (SELECT ResearchTypeId FROM Summaries WHERE Id = {ArchiveReader.RelatedRanking}.SummaryId) AS ResearchTypeId
        FROM (SELECT SummaryId, COUNT(*) AS Shared, Month, PublishedOn, Title FROM ({CandidatesSql})
          GROUP BY SummaryId ORDER BY Shared DESC, Month DESC, PublishedOn DESC, Title, SummaryId LIMIT {RelatedShown})
          AS {ArchiveReader.RelatedRanking}
        """;

    /// <summary>Parameters: $today, $month, $published, $title, $id.</summary>
    public static readonly string Sql = $"""
        SELECT * FROM (SELECT {TopicRank} AS Rank, TopicsId AS Id, '' AS Month, '' AS Slug, '' AS Title, 0 AS ResearchTypeId
          FROM SummaryTopics WHERE SummariesId = $id ORDER BY TopicsId)
        UNION ALL {ArchiveOrder.NeighboursSql}
        UNION ALL {RelatedSql}
        """;

    public static SummaryPageLinks Read(PreparedStatements statements, SummaryPageRow summary, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(summary);
        return statements.Read(Sql,
            parameters => parameters.AddRange(ArchiveOrder.NeighbourParameters(today, summary.Month, summary.PublishedOn, summary.Title,
                summary.Id)),
            ReadRows);
    }

    private static SummaryPageLinks ReadRows(SqliteDataReader reader)
    {
        var links = new SummaryPageLinks([], [], []);
        while (reader.Read())
        {
            var rank = reader.GetInt32(0);
            if (rank == TopicRank)
            {
                links.TopicIds.Add(reader.GetInt32(1));
                continue;
            }

            var row = new LinkRow
            {
                Rank = rank,
                Id = reader.GetInt32(1),
                Month = reader.GetString(2),
                Slug = reader.GetString(3),
                Title = reader.GetString(4),
                ResearchTypeId = reader.GetInt32(5),
            };
            (rank == RelatedRank ? links.Related : links.Neighbours).Add(row);
        }

        return links;
    }
}
