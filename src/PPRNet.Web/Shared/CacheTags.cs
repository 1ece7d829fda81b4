namespace PPRNet.Web.Shared;

/// <summary>What a cached page shows, as output-cache tags.</summary>
public static class CacheTags
{
    /// <summary>Every public page.</summary>
    public const string All = "public-pages";

    /// <summary>Pages that depend on which summaries are public and in what order: home, every
    /// archive page (their filter counts), topics, search, feeds and the sitemap. A summary's own
    /// page is not one of them: it changes only with itself, its neighbours and its topics.</summary>
    public const string Structure = "structure";

    public const string Search = "search";
    public const string Sitemap = "sitemap";

    public static string Summary(int id) => $"summary:{id}";

    public static IEnumerable<string> Summaries(IEnumerable<int> ids) => ids.Select(Summary);

    /// <summary>A summary's own page (as opposed to every page that shows the summary).</summary>
    public static string Page(int id) => $"page:{id}";

    /// <summary>A month's page, and home while it is the latest month.</summary>
    public static string Month(string month) => $"month:{month}";

    /// <summary>Summary pages whose "More on this topic" reads this topic.</summary>
    public static string Topic(int topicId) => $"topic:{topicId}";
}
