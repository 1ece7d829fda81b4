using Microsoft.Playwright;
using PPRNet.Web.Tests.Support;
using static PPRNet.Web.Tests.EndToEnd.PageChecks;

namespace PPRNet.Web.Tests.EndToEnd;

/// <summary>Every editors' page type, signed in as an Admin, in English at phone and desktop widths
/// and in French at a phone's, checked in Chromium by axe and for sideways scrolling.</summary>
public sealed class EditorPageAxeTests(LiveSite site) : IClassFixture<LiveSite>
{
    public static TheoryData<string, int> EditorPages()
    {
        var data = new TheoryData<string, int>();
        foreach (var width in new[] { 360, 1280 })
        {
            foreach (var page in new[]
            {
                "/admin", "/admin/summaries/new", "errors", "preview", "history", "/admin/taxonomy", "/admin/accounts", "/admin/months",
                "/admin/digests", "/admin/digests/2021-04", "/admin/digests/2021-04/send", "/admin/subscribers",
            })
            {
                data.Add(page, width);
                if (width == 360)
                {
                    data.Add(InFrench(page), width);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EditorPages))]
    public async Task Editor_pages_have_no_axe_violations(string which, int width)
    {
        var page = await site.SignedInPageAsync(width);
        await OpenEditorPageAsync(page, which);

        await AssertNoViolationsAsync(page, $"{which} at {width} px");
        await AssertNoSidewaysScrollAsync(page, $"{which} at {width} px");
        await page.Context.CloseAsync();
    }

    private async Task OpenEditorPageAsync(IPage page, string scenario)
    {
        var (prefix, which) = Language(scenario);
        var root = site.BaseUrl + prefix;
        switch (which)
        {
            case "errors":
                await page.GotoAsync(root + "/admin/summaries/new");
                await page.FillAsync("#Form_Title", "");
                await PostAndLoadAsync(page, () => page.ClickAsync("button[value=save]"), ".error-summary");
                break;
            case "preview":
                await page.GotoAsync(root + "/admin/summaries/new");
                await page.FillAsync("#Form_Title", "A Title To Preview");
                await page.FillAsync("#Form_Body", "Some words to preview.");
                await PostAndLoadAsync(page, () => page.ClickAsync("button[value=preview]"), "section.preview");
                break;
            case "history":
                await page.GotoAsync(root + "/admin");
                var edit = await page.GetAttributeAsync("a[href$='/edit']", "href");
                await page.GotoAsync(site.BaseUrl + edit!.Replace("/edit", "/history", StringComparison.Ordinal));
                break;
            default:
                await page.GotoAsync(root + which);
                break;
        }
    }
}
