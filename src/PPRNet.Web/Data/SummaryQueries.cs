using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PPRNet.Web.Data;

/// <summary>The business rules of what readers may see and in which order, written once. Each rule
/// is here as LINQ for EF's queries and, beside it, as SQL text for the statements kept raw for
/// speed (previous/next, related, several topics, search, scheduled summaries, the tally triggers),
/// so the two cannot drift apart. <c>SummaryQueriesTests</c> checks that they pick the same rows.</summary>
public static class SummaryQueries
{
    /// <summary>Published, its publish date has come and it is not in the trash: drafts, scheduled
    /// and trashed summaries are never public.</summary>
    public static IQueryable<Summary> Published(this IQueryable<Summary> summaries, DateOnly today) =>
        summaries.NotTrashed().Where(s => s.Status == SummaryStatus.Published && s.PublishedOn <= today);

    /// <summary>Published with a publish date still to come: live, not yet public.</summary>
    public static IQueryable<Summary> Scheduled(this IQueryable<Summary> summaries, DateOnly today) =>
        summaries.NotTrashed().Where(s => s.Status == SummaryStatus.Published && s.PublishedOn > today);

    /// <summary>The rule of <see cref="Published(IQueryable{Summary}, DateOnly)"/> for a row already
    /// in memory: "has its day come" is <see cref="HasCome"/>.</summary>
    public static bool IsPublic(SummaryStatus status, DateTimeOffset? deletedAt, DateOnly publishedOn, DateOnly today) =>
        IsLive(status, deletedAt) && HasCome(publishedOn, today);

    /// <summary>Published status and not in the trash: public now or on its day.</summary>
    public static bool IsLive(SummaryStatus status, DateTimeOffset? deletedAt) =>
        status == SummaryStatus.Published && deletedAt is null;

    /// <summary>A publish date has come on its own day, not the day after.</summary>
    public static bool HasCome(DateOnly publishedOn, DateOnly today) => publishedOn <= today;

    public static IQueryable<Summary> NotTrashed(this IQueryable<Summary> summaries) =>
        summaries.Where(s => s.DeletedAt == null);

    public static IQueryable<Summary> Trashed(this IQueryable<Summary> summaries) =>
        summaries.Where(s => s.DeletedAt != null);

    public static IQueryable<Summary> OfType(this IQueryable<Summary> summaries, int? typeId) =>
        typeId is null ? summaries : summaries.Where(s => s.ResearchTypeId == typeId);

    public static IQueryable<Summary> InMonth(this IQueryable<Summary> summaries, string month) =>
        summaries.Where(s => s.Month == month);

    /// <summary>The archive order: newest month first, then newest publish date, then title.</summary>
    public static IOrderedQueryable<Summary> NewestFirst(this IQueryable<Summary> summaries) =>
        summaries.OrderByDescending(s => s.Month)
            .ThenByDescending(s => s.PublishedOn)
            .ThenBy(s => s.Title)
            .ThenBy(s => s.Id);

    /// <summary>A topic's listing rows that readers may see. Listings hold only live summaries
    /// (published status, not in the trash), so what remains is the publish date.</summary>
    public static IQueryable<TopicListing> PublicInTopic(this IQueryable<TopicListing> listings, int topicId, DateOnly today) =>
        listings.Where(l => l.TopicId == topicId && l.PublishedOn <= today);

    public static IQueryable<TopicListing> OfType(this IQueryable<TopicListing> listings, int? typeId) =>
        typeId is null ? listings : listings.Where(l => l.ResearchTypeId == typeId);

    /// <summary>The archive order of <see cref="NewestFirst(IQueryable{Summary})"/>, on listing rows.</summary>
    public static IOrderedQueryable<TopicListing> NewestFirst(this IQueryable<TopicListing> listings) =>
        listings.OrderByDescending(l => l.Month)
            .ThenByDescending(l => l.PublishedOn)
            .ThenBy(l => l.Title)
            .ThenBy(l => l.SummaryId);

