using Microsoft.AspNetCore.Http.Extensions;
using PPRNet.Web.Localization;

namespace PPRNet.Web.Archive;

/// <summary>The public URL scheme in one place. Paths are in the current language
/// (<see cref="SiteLanguage.Local"/>); the constants are the English routes.</summary>
public static class BlogUrls
{
    public const string EffectSizeGuide = "/reading-effect-sizes";
    public const string CertaintyGuide = "/certainty-of-evidence";

    public static string Month(string month) => SiteLanguage.Local($"/blog/{month[..4]}/{month[5..]}");

    /// <summary>A page of a month; page 1 is the month's own address.</summary>
    public static string MonthPage(string month, int page) =>
        page <= 1 ? Month(month) : $"{Month(month)}?page={page.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static string Summary(string month, string slug) => $"{Month(month)}/{slug}";

    public static string Topic(string slug) => Archive(slug, null, 1);

    public static string Type(string slug) => Archive(null, slug, 1);

    public static string Archive(string? topic, string? type, int page) => ArchiveOf(topic is null ? [] : [topic], type, page);

    /// <summary>The archive narrowed to any of several topics (each a "topic" parameter).</summary>
    public static string ArchiveOf(IEnumerable<string> topics, string? type, int page) =>
        SiteLanguage.Local("/blog" + FilterQuery(topics, type, page).ToQueryString());

    /// <summary>The archive's filters as a query, which search shares.</summary>
    public static QueryBuilder FilterQuery(IEnumerable<string> topics, string? type, int page)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var query = new QueryBuilder();
        foreach (var topic in topics)
        {
            query.Add("topic", topic);
        }

        if (type is not null)
        {
            query.Add("type", type);
        }

        if (page > 1)
        {
            query.Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return query;
    }

    /// <summary>Every month with public summaries, by year; a route of its own, beside the
    /// two-number month addresses (<c>/blog/{year}/{month}</c>) it cannot be mistaken for.</summary>
    public const string Months = "/blog/months";

    /// <summary>The months page at the given month's year.</summary>
    public static string MonthsOfYear(string month) => SiteLanguage.Local($"{Months}#{YearHeadingId(month[..4])}");

    public static string YearHeadingId(string year) => $"year-{year}";
}
