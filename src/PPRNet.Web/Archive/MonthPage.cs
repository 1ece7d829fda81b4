using Microsoft.Data.Sqlite;
using PPRNet.Web.Data;

namespace PPRNet.Web.Archive;

/// <summary>One page of a month, in one prepared statement: the ids of its summaries on this page
/// (20 a page, like the archive, so no page grows with a busy month), how many the month holds
/// (its live tally less its scheduled summaries, the rule of <see cref="Facets.PublicMonthsAsync"/>),
/// its "This month..." intro and the nearest months either side with public summaries.</summary>
internal sealed record MonthPage(List<int> Ids, int Total, string? IntroHtml, string? NewerMonth, string? OlderMonth)
{
    private const int IdRow = 0;
    private const int TotalRow = 1;
    private const int IntroRow = 2;
    private const int NewerRow = 3;
    private const int OlderRow = 4;

    private static readonly string Public = SummaryQueries.PublishedSql(null, SummaryQueries.TodayName);

    /// <summary>Parameters: $today, $month, $skip.</summary>
    private static readonly string Sql = $"""
        SELECT * FROM (SELECT {IdRow} AS Kind, Id AS Number, NULL AS Text FROM Summaries INDEXED BY {Indexes.SummariesArchive}
          WHERE {Public} AND Month = $month
          ORDER BY {SummaryQueries.NewestFirstSql("Id")} LIMIT {ArchiveReader.PageSize} OFFSET {PreparedStatements.Bound("$skip")})
        UNION ALL SELECT {TotalRow}, COALESCE((SELECT Count FROM MonthCounts WHERE Month = $month), 0)
          - (SELECT COUNT(*) FROM Summaries INDEXED BY {Indexes.SummariesPublished}
             WHERE {SummaryQueries.ScheduledSql(null, SummaryQueries.TodayName)} AND Month = $month), NULL
        UNION ALL SELECT {IntroRow}, 0, IntroHtml FROM MonthIssues WHERE Month = $month AND IntroHtml <> ''
        UNION ALL SELECT * FROM (SELECT {NewerRow}, 0, Month FROM Summaries INDEXED BY {Indexes.SummariesArchive}
          WHERE {Public} AND Month > $month ORDER BY Month LIMIT 1)
        UNION ALL SELECT * FROM (SELECT {OlderRow}, 0, Month FROM Summaries INDEXED BY {Indexes.SummariesArchive}
          WHERE {Public} AND Month < $month ORDER BY Month DESC LIMIT 1)
        """;

    /// <summary>The newest month with public summaries; null when there is none.</summary>
    private static readonly string LatestSql = $"""
        SELECT Month FROM Summaries INDEXED BY {Indexes.SummariesArchive} WHERE {Public} ORDER BY Month DESC LIMIT 1
        """;

    public static MonthPage Read(PreparedStatements statements, string month, int page, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(statements);
        return statements.Read(Sql, parameters =>
        {
            parameters.Add(SummaryQueries.TodayParameter(today));
            parameters.Add(new SqliteParameter("$month", month));
            parameters.Add(new SqliteParameter("$skip", (page - 1) * ArchiveReader.PageSize));
        }, reader =>
        {
            var result = new MonthPage([], 0, null, null, null);
            while (reader.Read())
            {
                switch (reader.GetInt32(0))
                {
                    case IdRow:
                        result.Ids.Add(reader.GetInt32(1));
                        break;
                    case TotalRow:
                        result = result with { Total = reader.GetInt32(1) };
                        break;
                    case IntroRow:
                        result = result with { IntroHtml = reader.GetString(2) };
                        break;
                    case NewerRow:
                        result = result with { NewerMonth = reader.GetString(2) };
                        break;
                    default:
                        result = result with { OlderMonth = reader.GetString(2) };
                        break;
                }
            }

            return result;
        });
    }

    public static string? Latest(PreparedStatements statements, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(statements);
        return statements.Read(LatestSql, parameters => parameters.Add(SummaryQueries.TodayParameter(today)),
            reader => reader.Read() ? reader.GetString(0) : null);
    }
}
