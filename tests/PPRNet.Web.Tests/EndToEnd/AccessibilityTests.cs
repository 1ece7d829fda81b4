using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.EndToEnd;

/// <summary>Every page type, public and editors', checked in Chromium by axe at phone and desktop
/// widths and by the Nu HTML checker; and the keyboard paths the issue named, walked with Tab and Enter.</summary>
public sealed class AccessibilityTests(LiveSite site) : IClassFixture<LiveSite>
{
    private const string SummaryPath = "/blog/2019/05/therapist-empathy-and-client-outcome";

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

    /// <summary>The same page in French: "/fr" before a path, "fr:" before a named scenario.</summary>
    private static string InFrench(string which) => which.StartsWith('/') ? "/fr" + which : "fr:" + which;

    private static (string Prefix, string Which) Language(string which) =>
        which.StartsWith("fr:", StringComparison.Ordinal) ? ("/fr", which[3..])
        : which.StartsWith("/fr/", StringComparison.Ordinal) ? ("/fr", which[3..])
        : ("", which);

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

    [Fact]
    public async Task A_refused_summary_form_moves_focus_to_the_error_summary_whose_links_lead_to_each_field()
    {
        var page = await site.SignedInPageAsync();
        await page.GotoAsync(site.BaseUrl + "/admin/summaries/new");
        await page.FillAsync("#Form_Title", "");
        await page.FocusAsync("button[value=save]");
        await PostAndLoadAsync(page, () => page.Keyboard.PressAsync("Enter"), ".error-summary");

        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("error-summary", await ActiveIdAsync(page));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Enter the title readers will see.",
            (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("Form_Title", await ActiveIdAsync(page));
        Assert.Equal("true", await page.GetAttributeAsync("#Form_Title", "aria-invalid"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_preview_takes_the_focus_where_the_editor_can_see_it()
    {
        var page = await site.SignedInPageAsync(360);
        await page.GotoAsync(site.BaseUrl + "/admin/summaries/new");
        await page.FillAsync("#Form_Title", "A Preview Seen At Once");
        await page.FillAsync("#Form_Body", "Words to preview.");
        await PostAndLoadAsync(page, () => page.ClickAsync("button[value=preview]"), "section.preview");

        Assert.Equal("preview", await ActiveIdAsync(page));
        var top = await page.EvaluateAsync<double>("() => document.getElementById('preview').getBoundingClientRect().top");
        Assert.InRange(top, -1, 800);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task On_the_archive_the_skip_link_leads_past_the_filters_to_the_results(int width)
    {
        var context = await site.Browser.NewContextAsync(
            new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/blog");

        string? active = null;
        for (var presses = 0; presses < 15 && active != "Skip to the results"; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            active = (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim();
        }

        Assert.Equal("Skip to the results", active);
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        var insideResults = await page.EvaluateAsync<bool>("() => document.getElementById('results').contains(document.activeElement)");
        Assert.True(insideResults, "After the skip link, Tab should reach the results, not the filters.");
        // Filters then results, top to bottom, at every width: the Tab order matches the screen.
        var filtersAbove = await page.EvaluateAsync<bool>(
            "() => document.getElementById('filters').getBoundingClientRect().top " +
            "< document.getElementById('results').getBoundingClientRect().top " +
            "|| document.getElementById('filters').getBoundingClientRect().left " +
            "< document.getElementById('results').getBoundingClientRect().left");
        Assert.True(filtersAbove);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Every_page_type_is_valid_html_by_the_nu_checker()
    {
        var folder = Directory.CreateTempSubdirectory("pprnet-vnu-").FullName;
        var page = await site.SignedInPageAsync();
        var files = new List<string>();
        async Task SaveAsync(string name, IResponse? response)
        {
            var file = Path.Combine(folder, name + ".html");
            await File.WriteAllTextAsync(file, await response!.TextAsync());
            files.Add(file);
        }

        var paths = new[] { "/", "/blog", "/blog?topic=empathy&type=meta-analysis", "/blog/2019/05", SummaryPath, "/topics",
            "/blog/months",
            "/search?q=empathy", "/search?q=zzzqqx", "/reading-effect-sizes", "/certainty-of-evidence", "/no-such-page", "/blog?page=abc",
            "/admin", "/admin/summaries/new", "/admin/taxonomy", "/admin/accounts", "/admin/months", "/admin/trash", "/admin/audit",
            "/subscribe", "/subscribe/check-your-inbox", "/subscribe/confirm?token=from-the-mail", "/subscribe/manage?token=made-up",
            "/subscribe/preferences-link",
            "/admin/digests", "/admin/digests/2021-04", "/admin/digests/2021-04/send", "/admin/subscribers" };
        paths = [.. paths, .. paths.Select(p => "/fr" + p)];
        foreach (var (path, i) in paths.Select((p, i) => (p, i)))
        {
            await SaveAsync($"page{i}", await page.GotoAsync(site.BaseUrl + path));
        }

        await page.GotoAsync(site.BaseUrl + "/admin/summaries/new");
        await page.FillAsync("#Form_Title", "");
        await SaveAsync("errors", await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[value=save]"),
            r => r.Request.Method == "POST"));
        await page.WaitForSelectorAsync(".error-summary");
        await page.FillAsync("#Form_Title", "A Title To Preview");
        await SaveAsync("preview", await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[value=preview]"),
            r => r.Request.Method == "POST"));
        var history = await page.GotoAsync(site.BaseUrl + "/admin");
        var edit = await page.GetAttributeAsync("a[href$='/edit']", "href");
        await SaveAsync("history", await page.GotoAsync(site.BaseUrl + edit!.Replace("/edit", "/history", StringComparison.Ordinal)));
        await page.Context.CloseAsync();

        var errors = await NuChecker.ErrorsAsync(files);
        Assert.True(errors.Count == 0, "Nu HTML checker errors:\n" + string.Join("\n", errors));
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

    private static async Task AssertNoViolationsAsync(IPage page, string where)
    {
        // target-size (WCAG 2.2, 2.5.8) asked for by name: every tap target at least 24 by 24 px or spaced.
        var results = await page.RunAxe(new AxeRunOptions
        {
            Rules = new Dictionary<string, RuleOptions> { ["target-size"] = new RuleOptions { Enabled = true } },
        });
        var violations = results.Violations.Select(
            v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"axe violations on {where}:\n{string.Join("\n", violations)}");
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string where)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var wide = overflow <= 0 ? "" : await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')]" +
            ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)\n" +
            "  .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
        Assert.True(overflow <= 0, $"{where} scrolls sideways by {overflow} px: {wide}");
    }

    /// <summary>Does what submits a form and waits until the page it returns has loaded.</summary>
    private static async Task PostAndLoadAsync(IPage page, Func<Task> submit, string shows)
    {
        await page.RunAndWaitForResponseAsync(submit, r => r.Request.Method == "POST");
        await page.WaitForSelectorAsync(shows);
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private static Task<string> ActiveIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement.id");
}
