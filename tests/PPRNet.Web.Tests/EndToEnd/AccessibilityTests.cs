using Microsoft.Playwright;
using PPRNet.Web.Tests.Support;
using static PPRNet.Web.Tests.EndToEnd.PageChecks;

namespace PPRNet.Web.Tests.EndToEnd;

/// <summary>The keyboard paths the issue named, walked with Tab and Enter, and every page type's HTML
/// by the Nu HTML checker. The axe checks of every page are <see cref="PublicPageAxeTests"/> and
/// <see cref="EditorPageAxeTests"/>.</summary>
public sealed class AccessibilityTests(LiveSite site) : IClassFixture<LiveSite>
{
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
}
