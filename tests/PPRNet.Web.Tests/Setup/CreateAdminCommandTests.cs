using System.Net;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>`create-admin --email E` makes the first admin, with the password from the
/// environment or typed at a prompt, never from the command line.</summary>
public sealed class CreateAdminCommandTests : IDisposable
{
    private readonly TestContent content = new();
    private readonly string database = AppCommand.NewDatabasePath();

    public void Dispose()
    {
        content.Dispose();
        AppCommand.DeleteDatabase(database);
    }

    private Task<(int ExitCode, string Output)> RunAsync(string? passwordVariable, string? typed, params string[] args) =>
        AppCommand.RunAsync(database, args,
            passwordVariable is null ? null : new Dictionary<string, string?> { ["PPRNET_ADMIN_PASSWORD"] = passwordVariable }, typed);

    [Fact]
    public async Task The_admin_created_from_the_environment_password_can_sign_in()
    {
        var (exitCode, output) = await RunAsync("a long enough passphrase", null, "create-admin", "--email", "first@example.org");

        Assert.Equal(0, exitCode);
        Assert.Contains("Created Admin first@example.org.", output, StringComparison.Ordinal);
        await using var site = new BlogSite(content.Root, database);
        var (response, _) = await site.Anonymous().SubmitAsync("/admin/sign-in", "form.stacked-form",
            new() { ["Form.Email"] = "first@example.org", ["Form.Password"] = "a long enough passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_password_can_be_typed_at_the_prompt()
    {
        var (exitCode, output) = await RunAsync(null, "typed at the prompt please", "create-admin", "--email", "typed@example.org");

        Assert.Equal(0, exitCode);
        Assert.Contains("Password for the new admin:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("typed at the prompt please", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weak_password_or_an_existing_account_fails_with_the_reason()
    {
        var weak = await RunAsync("short", null, "create-admin", "--email", "weak@example.org");
        await RunAsync("a long enough passphrase", null, "create-admin", "--email", "twice@example.org");
        var twice = await RunAsync("a long enough passphrase", null, "create-admin", "--email", "twice@example.org");

        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("at least 12 characters", weak.Output, StringComparison.Ordinal);
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("already exists", twice.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_on_the_command_line_is_not_accepted()
    {
        var (exitCode, output) = await RunAsync(null, null, "create-admin", "--email", "x@example.org", "--password",
            "a long enough passphrase");

        Assert.Equal(2, exitCode);
        Assert.Contains("usage:", output, StringComparison.Ordinal);
    }
}
