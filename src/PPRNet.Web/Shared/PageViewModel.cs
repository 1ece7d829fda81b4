namespace PPRNet.Web.Shared;

/// <summary>What the layout needs from every page: its title and meta description.</summary>
public abstract class PageViewModel
{
    public required string Title { get; init; }
    public required string Description { get; init; }

    /// <summary>The page's own address for search engines; null: the address it was asked for.</summary>
    public string? CanonicalPath { get; init; }

    /// <summary>Open Graph type: "article" for a summary, "website" for the rest.</summary>
    public string OpenGraphType { get; init; } = "website";

    /// <summary>Feeds for what this page shows, advertised beside the whole blog's feeds.</summary>
    public IReadOnlyList<FeedLink> Feeds { get; init; } = [];
}
