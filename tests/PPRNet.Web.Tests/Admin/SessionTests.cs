using System.Net;
using PPRNet.Web.Admin;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Admin;

public sealed class SessionTests(StaffSite fixture) : IClassFixture<StaffSite>
{
    private BlogSite Site => fixture.Site;

    private static bool SentToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location!.OriginalString.Contains("/admin/sign-in", StringComparison.Ordinal);

    [Fact]
    public async Task A_demoted_admin_is_signed_out_on_the_next_request_and_comes_back_as_an_editor()
    {
        var demoted = await Site.AddAccountAsync(Roles.Admin);
        var session = await Site.SignedInAsync(demoted);
        var admin = await Site.SignedInAsync(BlogSite.AdminEmail);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin/accounts")).Response.StatusCode);

        await admin.SubmitAsync("/admin/accounts", $"form[action='/admin/accounts/{await Site.UserIdAsync(demoted)}/role']",
            new() { ["role"] = Roles.Editor });

        Assert.True(SentToSignIn((await session.GetAsync("/admin/accounts")).Response));
        var again = await Site.SignedInAsync(demoted);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/admin/accounts")).Response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_a_copied_cookie_too()
    {
        var editor = await Site.AddAccountAsync(Roles.Editor);
        var (browser, cookie) = await Site.SignedInWithCookieAsync(editor);
        Assert.Equal(HttpStatusCode.OK, (await Site.GetWithCookieAsync("/admin", cookie)).StatusCode);

        var (signedOut, _) = await browser.SubmitAsync("/admin", "form[action='/admin/sign-out']", []);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.True(SentToSignIn(await Site.GetWithCookieAsync("/admin", cookie)));
    }

    [Fact]
    public async Task A_new_password_ends_the_accounts_other_sessions_but_not_the_one_that_changed_it()
    {
        var editor = await Site.AddAccountAsync(Roles.Editor);
        var (_, otherDevice) = await Site.SignedInWithCookieAsync(editor);
        var browser = await Site.SignedInAsync(editor);

        await browser.SubmitAsync("/admin/password", "form.stacked-form",
            new() { ["Form.Current"] = BlogSite.Password, ["Form.New"] = "a brand new passphrase here" });

        Assert.True(SentToSignIn(await Site.GetWithCookieAsync("/admin", otherDevice)));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).Response.StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_and_cannot_sign_in_until_enabled()
    {
        var editor = await Site.AddAccountAsync(Roles.Editor);
        var (_, cookie) = await Site.SignedInWithCookieAsync(editor);
        var admin = await Site.SignedInAsync(BlogSite.AdminEmail);
        var id = await Site.UserIdAsync(editor);

        var (disabled, _) = await admin.SubmitAsync("/admin/accounts", $"form[action='/admin/accounts/{id}/disable']", []);
        var (_, accounts) = await admin.FollowAsync(disabled);

        Assert.Contains($"Disabled {editor}.", accounts.Text(".flash"), StringComparison.Ordinal);
        Assert.True(SentToSignIn(await Site.GetWithCookieAsync("/admin", cookie)));
        var (refused, page) = await Site.Anonymous()
            .SubmitAsync("/admin/sign-in", "form.stacked-form", new() { ["Form.Email"] = editor, ["Form.Password"] = BlogSite.Password });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(SignInMessages.Failed, page.Text(".error-summary li"));

        await admin.SubmitAsync("/admin/accounts", $"form[action='/admin/accounts/{id}/unlock']", []);
        await Site.SignedInAsync(editor);
    }

    [Fact]
    public async Task A_deleted_account_is_signed_out_at_once()
    {
        var editor = await Site.AddAccountAsync(Roles.Editor);
        var (_, cookie) = await Site.SignedInWithCookieAsync(editor);
        var admin = await Site.SignedInAsync(BlogSite.AdminEmail);

        await admin.SubmitAsync("/admin/accounts", $"form[action='/admin/accounts/{await Site.UserIdAsync(editor)}/delete']", []);

        Assert.True(SentToSignIn(await Site.GetWithCookieAsync("/admin", cookie)));
        var (_, accounts) = await admin.GetAsync("/admin/accounts");
        Assert.DoesNotContain(editor, accounts.Text("table"), StringComparison.Ordinal);
    }
}

public sealed class LastAdminTests
{
    [Fact]
    public async Task The_last_admin_cannot_be_demoted_disabled_or_deleted()
    {
        using var content = new TestContent();
        using var site = new BlogSite(content.Root);
        var only = await site.AddAccountAsync(Roles.Admin);
        var admin = await site.SignedInAsync(only);
        var id = await site.UserIdAsync(only);

        foreach (var (action, fields) in new (string, Dictionary<string, object?>)[]
            { ("role", new() { ["role"] = Roles.Editor }), ("disable", []), ("delete", []) })
        {
            var (response, _) = await admin.SubmitAsync("/admin/accounts", $"form[action='/admin/accounts/{id}/{action}']", fields);
            var (_, page) = await admin.FollowAsync(response);
            Assert.StartsWith($"{only} is the last Admin and cannot be", page.Text(".flash"), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/accounts")).Response.StatusCode);
    }
}
