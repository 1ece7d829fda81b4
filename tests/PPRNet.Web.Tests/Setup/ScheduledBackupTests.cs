using Microsoft.Data.Sqlite;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>With Backup:Folder and Backup:Interval set, the serving site keeps checked copies of
/// its database and only the newest Backup:Keep of them.</summary>
public sealed class ScheduledBackupTests : IAsyncLifetime
{
    private readonly TestContent content = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "pprnet-tests", $"backups-{Guid.NewGuid():N}");
    private BackedUpSite site = null!;

    public ValueTask InitializeAsync()
    {
        content.WriteSummary("2021-04", "kept-safe", new Dictionary<string, string?> { ["title"] = "\"Kept Safe\"" });
        site = new BackedUpSite(content.Root, folder);
        _ = site.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await site.DisposeAsync();
        content.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_site_keeps_the_newest_checked_backups_and_removes_older_ones()
    {
        var first = await Eventually.FoundAsync(() => Backups().FirstOrDefault(), TimeSpan.FromMinutes(1), "a scheduled backup appears");
        await Eventually.Async(() => !Backups().Contains(first), TimeSpan.FromMinutes(1), $"the oldest backup ({first}) is pruned");

        var kept = Backups();
        Assert.InRange(kept.Count, 1, 2);
        foreach (var file in kept)
        {
            await using var copy = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            await copy.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = copy.CreateCommand();
            command.CommandText = "SELECT Title FROM Summaries";
            Assert.Equal("Kept Safe", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
    }

    private List<string> Backups() =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "pprnet-*.db").Order(StringComparer.Ordinal).ToList() : [];

    private sealed class BackedUpSite(string contentPath, string folder) : BlogSite(contentPath)
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Backup:Folder"] = folder;
                settings["Backup:Interval"] = "00:00:01";
                settings["Backup:Keep"] = "2";
                return settings;
            }
        }
    }
}
