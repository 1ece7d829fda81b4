using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.EndToEnd;

/// <summary>What only a real browser can tell: the copy button, pages with JavaScript off, the
/// layout on a 360 px phone, and the printed handout.</summary>
public sealed partial class BrowserTests(LiveSite site) : IClassFixture<LiveSite>
{
    private const string SummaryPath = "/blog/2019/05/therapist-empathy-and-client-outcome";

    private async Task<IPage> OpenAsync(string path, BrowserNewContextOptions? options = null)
    {
        var context = await site.Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(site.BaseUrl + path);
        Assert.Equal(200, response!.Status);
        return page;
    }

    [Theory]
    [InlineData("fr-CA", true)]
    [InlineData("en-CA", false)]
    public async Task A_browser_that_prefers_french_is_offered_the_french_home_page_and_never_sent_there(string locale, bool offered)
    {
        var page = await OpenAsync("/", new BrowserNewContextOptions { Locale = locale });

        Assert.Equal(site.BaseUrl + "/", page.Url);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        var offer = page.Locator(".language-offer a");
        Assert.Equal(offered, await offer.IsVisibleAsync());
        Assert.Equal("/fr/", await offer.GetAttributeAsync("href"));
    }

    [Fact]
    public async Task Copy_citation_puts_the_formatted_apa_citation_on_the_clipboard_and_says_so_to_screen_readers()
    {
        var page = await OpenAsync(SummaryPath);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = site.BaseUrl });
        var button = page.Locator(".copy-button");

        await button.ClickAsync();

        // The label changes once the asynchronous clipboard write has finished, not at the click.
        await page.WaitForFunctionAsync("() => document.querySelector('.copy-button').textContent.trim() !== 'Copy citation'", null,
            new() { Timeout = 5_000 });
        Assert.Equal("Copied", (await button.TextContentAsync())?.Trim());
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.StartsWith("Elliott, R., Bohart, A. C., Watson, J. C., & Murphy, D. (2018). Therapist empathy and client outcome", copied,
            StringComparison.Ordinal);
        // The rich copy keeps the journal's italics for word processors.
        var html = await page.EvaluateAsync<string>("""
            async () => {
              for (const item of await navigator.clipboard.read()) {
                if (item.types.includes('text/html')) return await (await item.getType('text/html')).text();
              }
              return '';
            }
            """);
        Assert.Contains("<em>Psychotherapy", html, StringComparison.Ordinal);
        // A polite live region announces the copy; the button's new label alone is not read out.
        Assert.Equal("status", await page.GetAttributeAsync("#copy-status", "role"));
        Assert.Equal("Citation copied to the clipboard.", (await page.TextContentAsync("#copy-status"))?.Trim());
    }

    [Fact]
    public async Task With_javascript_off_the_citation_is_plain_text_and_the_filters_still_work()
    {
        var page = await OpenAsync(SummaryPath, new BrowserNewContextOptions { JavaScriptEnabled = false });
        Assert.False(await page.Locator(".copy-button").IsVisibleAsync());
        Assert.True(await page.Locator("#apa-citation").IsVisibleAsync());

        await page.GotoAsync(site.BaseUrl + "/blog");
        // Without JavaScript the filters stay folded at every width; the reader unfolds them.
        await page.ClickAsync(".filters-summary");
        await page.CheckAsync("form.filter-form input[name=topic][value=empathy]");
        await page.CheckAsync("form.filter-form input[name=type][value=meta-analysis]");
        await page.ClickAsync("form.filter-form button[type=submit]");

        Assert.Equal(site.BaseUrl + "/blog?type=meta-analysis&topic=empathy", page.Url);
        var titles = await page.Locator(".card-title a").AllTextContentsAsync();
        Assert.Contains("Therapist Empathy Still Predicts Client Outcome: The Updated Meta-Analysis", titles);
        Assert.Equal(3, titles.Count);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/blog?topic=empathy")]
    [InlineData(SummaryPath)]
    [InlineData("/topics")]
    [InlineData("/search?q=empathy")]
    public async Task On_a_360_pixel_phone_nothing_scrolls_sideways(string path)
    {
        var page = await OpenAsync(path,
            new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 }, IsMobile = true });

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        Assert.True(width <= 360, $"{path} is {width} px wide");
        Assert.True(await page.Locator("main h1").IsVisibleAsync());
    }

    [Fact]
    public async Task A_summary_prints_as_a_short_handout_without_navigation_and_with_implications_set_apart()
    {
        var page = await OpenAsync(SummaryPath);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.False(await page.Locator(".site-header").IsVisibleAsync());
        Assert.False(await page.Locator(".cite-actions").IsVisibleAsync());
        Assert.False(await page.Locator(".prev-next").IsVisibleAsync());
        Assert.True(await page.Locator("section.implications").IsVisibleAsync());
        var border = await page.EvaluateAsync<string>(
            "() => getComputedStyle(document.querySelector('section.implications')).borderLeftWidth");
        Assert.Equal("8px", border); // 6pt
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });

        Assert.InRange(PageCount(pdf), 1, 2);
    }

    [Fact]
    public async Task A_month_prints_with_each_summarys_practice_implications()
    {
        var page = await OpenAsync("/blog/2021/04");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.Equal(2, await page.Locator(".implications").CountAsync());
        Assert.False(await page.Locator(".site-search").IsVisibleAsync());
        Assert.InRange(PageCount(await page.PdfAsync(new PagePdfOptions { Format = "A4" })), 1, 2);
    }

    private static int PageCount(byte[] pdf) => PdfPage().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PdfPage();
}
