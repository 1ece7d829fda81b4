using Microsoft.Playwright;
using PPRNet.Web.Tests.Support;
using static PPRNet.Web.Tests.EndToEnd.PageChecks;

namespace PPRNet.Web.Tests.EndToEnd;

/// <summary>Every public page type, in English at phone and desktop widths and in French at a
/// phone's, checked in Chromium by axe (WCAG rules and target size) and for sideways scrolling.
/// A class of its own, with its own site and browser, so it runs beside the editors' pages.</summary>
public sealed class PublicPageAxeTests(LiveSite site) : IClassFixture<LiveSite>
{
    public static TheoryData<string, int> PublicPages()
    {
        var data = new TheoryData<string, int>();
        foreach (var width in new[] { 360, 1280 })
        {
            foreach (var path in new[]
            {
                "/", "/blog", "/blog?topic=empathy&topic=alliance&type=meta-analysis", "/blog/2019/05", SummaryPath,
                "/blog/months",
                "/topics", "/search?q=empathy", "/search?q=zzzqqx", "/reading-effect-sizes", "/certainty-of-evidence",
                "/no-such-page", "/blog?page=abc",
                "/admin/sign-in", "/subscribe", "subscribe-errors", "/subscribe/check-your-inbox",
                "/subscribe/confirm?token=from-the-mail", "/subscribe/manage?token=made-up",
                "/subscribe/preferences-link",
            })
            {
                data.Add(path, width);
                // The French pages at a phone's width, where their longer words are likeliest to break a layout.
                if (width == 360)
                {
                    data.Add(InFrench(path), width);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Public_pages_have_no_axe_violations(string path, int width)
    {
        var context = await site.Browser.NewContextAsync(
            new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 800 } });
        var page = await context.NewPageAsync();
        var (prefix, which) = Language(path);
        if (which == "subscribe-errors")
        {
            await page.GotoAsync(site.BaseUrl + prefix + "/subscribe");
            await page.FillAsync("main #Form_Email", "not an address");
            await PostAndLoadAsync(page, () => page.ClickAsync("main form.stacked-form button[type=submit]"), ".error-summary");
            Assert.Equal("true", await page.GetAttributeAsync("main #Form_Email", "aria-invalid"));
        }
        else
        {
            // The page meant, not an error page in its place (only the error pages are meant to be errors).
            var response = await page.GotoAsync(site.BaseUrl + path);
            var expected = which switch
            {
                "/no-such-page" => 404,
                "/blog?page=abc" or "/subscribe/manage?token=made-up" => 400,
                _ => 200,
            };
            Assert.Equal(expected, response!.Status);
        }

        await AssertNoViolationsAsync(page, $"{path} at {width} px");
        await AssertNoSidewaysScrollAsync(page, $"{path} at {width} px");
        await context.CloseAsync();
    }
}
