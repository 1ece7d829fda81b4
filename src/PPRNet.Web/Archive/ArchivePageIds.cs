using Microsoft.Data.Sqlite;
using PPRNet.Web.Data;

namespace PPRNet.Web.Archive;

/// <summary>The ids of one archive page, with no topic or one, with or without a type: statements
/// of fixed text, so each is compiled once per connection. A topic's pages read its listing rows
/// (kept by triggers with the archive's sort columns), the others the summaries' archive indexes,
/// each in the order the page shows and stopping after the page. A later page of the whole archive
/// starts at its month: the month tallies say how many public summaries come before each month,
/// so the page skips only within its month, however deep it is.</summary>
internal static class ArchivePageIds
{
    private static readonly string Today = SummaryQueries.TodayName;
    private static readonly string Skip = PreparedStatements.Bound("$skip");

    private static readonly string All = $"""
        SELECT Id FROM Summaries INDEXED BY {Indexes.SummariesArchive}
        WHERE {SummaryQueries.PublishedSql(null, Today)}
        ORDER BY {SummaryQueries.NewestFirstSql("Id")} LIMIT {ArchiveReader.PageSize} OFFSET {Skip}
        """;

    private static readonly string AllFromMonth = $"""
        SELECT Id FROM Summaries INDEXED BY {Indexes.SummariesArchive}
        WHERE {SummaryQueries.PublishedSql(null, Today)} AND Month <= $month
        ORDER BY {SummaryQueries.NewestFirstSql("Id")} LIMIT {ArchiveReader.PageSize} OFFSET {Skip}
        """;

    private const string MonthsNewestFirst = "SELECT Month, Count FROM MonthCounts WHERE Count > 0 ORDER BY Month DESC";

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

    public static List<int> Read(PreparedStatements statements, FilterCounts counts, int? topicId, int? typeId, int skip,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(counts);
        var month = topicId is null && typeId is null && skip > 0 ? StartMonth(statements, counts, skip) : null;
        var sql = (topicId, typeId) switch
        {
            (null, null) => month is null ? All : AllFromMonth,
            (null, _) => OfType,
            (_, null) => InTopic,
            _ => InTopicOfType,
        };
        return statements.Read(sql, parameters =>
        {
            parameters.Add(SummaryQueries.TodayParameter(today));
            parameters.Add(new SqliteParameter("$skip", skip - (month?.Before ?? 0)));
            if (month is { } start)
            {
                parameters.Add(new SqliteParameter("$month", start.Month));
            }

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

    /// <summary>The month the page's first summary is in, and how many public summaries come before
    /// that month; read newest first and stopped there, so a page reads as many tallies as months
    /// lie above it. Null when the tallies end first (the page is past the end).</summary>
    private static (string Month, int Before)? StartMonth(PreparedStatements statements, FilterCounts counts, int skip) =>
        statements.Read(MonthsNewestFirst, _ => { }, reader =>
        {
            var before = 0;
            while (reader.Read())
            {
                var month = reader.GetString(0);
                var inMonth = counts.PublicInMonth(month, reader.GetInt32(1));
                if (before + inMonth > skip)
                {
                    return ((string Month, int Before)?)(month, before);
                }

                before += inMonth;
            }

            return null;
        });
}
