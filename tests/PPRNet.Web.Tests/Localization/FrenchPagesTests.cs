using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Localization;

/// <summary>Every public page type answers under /fr in French: the interface in French, the
/// summaries' own English text inside lang="en", and a switch to the same page in English.</summary>
[Collection(PublicSiteCollection.Name)]
public sealed partial class FrenchPagesTests(PublicSite fixture)
{
    /// <summary>The interface's most common English words; none may show on a French page outside
    /// the summaries' own English text.</summary>
    private static readonly string[] EnglishInterfaceWords =
    [
        "Topics", "Search", "Practice Implications", "Subscribe", "Type of research", "Previous", "Next",
        "Archive", "Browse by month", "Bottom line", "Read the summary", "summaries", "Published", "Page not found",
        "Newer", "Older", "Latest month", "Skip to content", "Limitations", "The full summary", "Effect",
    ];

    public static TheoryData<string, HttpStatusCode> FrenchPages => new()
    {
        { "/fr/", HttpStatusCode.OK },
        { "/fr/blog", HttpStatusCode.OK },
        { "/fr/blog?topic=depression&type=meta-analysis&page=2", HttpStatusCode.OK },
        { "/fr/blog/months", HttpStatusCode.OK },
        { "/fr/blog/2021/04", HttpStatusCode.OK },
        { "/fr/blog/2021/04/mindful-empathy", HttpStatusCode.OK },
        { "/fr/blog/2021/04/alliance-voices", HttpStatusCode.OK },
        { "/fr/topics", HttpStatusCode.OK },
        { "/fr/search", HttpStatusCode.OK },
        { "/fr/search?q=empathy", HttpStatusCode.OK },
        { "/fr/search?q=zzzznothing", HttpStatusCode.OK },
        { "/fr/reading-effect-sizes", HttpStatusCode.OK },
        { "/fr/certainty-of-evidence", HttpStatusCode.OK },
        { "/fr/blog/1999/01/no-such-summary", HttpStatusCode.NotFound },
        { "/fr/blog?page=abc", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(FrenchPages))]
    public async Task A_french_page_shows_no_english_interface_text_outside_the_summaries(string url, HttpStatusCode status)
    {
        var (response, page) = await fixture.Site.GetPageAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        var shown = InterfaceText(page);
        var found = EnglishInterfaceWords.Where(w => Regex.IsMatch(shown, $@"(?<![\p{{L}}]){Regex.Escape(w)}(?![\p{{L}}])")).ToList();
        Assert.True(found.Count == 0, $"{url} shows English interface text: {string.Join(", ", found)}\n{shown}");
    }

    [Theory]
    [InlineData("/fr/blog?topic=depression&page=2", "/blog?topic=depression&page=2")]
    [InlineData("/fr/blog/2021/04/mindful-empathy", "/blog/2021/04/mindful-empathy")]
    [InlineData("/fr/", "/")]
    public async Task The_language_switch_leads_to_the_same_page_in_the_other_language(string french, string english)
    {
        var (_, frenchPage) = await fixture.Site.GetPageAsync(french);
        var (_, englishPage) = await fixture.Site.GetPageAsync(english);

        var toEnglish = frenchPage.QuerySelector("a.language-switch")!;
        var toFrench = englishPage.QuerySelector("a.language-switch")!;
        Assert.Equal(english, toEnglish.GetAttribute("href"));
        Assert.Equal(("en", "en", "English"), (toEnglish.GetAttribute("hreflang"), toEnglish.GetAttribute("lang"), toEnglish.TextContent));
        Assert.Equal(french, toFrench.GetAttribute("href"));
        Assert.Equal(("fr", "fr", "Français"), (toFrench.GetAttribute("hreflang"), toFrench.GetAttribute("lang"), toFrench.TextContent));
    }

