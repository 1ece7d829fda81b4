using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PPRNet.Web.Data;

/// <summary>Lists of ids as the raw statements pass and read them. A page's ids go in as one JSON
/// array, so a statement's text is the same for any page and is compiled once per connection; a
/// summary's topic ids come back as one column, from the join table's primary key.</summary>
public static class IdLists
{
    /// <summary>SQL: the ids of <see cref="Parameter"/>, as in <c>WHERE s.Id IN {InParameter}</c>.</summary>
    public const string InParameter = "(SELECT value FROM json_each($ids))";

    /// <summary>The parameter <c>$ids</c> that <see cref="InParameter"/> reads.</summary>
    public static SqliteParameter Parameter(IEnumerable<int> ids) =>
        new("$ids", $"[{string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)))}]");

    /// <summary>SQL: a summary's topic ids as one column, read back with <see cref="Parse"/>.</summary>
    public static string TopicIdsSql(string summaryId) =>
        $"(SELECT group_concat(st.TopicsId) FROM SummaryTopics st WHERE st.SummariesId = {summaryId})";

    public static List<int> Parse(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();
}
