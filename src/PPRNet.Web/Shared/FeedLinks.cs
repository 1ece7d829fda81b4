using PPRNet.Web.Archive;
using PPRNet.Web.Localization;

namespace PPRNet.Web.Shared;

/// <summary>A feed a page advertises: <paramref name="Name"/> is what it follows (a topic, a type), in
/// the page's language; the page words its title around it.</summary>
public sealed record FeedLink(string Name, string RssUrl, string AtomUrl);

/// <summary>The feed addresses of a topic or research type, for pages that advertise them.</summary>
public static class FeedLinks
{
    public static FeedLink ForTopic(TaxonomyLink topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return new(topic.Name,
            SiteLanguage.Local($"/feeds/topics/{topic.Slug}.rss"), SiteLanguage.Local($"/feeds/topics/{topic.Slug}.atom"));
    }

    public static FeedLink ForType(TaxonomyLink type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new(type.Name,
            SiteLanguage.Local($"/feeds/types/{type.Slug}.rss"), SiteLanguage.Local($"/feeds/types/{type.Slug}.atom"));
    }
}
