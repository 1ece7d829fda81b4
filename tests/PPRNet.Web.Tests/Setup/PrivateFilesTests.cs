using System.Net;
using Microsoft.Data.Sqlite;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>The database (with its -wal and -shm), backups and mail written to a folder hold the
/// data-protection keys, the password hashes and every subscriber's address, so only the site's
/// own user may read them: files 0600, folders 0700. The site runs here under umask 000, which
/// would leave SQLite's and .NET's defaults writable by anyone, so a mode of 600 shows the site
/// set it itself, whatever the umask. Modes are read as `stat -c %a` prints them. Unix only, as
/// the site's servers are.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFilesTests : IDisposable
{
    private const string Permissive = "000";

    private readonly TestContent content = new();
    private readonly string root = Path.Combine(Path.GetTempPath(), "pprnet-tests", $"private-{Guid.NewGuid():N}");

    public PrivateFilesTests() => content.WriteSummary("2021-04", "kept-private");

    public void Dispose()
    {
        content.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_new_database_its_wal_and_shm_and_its_new_folder_are_owner_only_while_the_site_serves()
    {
        var database = Path.Combine(root, "App_Data", "pprnet.db");

        // The start-up import has written the summary through the WAL, which stays while the site runs.
        await using var server = await AppServer.StartAsync(database: database, environment: Settings(), umask: Permissive);

        Assert.Equal("700", Mode(root)); // a missing parent too
        Assert.Equal("700", Mode(Path.GetDirectoryName(database)!));
        Assert.Equal("600", Mode(database));
        Assert.Equal("600", Mode(database + "-wal"));
        Assert.Equal("600", Mode(database + "-shm"));
    }

    [Fact]
    public async Task Mail_written_to_the_pickup_folder_and_the_folder_itself_are_owner_only()
    {
        var pickup = Path.Combine(root, "mail", "pickup");
        var settings = Settings();
        settings["Mail__PickupFolder"] = pickup;
        await using var server = await AppServer.StartAsync(database: Path.Combine(root, "pprnet.db"), environment: settings,
            umask: Permissive);

        using var http = new HttpClient { BaseAddress = new Uri(server.LocalUrl) };
        var (response, _) = await new Browser(http)
            .SubmitAsync("/subscribe", "main form.stacked-form", new() { ["Form.Email"] = "reader@example.org" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = await Eventually.FoundAsync(
            () => Directory.Exists(pickup) ? Directory.EnumerateFiles(pickup, "*.eml").FirstOrDefault() : null,
            TimeSpan.FromMinutes(1), $"a message is written to {pickup}");

        Assert.Contains("reader@example.org", await File.ReadAllTextAsync(message, TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        Assert.Equal("700", Mode(Path.GetDirectoryName(pickup)!));
        Assert.Equal("700", Mode(pickup));
        Assert.Equal("600", Mode(message));
    }

    [Fact]
    public async Task Scheduled_backups_and_their_new_folder_are_owner_only()
    {
        var folder = Path.Combine(root, "backups", "scheduled");
        var settings = Settings();
        settings["Backup__Folder"] = folder;
        settings["Backup__Interval"] = "00:00:01";
        settings["Backup__Keep"] = "1000"; // none is pruned while the test looks at it
        await using var server = await AppServer.StartAsync(database: Path.Combine(root, "pprnet.db"), environment: settings,
            umask: Permissive);

        var backup = await Eventually.FoundAsync(
            () => Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "pprnet-*.db").FirstOrDefault() : null,
            TimeSpan.FromMinutes(1), $"a scheduled backup is written to {folder}");

        Assert.Equal("700", Mode(folder));
        Assert.Equal("600", Mode(backup));
    }

    [Fact]
    public async Task The_backup_command_writes_an_owner_only_backup_into_an_owner_only_folder_and_leaves_no_temporary_file()
    {
        var database = Path.Combine(root, "live", "pprnet.db");
        var (imported, importOutput) = await AppCommand.RunAsync(database, ["import", content.Root], umask: Permissive);
        Assert.True(imported == 0, importOutput);
        var folder = Path.Combine(root, "backups", "nightly");
        var backup = Path.Combine(folder, "pprnet-2026-11-27.db");

        var (exitCode, output) = await AppCommand.RunAsync(database, ["backup", backup], umask: Permissive);

        Assert.True(exitCode == 0, output);
        Assert.Equal("600", Mode(database));
        Assert.Equal("700", Mode(Path.GetDirectoryName(folder)!));
        Assert.Equal("700", Mode(folder));
        Assert.Equal("600", Mode(backup));
        Assert.Equal([backup], Directory.GetFiles(folder));
    }

    [Fact]
    public async Task A_database_left_readable_by_others_is_made_owner_only_at_start_up_and_the_log_says_so_once()
    {
        var database = Path.Combine(root, "old", "pprnet.db");
        var (created, createdOutput) = await AppCommand.RunAsync(database, ["import", content.Root]);
        Assert.True(created == 0, createdOutput);
        // As an earlier version of the site left it.
        File.SetUnixFileMode(database, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var verbose = new Dictionary<string, string?> { ["Serilog__MinimumLevel__Default"] = "Information" };

        var (exitCode, output) = await AppCommand.RunAsync(database, ["import", content.Root], verbose);
        var (_, again) = await AppCommand.RunAsync(database, ["import", content.Root], verbose);

        Assert.True(exitCode == 0, output);
        Assert.Equal("600", Mode(database));
        Assert.Contains($"{database} (644 -> 600)", output, StringComparison.Ordinal);
        Assert.DoesNotContain(database + " (", again, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["Content__Path"] = content.Root,
        ["Mail__PickupFolder"] = Path.Combine(root, "mail"),
    };

    private static string Mode(string path) =>
        Convert.ToString((int)File.GetUnixFileMode(path), 8).PadLeft(3, '0');
}