    [Fact]
    public async Task Both_languages_name_each_other_and_english_as_the_default()
    {
        var (_, page) = await fixture.Site.GetPageAsync("/fr/blog/2021/04/mindful-empathy");

        var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]")
            .ToDictionary(l => l.GetAttribute("hreflang")!, l => new Uri(l.GetAttribute("href")!).PathAndQuery);
        Assert.Equal("/blog/2021/04/mindful-empathy", alternates["en"]);
        Assert.Equal("/fr/blog/2021/04/mindful-empathy", alternates["fr"]);
        Assert.Equal("/blog/2021/04/mindful-empathy", alternates["x-default"]);
        Assert.EndsWith("/fr/blog/2021/04/mindful-empathy", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_french_summary_keeps_its_english_text_marked_as_english_and_says_so()
    {
        var (_, page) = await fixture.Site.GetPageAsync("/fr/blog/2021/04/mindful-empathy");

        Assert.Equal("en", page.QuerySelector("#summary-title")!.GetAttribute("lang"));
        Assert.Equal("Mindfulness and Empathy in Therapists", page.QuerySelector("#summary-title")!.TextContent.Trim());
        Assert.Equal("en", page.QuerySelector("section.implications")!.GetAttribute("lang"));
        Assert.Contains("how well they feel understood", page.QuerySelector("section.implications")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Implications pour la pratique", page.QuerySelector("#implications-heading")!.TextContent.Trim());
        Assert.Equal("fr", page.QuerySelector("#implications-heading")!.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector(".language-notice"));
        Assert.Equal("1er avril 2021", page.QuerySelector(".byline time")!.TextContent);
        Assert.Contains("avril 2021", page.QuerySelector(".kicker")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task French_counts_use_french_plurals_and_topic_names()
    {
        var (_, topics) = await fixture.Site.GetPageAsync("/fr/topics");
        var (_, months) = await fixture.Site.GetPageAsync("/fr/blog/months");

        var empathy = topics.QuerySelectorAll(".topic-index li")
            .Single(li => li.QuerySelector("a")!.GetAttribute("href") == "/fr/blog?topic=empathy");
        Assert.Equal("Empathie", empathy.QuerySelector("a")!.TextContent);
        Assert.Matches("^\\d+\u00a0résumés$", empathy.QuerySelector(".count")!.TextContent);
        var april = months.QuerySelectorAll(".month-index li").Single(li => li.QuerySelector("a")!.TextContent == "avril 2021");
        Assert.Equal("2\u00a0résumés", april.QuerySelector(".count")!.TextContent);
        var training = topics.QuerySelectorAll(".topic-index li").Single(li => li.QuerySelector("a")!.TextContent == "Formation");
        Assert.Equal("1\u00a0résumé", training.QuerySelector(".count")!.TextContent);
    }

    [Fact]
    public async Task The_french_feed_has_french_channel_text_and_french_links_to_english_summaries()
    {
        var response = await fixture.Site.CreateClient()
            .GetAsync(new Uri("/fr/feeds/all.rss", UriKind.Relative), TestContext.Current.CancellationToken);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var channel = feed.Root!.Element("channel")!;
        Assert.Equal("Blogue de recherche du PPRNet", channel.Element("title")!.Value);
        Assert.Equal("fr", channel.Element("language")!.Value);
        var item = channel.Elements("item").First();
        Assert.Contains("/fr/blog/", item.Element("link")!.Value, StringComparison.Ordinal);
        Assert.Equal("en", item.Attribute(XNamespace.Xml + "lang")?.Value);
    }

    [Fact]
    public async Task The_sitemap_lists_each_page_in_both_languages_with_its_alternates()
    {
        var client = fixture.Site.CreateClient();
        var xml = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemaps/summaries-1.xml", UriKind.Relative),
            TestContext.Current.CancellationToken));

        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var urls = xml.Root!.Elements(sm + "url").ToList();
        var french = urls.Single(u => u.Element(sm + "loc")!.Value.EndsWith("/fr/blog/2021/04/mindful-empathy", StringComparison.Ordinal));
        Assert.Single(urls, u => u.Element(sm + "loc")!.Value.EndsWith("/blog/2021/04/mindful-empathy", StringComparison.Ordinal)
            && !u.Element(sm + "loc")!.Value.Contains("/fr/", StringComparison.Ordinal));
        var alternates = french.Elements(xhtml + "link")
            .ToDictionary(l => l.Attribute("hreflang")!.Value, l => new Uri(l.Attribute("href")!.Value).AbsolutePath);
        Assert.Equal("/blog/2021/04/mindful-empathy", alternates["en"]);
        Assert.Equal("/fr/blog/2021/04/mindful-empathy", alternates["fr"]);
        Assert.Equal("/blog/2021/04/mindful-empathy", alternates["x-default"]);
    }

    [Fact]
    public async Task Cached_pages_never_mix_languages()
    {
        // Alternately, so each language's answer could only be wrong if it came from the other's cache entry.
        for (var i = 0; i < 4; i++)
        {
            foreach (var (url, language, heading) in new[]
                { ("/blog/2021/04", "en", "Browse by month"), ("/fr/blog/2021/04", "fr", "Parcourir par mois") })
            {
                var (response, page) = await fixture.Site.GetPageAsync(url);
                Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
                Assert.Equal(language == "en" ? "en-CA" : "fr-CA", response.Content.Headers.ContentLanguage.Single());
                Assert.Contains(heading, page.QuerySelector(".kicker")!.TextContent, StringComparison.Ordinal);
                // Kept from its second visit, so served from the cache from the third.
                if (i > 1)
                {
                    Assert.True(response.Headers.Contains("Age"), $"{url} is served from the cache on visit {i + 1}");
                }
            }
        }
    }

    /// <summary>What a reader sees or hears of the interface: text and the labels read aloud, less
    /// anything inside lang="en" (the summaries' own English), scripts and styles.</summary>
    private static string InterfaceText(IHtmlDocument page)
    {
        var parts = new List<string>();
        void Walk(INode node)
        {
            if (node is IElement element)
            {
                if (element.GetAttribute("lang") == "en" || element.LocalName is "script" or "style" or "template")
                {
                    return;
                }

                foreach (var attribute in new[] { "aria-label", "placeholder", "title", "alt", "content" })
                {
                    if (element.GetAttribute(attribute) is { } value)
                    {
                        parts.Add(value);
                    }
                }
            }
            else if (node.NodeType == NodeType.Text)
            {
                parts.Add(node.TextContent);
            }

            foreach (var child in node.ChildNodes)
            {
                Walk(child);
            }
        }

        Walk(page.Body!);
        Walk(page.Head!.QuerySelector("title")!);
        return WhiteSpace().Replace(string.Join(" ", parts), " ");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
