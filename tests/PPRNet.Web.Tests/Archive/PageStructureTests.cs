using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Archive;

/// <summary>Every public page is a complete, accessible document: one main, one h1 first, headings
/// that do not skip levels, a title, a description and no asset from another host.</summary>
[Collection(PublicSiteCollection.Name)]
public sealed class PageStructureTests(PublicSite fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/blog")]
    [InlineData("/blog?topic=depression&type=meta-analysis&page=2")]
    [InlineData("/blog/2021/04")]
    [InlineData("/blog/2021/04/mindful-empathy")]
    [InlineData("/topics")]
    [InlineData("/blog/2021/04/missing")]
    [InlineData("/blog?page=abc")]
    public async Task Every_page_is_a_complete_accessible_document(string url)
    {
        var (_, page) = await fixture.Site.GetPageAsync(url);

        Assert.Single(page.QuerySelectorAll("main"));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.NotEmpty(page.Title!);
        Assert.NotEmpty(page.QuerySelector("meta[name=description]")?.GetAttribute("content") ?? "");
        Assert.Equal("width=device-width, initial-scale=1", page.QuerySelector("meta[name=viewport]")?.GetAttribute("content"));

        var levels = page.QuerySelectorAll("main h1, main h2, main h3, main h4").Select(h => h.TagName[1] - '0').ToList();
        Assert.Equal(1, levels[0]);
        Assert.Single(levels, l => l == 1);
        Assert.All(levels.Zip(levels.Skip(1)),
            pair => Assert.True(pair.Second <= pair.First + 1, $"heading jumps from h{pair.First} to h{pair.Second}"));

        var assets = page.QuerySelectorAll("link[rel=stylesheet], script[src], img[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")).ToList();
        Assert.NotEmpty(assets);
        Assert.All(assets, src => Assert.StartsWith("/", src, StringComparison.Ordinal));
        Assert.All(assets, src => Assert.False(src!.StartsWith("//", StringComparison.Ordinal), src));
    }
}
