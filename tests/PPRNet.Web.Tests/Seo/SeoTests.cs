using System.Text.Json;
using System.Xml.Linq;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Seo;

[Collection(PublicSiteCollection.Name)]
public sealed class SeoTests(PublicSite fixture)
{
    private async Task<string> TextAsync(string url)
    {
        var response = await fixture.Site.Browser().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_sitemap_lists_every_published_summary_with_its_last_change_and_no_draft()
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var index = XDocument.Parse(await TextAsync("/sitemap.xml"));
        Assert.Equal(ns + "sitemapindex", index.Root!.Name);
        var files = index.Descendants(ns + "loc").Select(l => new Uri(l.Value).PathAndQuery).ToList();
        Assert.Equal(["/sitemaps/pages.xml", "/sitemaps/months-1.xml", "/sitemaps/summaries-1.xml"], files);

        var entries = new List<XElement>();
        foreach (var file in files)
        {
            entries.AddRange(XDocument.Parse(await TextAsync(file)).Descendants(ns + "url"));
        }

        var urls = entries.ToDictionary(u => u.Element(ns + "loc")!.Value, u => u.Element(ns + "lastmod")?.Value);
        var summaries = urls.Keys.Where(u => u.StartsWith("http://localhost/blog/", StringComparison.Ordinal)
            && u.Count(c => c == '/') == 6).ToList(); // http://localhost/blog/yyyy/mm/slug
        Assert.Equal(PublicSite.PublishedCount, summaries.Count);
        Assert.Equal(PublicSite.PublishedCount, urls.Keys.Count(u => u.StartsWith("http://localhost/fr/blog/", StringComparison.Ordinal)
            && u.Count(c => c == '/') == 7));
        Assert.Contains("http://localhost/blog/2021/04/mindful-empathy", summaries);
        Assert.DoesNotContain(urls.Keys, u => u.Contains("secret-draft", StringComparison.Ordinal)
            || u.Contains("scheduled", StringComparison.Ordinal) || u.Contains("future", StringComparison.Ordinal)
            || u.Contains("2030", StringComparison.Ordinal));
        Assert.Contains("http://localhost/", urls.Keys);
        Assert.Contains("http://localhost/blog/2021/04", urls.Keys);
        Assert.Contains("http://localhost/blog?topic=empathy", urls.Keys);
        Assert.All(summaries, u => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", urls[u]));
    }

    [Fact]
    public async Task Robots_keeps_crawlers_out_of_the_editors_desk_and_names_the_sitemap()
    {
        var robots = await TextAsync("/robots.txt");

        Assert.Equal("User-agent: *\nDisallow: /admin\nSitemap: http://localhost/sitemap.xml\n", robots);
    }

    [Fact]
    public async Task A_summary_page_has_canonical_open_graph_and_twitter_tags()
    {
        var (_, page) = await fixture.Site.GetPageAsync("/blog/2021/04/mindful-empathy");

        string? Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content");
        Assert.Equal("http://localhost/blog/2021/04/mindful-empathy", page.Href("link[rel=canonical]"));
        Assert.Equal("article", Meta("meta[property='og:type']"));
        Assert.Equal("Mindfulness and Empathy in Therapists", Meta("meta[property='og:title']"));
        Assert.Equal("http://localhost/blog/2021/04/mindful-empathy", Meta("meta[property='og:url']"));
        Assert.StartsWith("Mindful therapists", Meta("meta[property='og:description']"), StringComparison.Ordinal);
        Assert.Equal("summary", Meta("meta[name='twitter:card']"));
    }

    [Fact]
    public async Task Error_pages_are_not_indexed()
    {
        var (_, page) = await fixture.Site.GetPageAsync("/blog/2021/04/not-here");

        Assert.False(page.Has("link[rel=canonical]"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task The_json_ld_is_a_blog_posting_about_the_scholarly_article_with_its_doi()
    {
        var (_, page) = await fixture.Site.GetPageAsync("/blog/2021/04/mindful-empathy");

        using var json = JsonDocument.Parse(page.Element("script[type='application/ld+json']").TextContent);
        var root = json.RootElement;
        Assert.Equal("BlogPosting", root.GetProperty("@type").GetString());
        Assert.Equal("Mindfulness and Empathy in Therapists", root.GetProperty("headline").GetString());
        Assert.Equal("2021-04-01", root.GetProperty("datePublished").GetString());
        foreach (var property in new[] { "about", "citation" })
        {
            var article = root.GetProperty(property);
            Assert.Equal("ScholarlyArticle", article.GetProperty("@type").GetString());
            Assert.Equal("https://doi.org/10.1007/s12671-020-01425-3", article.GetProperty("@id").GetString());
            Assert.Equal("10.1007/s12671-020-01425-3", article.GetProperty("identifier").GetProperty("value").GetString());
            Assert.Equal("Mindfulness", article.GetProperty("isPartOf").GetProperty("name").GetString());
            Assert.Equal(4, article.GetProperty("author").GetArrayLength());
        }
    }

    [Fact]
    public async Task A_title_that_closes_a_script_element_stays_inside_the_json_ld()
    {
        using var content = new TestContent();
        const string title = "Less </script><script>alert(1)</script> & more than we thought";
        content.WriteSummary("2021-05", "script-title", new Dictionary<string, string?> { ["title"] = JsonSerializer.Serialize(title) });
        await using var site = new BlogSite(content.Root);

        var (response, page) = await site.GetPageAsync("/blog/2021/05/script-title");

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json']):not([src])"));
        using var json = JsonDocument.Parse(page.Element("script[type='application/ld+json']").TextContent);
        Assert.Equal(title, json.RootElement.GetProperty("headline").GetString());
    }

    [Fact]
    public async Task More_on_this_topic_lists_up_to_three_summaries_sharing_the_most_topics()
    {
        var (_, page) = await fixture.Site.GetPageAsync("/blog/2021/04/mindful-empathy");

        var related = page.QuerySelectorAll(".related li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(3, related.Count);
        Assert.DoesNotContain("/blog/2021/04/mindful-empathy", related);
        Assert.All(related, href => Assert.Matches(@"^/blog/\d{4}/\d{2}/filler-\d\d$", href)); // the empathy fillers
    }

    [Fact]
    public async Task The_print_stylesheet_is_linked_for_print_only()
    {
        var (_, page) = await fixture.Site.GetPageAsync("/blog/2021/04");

        var print = page.Element("link[media=print]");
        Assert.Matches(@"^/css/print\.[a-z0-9]+\.css$", print.GetAttribute("href"));
        var css = await TextAsync(print.GetAttribute("href")!);
        Assert.Contains(".site-header", css, StringComparison.Ordinal);
        Assert.Contains("attr(href)", css, StringComparison.Ordinal);
    }
}
