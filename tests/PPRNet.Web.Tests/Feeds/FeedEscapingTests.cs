using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Feeds;

/// <summary>Feeds stay well-formed XML whatever a summary holds, and what the site shows as text
/// reaches feed readers as text.</summary>
public sealed class FeedEscapingTests : IAsyncLifetime
{
    private const string HostileTitle = "<img src=x onerror=alert(1)> & Friends";
    private readonly TestContent content = new();
    private BlogSite site = null!;

    public ValueTask InitializeAsync()
    {
        content.Write("taxonomy.yml", TestContent.Taxonomy.Replace("name: \"Empathy\"", "name: \"Empathy <b>bold</b>\"",
            StringComparison.Ordinal));
        content.WriteSummary("2021-04", "hostile", new Dictionary<string, string?>
        {
            ["title"] = "\"<img src=x onerror=alert(1)> & Friends\"",
            ["citation"] = "\"Author, A. (2020). Pasted\\f from a PDF\\u0001. *Journal, 1*, 2.\"",
        }, body: "Text with `<script>alert(1)</script>` as code,\u0001 a form feed\u000C and \u001F unit separator.",
           implications: "Some &lt;b&gt;escaped&lt;/b&gt; text and a \u0008 backspace.");
        site = new BlogSite(content.Root);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await site.DisposeAsync();
        content.Dispose();
    }

    public static TheoryData<string> Feeds => new() { "/feeds/all.rss", "/feeds/all.atom", "/feeds/topics/empathy.rss",
        "/feeds/topics/empathy.atom", "/feeds/types/meta-analysis.rss", "/feeds/types/meta-analysis.atom" };

    private async Task<XDocument> LoadAsync(string url)
    {
        var response = await site.Browser().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task Every_feed_parses_as_xml_with_control_characters_gone_and_no_live_markup(string url)
    {
        var feed = await LoadAsync(url);
        var parser = new HtmlParser();

        Assert.DoesNotContain(feed.Descendants().SelectMany(e => e.Nodes().OfType<XText>()).SelectMany(t => t.Value),
            c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
        // RSS descriptions are HTML; in Atom, whatever says type="html" is.
        var htmls = feed.Descendants().Where(e => e.Name.LocalName == "description" || (string?)e.Attribute("type") == "html")
            .Select(e => e.Value).ToList();
        Assert.NotEmpty(htmls);
        foreach (var html in htmls)
        {
            var fragment = parser.ParseDocument(html);
            Assert.Empty(fragment.QuerySelectorAll("script, img, b[onerror]"));
            Assert.DoesNotContain(fragment.Body!.TextContent, c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
        }
    }

    [Theory]
    [InlineData("/feeds/all.rss")]
    [InlineData("/feeds/topics/empathy.rss")]
    public async Task Rss_titles_and_categories_are_html_that_shows_the_text_as_typed(string url)
    {
        var feed = await LoadAsync(url);
        var item = feed.Descendants("item").Single();
        var parser = new HtmlParser();

        var title = parser.ParseDocument(item.Element("title")!.Value);
        Assert.Equal(HostileTitle, title.Body!.TextContent);
        Assert.Empty(title.QuerySelectorAll("img"));
        var category = parser.ParseDocument(item.Element("category")!.Value);
        Assert.Equal("Empathy <b>bold</b>", category.Body!.TextContent);
        var description = parser.ParseDocument(item.Element("description")!.Value);
        Assert.Contains("<script>alert(1)</script>", description.Element("code").TextContent, StringComparison.Ordinal);
        Assert.Contains("Practice Implications", description.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Atom_titles_stay_plain_text()
    {
        var feed = await LoadAsync("/feeds/all.atom");
        XNamespace atom = "http://www.w3.org/2005/Atom";

        Assert.Equal(HostileTitle, feed.Descendants(atom + "entry").Single().Element(atom + "title")!.Value);
    }
}
