using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Shared;

public sealed class PublicPageCacheTests(StaffSite fixture) : IClassFixture<StaffSite>
{
    private BlogSite Site => fixture.Site;

    [Fact]
    public async Task A_public_page_is_kept_from_its_second_request_and_served_from_the_cache_until_an_editor_saves_a_change()
    {
        const string url = "/blog/2021/03/imported-alliance";
        var (first, _) = await Site.GetPageAsync(url);
        var (second, _) = await Site.GetPageAsync(url);
        var (third, _) = await Site.GetPageAsync(url);
        Assert.False(first.Headers.Contains("Age"));
        Assert.False(second.Headers.Contains("Age"), "a page asked for once was not kept");
        Assert.True(third.Headers.Contains("Age"), "the third visit is served from the output cache");

        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);
        var (_, dashboard) = await editor.GetAsync("/admin?q=Imported%20Alliance");
        await editor.SubmitAsync(dashboard.Href(".data-table td a")!, "form.summary-form",
            new() { ["Form.Effect"] = "cache busting effect" }, button: "intent=save");
        var (afterSave, page) = await Site.GetPageAsync(url);
        var (again, _) = await Site.GetPageAsync(url);

        Assert.False(afterSave.Headers.Contains("Age"));
        Assert.True(again.Headers.Contains("Age"), "a page asked for before the save is kept again from its first request after it");
        Assert.Contains("cache busting effect", page.Text(".facts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_editors_never_get_the_cached_anonymous_page()
    {
        var (anonymous, _) = await Site.GetCachedPageAsync("/topics");
        Assert.True(anonymous.Headers.Contains("Age"), "the anonymous page is in the cache");
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (response, page) = await editor.GetAsync("/topics");

        Assert.False(response.Headers.Contains("Age"));
        Assert.NotNull(page.QuerySelector("nav.admin-nav"));
    }

    [Fact]
    public async Task A_page_over_the_size_limit_is_not_kept_so_the_cache_stays_bounded_in_memory()
    {
        using var content = new TestContent();
        content.WriteSummary("2021-04", "small-page");
        await using var site = new BlogSite(content.Root, settings: new Dictionary<string, string?> { ["OutputCache:MaxPageKiB"] = "1" });

        var (smallAgain, _) = await site.GetCachedPageAsync("/robots.txt");
        var (bigAgain, _) = await site.GetCachedPageAsync("/blog/2021/04/small-page");

        Assert.True(smallAgain.Headers.Contains("Age"), "robots.txt (under 1 KiB) is kept");
        Assert.False(bigAgain.Headers.Contains("Age"), "a summary page (over 1 KiB) is rendered again, not kept");
    }
}