    /// <summary>The topic ids of the given summaries, read from the join table's primary key.</summary>
    public static async Task<ILookup<int, int>> TopicIdsAsync(
        this BlogDbContext db, IReadOnlyList<int> summaryIds, CancellationToken cancellationToken) =>
        (await db.Set<Dictionary<string, object>>("SummaryTopics").AsNoTracking()
            .Where(link => summaryIds.Contains(EF.Property<int>(link, "SummariesId")))
            .Select(link => new { SummaryId = EF.Property<int>(link, "SummariesId"), TopicId = EF.Property<int>(link, "TopicsId") })
            .ToListAsync(cancellationToken))
        .ToLookup(l => l.SummaryId, l => l.TopicId);

    // The same rules as SQL text. Each takes the row's alias ("s", a trigger's "new"; null for
    // none) and the text that stands for today in the statement: a parameter name such as
    // TodayName, or "{0}" in a format string. Statuses are stored as their names.

    /// <summary>The name of the parameter <see cref="TodayParameter"/> makes.</summary>
    public const string TodayName = "$today";

    /// <summary>Published status and not in the trash (SQL of <see cref="IsLive"/>).</summary>
    public static string LiveSql(string? alias = null) =>
        $"{Column(alias, nameof(Summary.Status))} = '{SummaryStatus.Published}' AND {Column(alias, nameof(Summary.DeletedAt))} IS NULL";

    /// <summary>What readers may see (SQL of <see cref="Published(IQueryable{Summary}, DateOnly)"/>).</summary>
    public static string PublishedSql(string? alias, string today) => $"{LiveSql(alias)} AND {HasComeSql(alias, today)}";

    /// <summary>Live with a date still to come (SQL of <see cref="Scheduled"/>).</summary>
    public static string ScheduledSql(string? alias, string today) =>
        $"{LiveSql(alias)} AND {Column(alias, nameof(Summary.PublishedOn))} > {today}";

    /// <summary>A listing row readers may see (SQL of <see cref="PublicInTopic"/>, less the topic).</summary>
    public static string ListingPublishedSql(string? alias, string today) => HasComeSql(alias, today);

    /// <summary>The archive order (SQL of <see cref="NewestFirst(IQueryable{Summary})"/>), with the
    /// id column of the table read (a summary's Id, a listing's SummaryId).</summary>
    public static string NewestFirstSql(string idColumn) => $"Month DESC, PublishedOn DESC, Title, {idColumn}";

    /// <summary>The archive order (<see cref="NewestFirstSql"/>) of rows already read: month and date
    /// newest first, then the title as SQLite compares text (its UTF-8 bytes, so by code point),
    /// then the id.</summary>
    public static int CompareNewestFirst(
        (string Month, string PublishedOn, string Title, int Id) x, (string Month, string PublishedOn, string Title, int Id) y)
    {
        var order = string.CompareOrdinal(y.Month, x.Month);
        if (order == 0)
        {
            order = string.CompareOrdinal(y.PublishedOn, x.PublishedOn);
        }

        if (order == 0)
        {
            order = CompareCodePoints(x.Title, y.Title);
        }

        return order != 0 ? order : x.Id.CompareTo(y.Id);
    }

    // UTF-16 puts the surrogates (U+D800-DFFF) below U+E000-FFFF, but the characters they encode
    // are above them, as in UTF-8; moving the two ranges past each other gives code point order.
    private static int CompareCodePoints(string x, string y)
    {
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return CodePointRank(x[i]) - CodePointRank(y[i]);
            }
        }

        return x.Length - y.Length;

        static int CodePointRank(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }

    /// <summary>Today as the parameter <see cref="TodayName"/>.</summary>
    public static SqliteParameter TodayParameter(DateOnly today) => new(TodayName, SqlDate(today));

    /// <summary>A date as EF Core stores DateOnly in SQLite ("yyyy-MM-dd"), so text comparisons order it.</summary>
    public static string SqlDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string HasComeSql(string? alias, string today) => $"{Column(alias, nameof(Summary.PublishedOn))} <= {today}";

    private static string Column(string? alias, string column) => alias is null ? column : $"{alias}.{column}";
}
