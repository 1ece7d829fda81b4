using System.Net;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>A site whose limits are set low, as an operator could in RateLimits.</summary>
public sealed class LowLimitSite(string contentPath, int signInPerAddress, int signInPerAccount, int search, int posts = 100) : BlogSite(contentPath)
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["RateLimits:SignInPerAddress:PermitLimit"] = signInPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["RateLimits:SignInPerAccount:PermitLimit"] = signInPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["RateLimits:SearchPerAddress:PermitLimit"] = search.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["RateLimits:PostPerAddress:PermitLimit"] = posts.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return settings;
        }
    }
}

public sealed class RateLimitTests : IDisposable
{
    private readonly TestContent content = new();

    public void Dispose() => content.Dispose();

    private static void AssertTooMany(HttpResponseMessage response, AngleSharp.Html.Dom.IHtmlDocument page)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("Too many requests", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Searches_past_the_limit_get_a_429_page_with_retry_after()
    {
        await using var site = new LowLimitSite(content.Root, 100, 100, search: 3);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await site.GetPageAsync($"/search?q=word{i}")).Response.StatusCode);
        }

        var (response, page) = await site.GetPageAsync("/search?q=one-too-many");
        AssertTooMany(response, page);
        Assert.Equal(HttpStatusCode.OK, (await site.GetPageAsync("/blog")).Response.StatusCode);
    }

    [Fact]
    public async Task Sign_ins_past_the_limit_per_address_get_a_429_page()
    {
        await using var site = new LowLimitSite(content.Root, signInPerAddress: 2, 100, 100);
        var browser = site.Anonymous();

        for (var i = 0; i < 2; i++)
        {
            await browser.SubmitAsync("/admin/sign-in", "form.stacked-form", new() { ["Form.Email"] = $"guess{i}@example.org", ["Form.Password"] = "a wrong password" });
        }

        var (response, page) = await browser.SubmitAsync("/admin/sign-in", "form.stacked-form", new() { ["Form.Email"] = "guess@example.org", ["Form.Password"] = "a wrong password" });
        AssertTooMany(response, page);
    }

    [Fact]
    public async Task Sign_ins_past_the_limit_per_account_get_a_429_page_while_other_accounts_still_sign_in()
    {
        await using var site = new LowLimitSite(content.Root, 100, signInPerAccount: 2, 100);
        await site.AddStaffAsync();
        var browser = site.Anonymous();

        for (var i = 0; i < 2; i++)
        {
            await browser.SubmitAsync("/admin/sign-in", "form.stacked-form", new() { ["Form.Email"] = BlogSite.AdminEmail, ["Form.Password"] = "a wrong password" });
        }

        var (response, page) = await browser.SubmitAsync("/admin/sign-in", "form.stacked-form", new() { ["Form.Email"] = BlogSite.AdminEmail, ["Form.Password"] = BlogSite.Password });
        AssertTooMany(response, page);
        await site.SignedInAsync(BlogSite.EditorEmail);
    }

    [Fact]
    public async Task Anonymous_posts_past_the_limit_get_a_429_page_before_anything_reads_them()
    {
        await using var site = new LowLimitSite(content.Root, 100, 100, 100, posts: 2);
        var browser = site.Anonymous();

        for (var i = 0; i < 2; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await browser.PostRawAsync("/blog", new() { ["q"] = "x" })).StatusCode);
        }

        var response = await browser.PostRawAsync("/admin/summaries/new", new() { ["Form.Title"] = "x" });
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        AssertTooMany(response, page);
    }
}
