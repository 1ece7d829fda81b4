using Microsoft.Data.Sqlite;
using PPRNet.Web.Data;

namespace PPRNet.Web.Archive;

/// <summary>The ids of one archive page, with no topic or one, with or without a type: four
/// statements of fixed text, so each is compiled once per connection. A topic's pages read its
/// listing rows (kept by triggers with the archive's sort columns), the others the summaries'
/// archive indexes, each in the order the page shows and stopping after the page.</summary>
internal static class ArchivePageIds
{
    private static readonly string Today = SummaryQueries.TodayName;
    private static readonly string Skip = PreparedStatements.Bound("$skip");

    private static readonly string All = $"""
        SELECT Id FROM Summaries INDEXED BY {Indexes.SummariesArchive}
        WHERE {SummaryQueries.PublishedSql(null, Today)}
        ORDER BY {SummaryQueries.NewestFirstSql("Id")} LIMIT {ArchiveReader.PageSize} OFFSET {Skip}
        """;

    private static readonly string OfType = $"""
        SELECT Id FROM Summaries INDEXED BY {Indexes.SummariesArchiveByType}
        WHERE {SummaryQueries.PublishedSql(null, Today)} AND ResearchTypeId = $type
        ORDER BY {SummaryQueries.NewestFirstSql("Id")} LIMIT {ArchiveReader.PageSize} OFFSET {Skip}
        """;

    private static readonly string InTopic = $"""
        SELECT SummaryId FROM TopicListings INDEXED BY {Indexes.TopicListingsArchive}
        WHERE TopicId = $topic AND {SummaryQueries.ListingPublishedSql(null, Today)}
        ORDER BY {SummaryQueries.NewestFirstSql("SummaryId")} LIMIT {ArchiveReader.PageSize} OFFSET {Skip}
        """;

    private static readonly string InTopicOfType = $"""
        SELECT SummaryId FROM TopicListings INDEXED BY {Indexes.TopicListingsArchiveByType}
        WHERE TopicId = $topic AND {SummaryQueries.ListingPublishedSql(null, Today)} AND ResearchTypeId = $type
        ORDER BY {SummaryQueries.NewestFirstSql("SummaryId")} LIMIT {ArchiveReader.PageSize} OFFSET {Skip}
        """;

    public static List<int> Read(PreparedStatements statements, int? topicId, int? typeId, int skip, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var sql = (topicId, typeId) switch
        {
            (null, null) => All,
            (null, _) => OfType,
            (_, null) => InTopic,
            _ => InTopicOfType,
        };
        return statements.Read(sql, parameters =>
        {
            parameters.Add(SummaryQueries.TodayParameter(today));
            parameters.Add(new SqliteParameter("$skip", skip));
            if (topicId is { } topic)
            {
                parameters.Add(new SqliteParameter("$topic", topic));
            }

            if (typeId is { } type)
            {
                parameters.Add(new SqliteParameter("$type", type));
            }
        }, reader =>
        {
            var ids = new List<int>(ArchiveReader.PageSize);
            while (reader.Read())
            {
                ids.Add(reader.GetInt32(0));
            }

            return ids;
        });
    }
}
