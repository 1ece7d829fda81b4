using Microsoft.Data.Sqlite;
using PPRNet.Web.Data;

namespace PPRNet.Web.Archive;

/// <summary>Everything a summary's page links to, read in one prepared statement after its own
/// row: its topic ids, its previous and next summaries (<see cref="ArchiveOrder.NeighboursSql"/>)
/// and "More on this topic": of the newest <see cref="ArchiveReader.RelatedWindow"/> public
/// summaries of each of its first <see cref="RelatedTopics"/> topics, the
/// <see cref="RelatedShown"/> that share the most topics with it, newest first on a tie.</summary>
internal sealed record SummaryPageLinks(List<int> TopicIds, List<LinkRow> Neighbours, List<LinkRow> Related)
{
    /// <summary>Topics of a summary that "More on this topic" looks through.</summary>
    public const int RelatedTopics = 8;

    public const int RelatedShown = 3;

    private const int TopicRank = 0;

    /// <summary>Related summaries are ranked after this, in the order they are shown.</summary>
    private const int RelatedRank = 7;

    // The k-th topic is a scalar subquery on the join table's primary key, so the statement's text
    // is the same for every summary (prepared once) and each topic is still one index seek; a
    // summary with fewer topics compares with NULL there, which matches nothing. The candidates are
    // read from the listing index alone and counted in SQLite: only the few shown leave it, and only
    // they are looked up for their slug and type.
    private static readonly string CandidatesSql = string.Join("\n  UNION ALL ", Enumerable.Range(0, RelatedTopics).Select(k => $"""
        SELECT * FROM (SELECT SummaryId AS Id, Month, PublishedOn, Title
          FROM TopicListings INDEXED BY {Indexes.TopicListingsArchive}
          WHERE TopicId = (SELECT TopicsId FROM SummaryTopics WHERE SummariesId = $id ORDER BY TopicsId LIMIT 1 OFFSET {k})
            AND {SummaryQueries.ListingPublishedSql(null, SummaryQueries.TodayName)} AND SummaryId <> $id
          ORDER BY Month DESC, PublishedOn DESC, Title, SummaryId LIMIT {ArchiveReader.RelatedWindow})
        """));

    private static readonly string RelatedSql = $"""
        SELECT {RelatedRank} + r.Place AS Rank, s.Id, s.Month, s.Slug, s.Title, s.ResearchTypeId
        FROM (SELECT Id, row_number() OVER (ORDER BY count(*) DESC, Month DESC, Title, PublishedOn DESC, Id) AS Place
              FROM ({CandidatesSql}) /* sorts at most {RelatedTopics * ArchiveReader.RelatedWindow} rows */
              GROUP BY Id ORDER BY Place LIMIT {RelatedShown}) AS r
        JOIN Summaries s ON s.Id = r.Id
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
            (rank > RelatedRank ? links.Related : links.Neighbours).Add(row);
        }

        return links;
    }
}
