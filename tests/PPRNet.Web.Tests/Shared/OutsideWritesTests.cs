using PPRNet.Web.Setup;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Shared;

/// <summary>A running site learns of changes another process commits to its database (an import from
/// the command line): it stops serving its cached copy of the old page and purges the shared caches,
/// which would otherwise take the old page from it again.</summary>
public sealed class OutsideWritesTests : IDisposable
{
    private readonly TestContent content = new();

    private static readonly Uri Address = new("/blog/2021/04/one", UriKind.Relative);

    public void Dispose() => content.Dispose();

    /// <summary>The summary page as the site's output cache serves it: it keeps a page from its
    /// second request, so the third is a copy (it says how old).</summary>
    private static async Task<string> CachedPageAsync(HttpClient http)
    {
        for (var request = 0; request < 2; request++)
        {
            (await http.GetAsync(Address, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        var cached = await http.GetAsync(Address, TestContext.Current.CancellationToken);
        Assert.NotNull(cached.Headers.Age);
        return await cached.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_import_from_the_command_line_replaces_the_running_sites_cached_page_and_purges_the_shared_caches()
    {
        content.WriteSummary("2021-04", "one", new Dictionary<string, string?> { ["title"] = "\"Before The Import\"" });
        using var cache = new RecordingCache();
        await using var site = await AppServer.StartAsync(environment: new Dictionary<string, string>
        {
            ["Content__Path"] = content.Root,
            ["Cdn__PurgeUrls__0"] = cache.Url,
        });
        using var http = new HttpClient { BaseAddress = new Uri(site.LocalUrl) };

        Assert.Contains("Before The Import", await CachedPageAsync(http), StringComparison.Ordinal);
        // The start-up import's own purge of every page.
        var startPurges = (await Eventually.Async(() => cache.Purges.Where(p => p.Keys == "public-pages").ToList(), p => p.Count > 0,
            TimeSpan.FromSeconds(20), "the start-up import's purge reaches the cache")).Count;
        content.WriteSummary("2021-04", "one", new Dictionary<string, string?> { ["title"] = "\"After The Import\"" });

        var (exitCode, output) = await AppCommand.RunAsync(site.Database, ["import", content.Root]);

        Assert.Equal(0, exitCode);
        Assert.Contains("0 added, 1 updated", output, StringComparison.Ordinal);
        await Eventually.Async(async () => (await http.GetStringAsync(Address, TestContext.Current.CancellationToken))
            .Contains("After The Import", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the site serves the imported title");
        await Eventually.Async(() => cache.Purges.Count(p => p.Keys == "public-pages") > startPurges, TimeSpan.FromSeconds(20),
            "the site purges every page at the shared cache");
    }

    [Fact]
    public async Task A_forced_restore_while_the_site_serves_replaces_its_cached_page()
    {
        // The backup: another database, whose summary has another title (and whose header number
        // is the one the site starts with, so only the restore's own announcement can tell the site).
        using var backedUp = new TestContent();
        backedUp.WriteSummary("2021-04", "one", new Dictionary<string, string?> { ["title"] = "\"The Backed Up Title\"" });
        using var other = new TestDatabase();
        await other.ImportAsync(backedUp.Root);
        var backup = AppCommand.NewDatabasePath();
        try
        {
            await DatabaseBackup.SnapshotAsync($"Data Source={other.Path}", backup, TestContext.Current.CancellationToken);
            content.WriteSummary("2021-04", "one", new Dictionary<string, string?> { ["title"] = "\"The Live Title\"" });
            await using var site = await AppServer.StartAsync(
                environment: new Dictionary<string, string> { ["Content__Path"] = content.Root });
            using var http = new HttpClient { BaseAddress = new Uri(site.LocalUrl) };
            Assert.Contains("The Live Title", await CachedPageAsync(http), StringComparison.Ordinal);

            var (exitCode, output) = await AppCommand.RunAsync(site.Database, ["restore", backup, "--force"]);

            Assert.True(exitCode == 0, output);
            await Eventually.Async(async () => (await http.GetStringAsync(Address, TestContext.Current.CancellationToken))
                .Contains("The Backed Up Title", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the site serves the restored title");
        }
        finally
        {
            AppCommand.DeleteDatabase(backup);
        }
    }
}
