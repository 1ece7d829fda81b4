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
    public async Task Unknown_emails_and_wrong_passwords_read_alike_a_burst_is_one_audit_line_and_failures_never_lock_the_account()
    {
        await using var site = new BlogSite(content.Root, database);
        await site.AddStaffAsync();
        var browser = site.Anonymous();
        async Task<string> TryAsync(string email, string password)
        {
            var (_, page) = await browser.SubmitAsync("/admin/sign-in", "form.stacked-form",
                new() { ["Form.Email"] = email, ["Form.Password"] = password });
            return page.Text(".error-summary li");
        }

        Assert.Equal(SignInMessages.Failed, await TryAsync("nobody@example.org", "wrong password"));
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            Assert.Equal(SignInMessages.Failed, await TryAsync(BlogSite.EditorEmail, $"wrong password {attempt}"));
        }

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var editor = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(BlogSite.EditorEmail);
            Assert.Null(editor!.LockoutEnd);
        }

        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, audit) = await admin.GetAsync("/admin/audit");
        var actions = audit.QuerySelectorAll(".data-table tbody tr").Where(r => r.Children[1].Text() == BlogSite.EditorEmail)
            .Select(r => r.Children[2].Text()).ToList();
        Assert.Equal(["sign-in-failed"], actions);
        await site.SignedInAsync(BlogSite.EditorEmail);
    }

    [Fact]
    public async Task Twenty_failures_for_the_admin_from_several_addresses_leave_the_admin_a_way_in_while_each_guesser_is_stopped()
    {
        await using var site = new ThrottledSite(content.Root, database);
        await site.AddStaffAsync();
        string[] guessers = ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"];
        foreach (var guesser in guessers)
        {
            for (var attempt = 1; attempt <= ThrottledSite.FailuresPerAccountAndAddress; attempt++)
            {
                var (failed, _) = await TrySignInAsync(site, guesser, BlogSite.AdminEmail, $"guess {attempt}");
                Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            }
        }

        var (stopped, stoppedPage) = await TrySignInAsync(site, guessers[0], BlogSite.AdminEmail, "one more guess");
        var (stoppedEvenWhenRight, _) = await TrySignInAsync(site, guessers[1], BlogSite.AdminEmail, BlogSite.Password);
        var (owner, _) = await TrySignInAsync(site, "198.51.100.20", BlogSite.AdminEmail, BlogSite.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, stopped.StatusCode);
        Assert.True(int.Parse(stopped.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("Too many requests", stoppedPage.Text("h1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, stoppedEvenWhenRight.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        Assert.Equal("/admin", owner.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task One_address_failing_on_many_accounts_is_stopped_on_every_account()
    {
        await using var site = new ThrottledSite(content.Root, database);
        await site.AddStaffAsync();
        for (var attempt = 1; attempt <= ThrottledSite.FailuresPerAddress; attempt++)
        {
            await TrySignInAsync(site, "203.0.113.50", $"someone{attempt}@example.org", "a guess");
        }

        var (stopped, _) = await TrySignInAsync(site, "203.0.113.50", BlogSite.EditorEmail, "a guess");
        var (elsewhere, _) = await TrySignInAsync(site, "203.0.113.51", BlogSite.EditorEmail, BlogSite.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, stopped.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_pause_outlives_a_restart_and_the_unlock_command_lifts_it()
    {
        const string office = "198.51.100.30";
        await using (var first = new ThrottledSite(content.Root, database))
        {
            await first.AddStaffAsync();
            for (var attempt = 1; attempt <= ThrottledSite.FailuresPerAccountAndAddress; attempt++)
            {
                await TrySignInAsync(first, office, BlogSite.AdminEmail, "a mistyped password");
            }

            Assert.Equal(HttpStatusCode.TooManyRequests,
                (await TrySignInAsync(first, office, BlogSite.AdminEmail, BlogSite.Password)).Response.StatusCode);
        }

        await using var restarted = new ThrottledSite(content.Root, database);
        var (afterRestart, _) = await TrySignInAsync(restarted, office, BlogSite.AdminEmail, BlogSite.Password);
        var (exitCode, output) = await AppCommand.RunAsync(database, ["unlock", "--email", BlogSite.AdminEmail]);
        var (afterUnlock, _) = await TrySignInAsync(restarted, office, BlogSite.AdminEmail, BlogSite.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, afterRestart.StatusCode);
        Assert.Equal(0, exitCode);
        Assert.Contains($"Unlocked {BlogSite.AdminEmail}.", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, afterUnlock.StatusCode);
    }

    [Fact]
    public async Task An_admin_sees_a_paused_account_and_lifts_the_pause_from_the_accounts_page()
    {
        const string office = "198.51.100.40";
        await using var site = new ThrottledSite(content.Root, database);
        await site.AddStaffAsync();
        for (var attempt = 1; attempt <= ThrottledSite.FailuresPerAccountAndAddress; attempt++)
        {
            await TrySignInAsync(site, office, BlogSite.EditorEmail, "a mistyped password");
        }

        var admin = await site.SignedInAsync(BlogSite.AdminEmail);
        var (_, accounts) = await admin.GetAsync("/admin/accounts");
        var row = accounts.QuerySelectorAll(".data-table tbody tr")
            .Single(r => r.TextContent.Contains(BlogSite.EditorEmail, StringComparison.Ordinal));
        Assert.Contains("Sign-in paused after failed attempts.", row.TextContent, StringComparison.Ordinal);
        var (lifted, _) = await admin.SubmitAsync(accounts, $"form[action$='/{await site.UserIdAsync(BlogSite.EditorEmail)}/unlock']", []);

        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect,
            (await TrySignInAsync(site, office, BlogSite.EditorEmail, BlogSite.Password)).Response.StatusCode);
    }

    private static Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Html)> TrySignInAsync(
        BlogSite site, string from, string email, string password) =>
        site.Anonymous(from).SubmitAsync("/admin/sign-in", "form.stacked-form",
            new() { ["Form.Email"] = email, ["Form.Password"] = password });

    [Fact]
    public async Task A_sign_in_survives_a_restart_of_the_site()
    {
        string cookie;
        await using (var first = new BlogSite(content.Root, database))
        {
            await first.AddStaffAsync();
            var (response, _) = await first.Anonymous().SubmitAsync("/admin/sign-in", "form.stacked-form",
                new() { ["Form.Email"] = BlogSite.EditorEmail, ["Form.Password"] = BlogSite.Password });
            cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pprnet.auth=", StringComparison.Ordinal))
                .Split(';')[0];
        }

        await using var second = new BlogSite(content.Root, database);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        using var client = second.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var dashboard = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task Passwords_shorter_than_twelve_characters_are_refused()
    {
        await using var site = new BlogSite(content.Root, database);
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();

        var result = await users.CreateAsync(new IdentityUser { UserName = "short@example.org", Email = "short@example.org" },
            "short pass");

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

/// <summary>A site with the shipped sign-in throttling, small enough to reach in a test, and a
/// slow-down short enough not to slow the test.</summary>
public sealed class ThrottledSite(string contentPath, string databasePath) : BlogSite(contentPath, databasePath)
{
    public const int FailuresPerAccountAndAddress = 5;
    public const int FailuresPerAddress = 20;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["RateLimits:SignInFailuresPerAccountAndAddress:PermitLimit"] = $"{FailuresPerAccountAndAddress}";
            settings["RateLimits:SignInFailuresPerAddress:PermitLimit"] = $"{FailuresPerAddress}";
            settings["RateLimits:SignInSlowDown:AfterFailures"] = "10";
            settings["RateLimits:SignInSlowDown:DelayMilliseconds"] = "20";
            return settings;
        }
    }
}
