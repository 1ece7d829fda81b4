using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>Settings are read once, at start. Watching appsettings.json for changes meant watching the
/// whole app folder, and the database in App_Data woke that watcher with every page SQLite wrote.</summary>
public sealed class SettingsTests
{
    [Fact]
    public async Task The_running_site_watches_no_file_for_changes()
    {
        await using var site = await AppServer.StartAsync();

        // Each file watcher on Linux is an inotify descriptor of the process.
        var watchers = Directory.EnumerateFileSystemEntries($"/proc/{site.ProcessId}/fd")
            .Select(descriptor => new FileInfo(descriptor).LinkTarget)
            .Where(target => target == "anon_inode:inotify")
            .ToList();

        Assert.Empty(watchers);
    }
}
