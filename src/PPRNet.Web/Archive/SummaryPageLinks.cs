using Microsoft.Data.Sqlite;
using PPRNet.Web.Data;

namespace PPRNet.Web.Archive;

/// <summary>What a summary's page links to, read in one prepared statement after its own row: its
/// topic ids and its previous and next summaries (<see cref="ArchiveOrder.NeighboursSql"/>). "More on
/// this topic" comes from <see cref="TopicWindows"/>.</summary>
internal sealed record SummaryPageLinks(List<int> TopicIds, List<LinkRow> Neighbours)
{
    private const int TopicRank = 0;

    /// <summary>Parameters: $today, $month, $published, $title, $id.</summary>
    public static readonly string Sql = $"""
        SELECT * FROM (SELECT {TopicRank} AS Rank, TopicsId AS Id, '' AS Month, '' AS Slug, '' AS Title, 0 AS ResearchTypeId
          FROM SummaryTopics WHERE SummariesId = $id ORDER BY TopicsId)
        UNION ALL {ArchiveOrder.NeighboursSql}
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
        var links = new SummaryPageLinks([], []);
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
            links.Neighbours.Add(row);
        }

        return links;
    }
}
