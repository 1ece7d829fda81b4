using System.Net;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Admin;

public sealed class AccessTests(StaffSite fixture) : IClassFixture<StaffSite>
{
    private BlogSite Site => fixture.Site;

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/summaries/new")]
    [InlineData("/admin/taxonomy")]
    [InlineData("/admin/export/archive")]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_brought_back(string url)
    {
        var (response, _) = await Site.Anonymous().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/sign-in?ReturnUrl={Uri.EscapeDataString(url)}", response.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [InlineData("/admin/taxonomy")]
    [InlineData("/admin/accounts")]
    [InlineData("/admin/audit")]
    public async Task An_editor_on_an_admin_only_page_gets_a_403_page(string url)
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var (response, page) = await editor.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Not allowed", page.Text("h1"));
    }

    [Theory]
    [InlineData("/admin/taxonomy")]
    [InlineData("/admin/accounts")]
    [InlineData("/admin/audit")]
    public async Task An_admin_may_open_the_admin_only_pages(string url)
    {
        var admin = await Site.SignedInAsync(BlogSite.AdminEmail);

        var (response, _) = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Signing_in_returns_to_the_page_asked_for_and_shows_the_dashboard()
    {
        var browser = Site.Anonymous();

        var (response, _) = await browser.SubmitAsync("/admin/sign-in?ReturnUrl=%2Fadmin%2Ftrash", "form.stacked-form",
            new() { ["Form.Email"] = BlogSite.EditorEmail, ["Form.Password"] = BlogSite.Password });
        var (dashboard, page) = await browser.GetAsync("/admin");

        Assert.Equal("/admin/trash", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Imported Empathy Summary", page.Texts(".data-table td a"));
    }

    [Fact]
    public async Task A_wrong_password_says_so_and_keeps_the_email()
    {
        var (response, page) = await Site.Anonymous().SubmitAsync("/admin/sign-in", "form.stacked-form",
            new() { ["Form.Email"] = BlogSite.SecondEditorEmail, ["Form.Password"] = "not the password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PPRNet.Web.Admin.SignInMessages.Failed, page.Text(".error-summary li"));
        Assert.Equal(BlogSite.SecondEditorEmail, page.Value("#Form_Email"));
        Assert.Equal("", page.Value("#Form_Password"));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var editor = await Site.SignedInAsync(BlogSite.EditorEmail);

        var response = await editor.PostRawAsync("/admin/summaries/new", new() { ["Form.Title"] = "Forged" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Auth_cookies_are_http_only_and_same_site_strict()
    {
        var response = (await Site.Anonymous().SubmitAsync("/admin/sign-in", "form.stacked-form",
            new() { ["Form.Email"] = BlogSite.EditorEmail, ["Form.Password"] = BlogSite.Password })).Response;

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pprnet.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
