using System.Xml.Linq;
using PPRNet.Web.Seo;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Seo;

/// <summary>No sitemap file grows with the archive: months are listed in files of
/// <see cref="SeoController.MonthsPerFile"/>, oldest first, as summaries are in files of a fixed id range.</summary>
public sealed class SitemapFilesTests : IAsyncLifetime
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private readonly TestContent content = new();
    private BlogSite site = null!;

    public ValueTask InitializeAsync()
    {
        var first = new DateOnly(1990, 1, 1);
        for (var i = 0; i <= SeoController.MonthsPerFile; i++)
        {
            content.WriteSummary(first.AddMonths(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), "one");
        }

        site = new BlogSite(content.Root);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await site.DisposeAsync();
        content.Dispose();
    }

    private async Task<string> TextAsync(string path)
    {
        var response = await site.Browser().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static List<string> EnglishPaths(string xml) => XDocument.Parse(xml).Descendants(Ns + "loc")
        .Select(l => new Uri(l.Value).AbsolutePath).Where(p => !p.StartsWith("/fr/", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task One_month_past_a_full_file_starts_the_next_file_and_every_file_stays_small()
    {
        var files = EnglishPaths(await TextAsync("/sitemap.xml"));

        Assert.Equal(["/sitemaps/pages.xml", "/sitemaps/months-1.xml", "/sitemaps/months-2.xml", "/sitemaps/summaries-1.xml",
            "/sitemaps/summaries-2.xml"], files);
        var firstFile = await TextAsync("/sitemaps/months-1.xml");
        var firstMonths = EnglishPaths(firstFile);
        Assert.Equal(SeoController.MonthsPerFile, firstMonths.Count);
        Assert.Equal("/blog/1990/01", firstMonths[0]);
        Assert.Equal(["/blog/2010/11"], EnglishPaths(await TextAsync("/sitemaps/months-2.xml")));
        Assert.DoesNotContain(EnglishPaths(await TextAsync("/sitemaps/pages.xml")),
            p => p.StartsWith("/blog/1990", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = System.Text.Encoding.UTF8.GetByteCount(await TextAsync(file));
            Assert.True(bytes < 300_000, $"{file} is {bytes} bytes");
        }
    }
}
