using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Admin;

public sealed class SignInTests : IDisposable
{
    private readonly TestContent content = new();
    private readonly string database = AppCommand.NewDatabasePath();

    public void Dispose()
    {
        content.Dispose();
        AppCommand.DeleteDatabase(database);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using var site = new BlogSite(content.Root, database);
        await site.AddStaffAsync();
        var browser = site.Anonymous();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var (_, page) = await browser.SubmitAsync("/admin/sign-in", "form.stacked-form",
                new() { ["Form.Email"] = BlogSite.EditorEmail, ["Form.Password"] = $"wrong password {attempt}" });
            Assert.NotNull(page.QuerySelector(".form-error"));
        }

        var (response, locked) = await browser.SubmitAsync("/admin/sign-in", "form.stacked-form",
            new() { ["Form.Email"] = BlogSite.EditorEmail, ["Form.Password"] = BlogSite.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("This account is locked", locked.QuerySelector(".form-error").Text(), StringComparison.Ordinal);
        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, audit) = await admin.GetAsync("/admin/audit");
        var actions = audit.QuerySelectorAll(".data-table tbody tr").Where(r => r.Children[1].Text() == BlogSite.EditorEmail).Select(r => r.Children[2].Text()).ToList();
        Assert.Equal(4, actions.Count(a => a == "sign-in-failed"));
        Assert.Equal(2, actions.Count(a => a == "sign-in-locked-out"));
        var (_, accounts) = await admin.GetAsync("/admin/accounts");
        Assert.NotNull(accounts.QuerySelector("form[action$='/unlock']"));
    }

    [Fact]
    public async Task A_sign_in_survives_a_restart_of_the_site()
    {
        string cookie;
        await using (var first = new BlogSite(content.Root, database))
        {
            await first.AddStaffAsync();
            var (response, _) = await first.Anonymous().SubmitAsync("/admin/sign-in", "form.stacked-form",
                new() { ["Form.Email"] = BlogSite.EditorEmail, ["Form.Password"] = BlogSite.Password });
            cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pprnet.auth=", StringComparison.Ordinal)).Split(';')[0];
        }

        await using var second = new BlogSite(content.Root, database);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        using var client = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var dashboard = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task Passwords_shorter_than_twelve_characters_are_refused()
    {
        await using var site = new BlogSite(content.Root, database);
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();

        var result = await users.CreateAsync(new IdentityUser { UserName = "short@example.org", Email = "short@example.org" }, "short pass");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "PasswordTooShort");
    }

    [Fact]
    public async Task An_editor_can_replace_the_first_password_and_sign_in_with_the_new_one()
    {
        await using var site = new BlogSite(content.Root, database);
        await site.AddStaffAsync();
        var editor = await site.SignedInAsync(BlogSite.EditorEmail);

        var (wrong, wrongPage) = await editor.SubmitAsync("/admin/password", "form.stacked-form",
            new() { ["Form.Current"] = "not my password", ["Form.New"] = "a brand new passphrase" });
        var (changed, _) = await editor.SubmitAsync("/admin/password", "form.stacked-form",
            new() { ["Form.Current"] = BlogSite.Password, ["Form.New"] = "a brand new passphrase" });
        var (signIn, _) = await site.Anonymous().SubmitAsync("/admin/sign-in", "form.stacked-form",
            new() { ["Form.Email"] = BlogSite.EditorEmail, ["Form.Password"] = "a brand new passphrase" });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal("Incorrect password.", wrongPage.ErrorFor("Form.Current"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/admin", signIn.Headers.Location?.OriginalString);
    }
}
