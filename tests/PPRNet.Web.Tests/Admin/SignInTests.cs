using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Admin;
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
    public async Task Unknown_emails_wrong_passwords_and_a_locked_account_all_read_alike_and_a_burst_is_one_audit_line()
    {
        await using var site = new BlogSite(content.Root, database);
        await site.AddStaffAsync();
        var browser = site.Anonymous();
        async Task<string?> TryAsync(string email, string password)
        {
            var (_, page) = await browser.SubmitAsync("/admin/sign-in", "form.stacked-form", new() { ["Form.Email"] = email, ["Form.Password"] = password });
            return page.QuerySelector(".error-summary li")?.TextContent.Trim();
        }

        Assert.Equal(SignInMessages.Failed, await TryAsync("nobody@example.org", "wrong password"));
        for (var attempt = 1; attempt <= SignInGuard.FailuresBeforeLockout; attempt++)
        {
            Assert.Equal(SignInMessages.Failed, await TryAsync(BlogSite.EditorEmail, $"wrong password {attempt}"));
        }

        Assert.Equal(SignInMessages.Failed, await TryAsync(BlogSite.EditorEmail, BlogSite.Password));

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var editor = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(BlogSite.EditorEmail);
            // SQLite keeps the end to the millisecond.
            Assert.Equal(site.Clock.Now + SignInGuard.FirstLockout, editor!.LockoutEnd!.Value, TimeSpan.FromMilliseconds(1));
        }

        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, audit) = await admin.GetAsync("/admin/audit");
        var actions = audit.QuerySelectorAll(".data-table tbody tr").Where(r => r.Children[1].Text() == BlogSite.EditorEmail).Select(r => r.Children[2].Text()).ToList();
        Assert.Equal(["sign-in-failed"], actions);
        var (_, accounts) = await admin.GetAsync("/admin/accounts");
        Assert.NotNull(accounts.QuerySelector("form[action$='/unlock']"));
    }

    [Fact]
    public async Task The_unlock_command_lets_a_locked_out_admin_back_in()
    {
        await using var site = new BlogSite(content.Root, database);
        await site.AddStaffAsync();
        for (var attempt = 1; attempt <= SignInGuard.FailuresBeforeLockout; attempt++)
        {
            await site.Anonymous().SubmitAsync("/admin/sign-in", "form.stacked-form", new() { ["Form.Email"] = BlogSite.AdminEmail, ["Form.Password"] = "a stranger's guess" });
        }

        var (exitCode, output) = await AppCommand.RunAsync(database, ["unlock", "--email", BlogSite.AdminEmail]);

        Assert.Equal(0, exitCode);
        Assert.Contains($"Unlocked {BlogSite.AdminEmail}.", output, StringComparison.Ordinal);
        await site.SignedInAsync(BlogSite.AdminEmail);
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
