using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PPRNet.Web.Setup;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>`restore FILE` pulls the database out from under a running site, so it first asks the
/// site's health endpoint at its configured address and refuses while the site answers, unless
/// told `--force`. The "site" here is a real listener answering /healthz as the site does, on a
/// free loopback port given to the command as ASPNETCORE_URLS.</summary>
public sealed class RestoreGuardTests : IAsyncLifetime
{
    private readonly TestContent content = new();
    private readonly TestDatabase live = new();
    private readonly string backup = AppCommand.NewDatabasePath();
    private readonly int port = AppServer.FreePort();
    private WebApplication? listener;

    private string SiteAddress => $"http://127.0.0.1:{port}";

    /// <summary>A backup holding "in-the-backup"; the live database holds that and "added-since".</summary>
    public async ValueTask InitializeAsync()
    {
        content.WriteSummary("2021-04", "in-the-backup");
        await live.ImportAsync(content.Root);
        await DatabaseBackup.SnapshotAsync($"Data Source={live.Path}", backup, TestContext.Current.CancellationToken);
        content.WriteSummary("2021-04", "added-since");
        await live.ImportAsync(content.Root);
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        if (listener is not null)
        {
            await listener.DisposeAsync();
        }

        live.Dispose();
        content.Dispose();
        AppCommand.DeleteDatabase(backup);
    }

    [Fact]
    public async Task Restore_refuses_while_the_site_answers_at_its_configured_address_and_leaves_the_database_as_it_was()
    {
        await StartSiteAsync();
        var before = await File.ReadAllBytesAsync(live.Path, TestContext.Current.CancellationToken);

        var (exitCode, output) = await RestoreAsync([]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"The site is answering at {SiteAddress}; stop it first, or pass --force", output, StringComparison.Ordinal);
        Assert.Equal(SHA256.HashData(before),
            SHA256.HashData(await File.ReadAllBytesAsync(live.Path, TestContext.Current.CancellationToken)));
        Assert.Equal(["added-since", "in-the-backup"], await SlugsAsync());
    }

    [Fact]
    public async Task Restore_with_force_replaces_the_database_even_though_the_site_answers()
    {
        await StartSiteAsync();

        var (exitCode, output) = await RestoreAsync(["--force"]);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Restored.", output, StringComparison.Ordinal);
        Assert.Equal(["in-the-backup"], await SlugsAsync());
    }

    [Fact]
    public async Task Restore_replaces_the_database_when_nothing_answers_at_the_configured_address()
    {
        var (exitCode, output) = await RestoreAsync([]);

        Assert.True(exitCode == 0, output);
        Assert.Equal(["in-the-backup"], await SlugsAsync());
    }

    [Fact]
    public void The_addresses_checked_are_the_configured_urls_ports_and_kestrel_endpoints_or_else_localhost_5000()
    {
        Assert.Equal(["http://localhost:5000/"], Addresses([]));
        Assert.Equal(["http://127.0.0.1:8080/", "http://localhost:8081/"],
            Addresses(new() { ["urls"] = "http://127.0.0.1:8080; http://*:8081" }));
        Assert.Equal(["http://localhost:9000/", "https://localhost:9001/"],
            Addresses(new() { ["http_ports"] = "9000", ["https_ports"] = "9001" }));
        Assert.Equal(["http://localhost:7000/"],
            Addresses(new() { ["Kestrel:Endpoints:Web:Url"] = "http://0.0.0.0:7000", ["urls"] = "http://127.0.0.1:8080" }));
    }

    private static List<string> Addresses(Dictionary<string, string?> settings) =>
        [.. SiteProbe.ConfiguredAddresses(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).Select(a => a.ToString())];

    /// <summary>Answers /healthz as the site does: 200, text/plain, "Healthy".</summary>
    private async Task StartSiteAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(SiteAddress);
        listener = builder.Build();
        listener.MapGet("/healthz", () => "Healthy");
        await listener.StartAsync(TestContext.Current.CancellationToken);
    }

    private Task<(int ExitCode, string Output)> RestoreAsync(string[] options) =>
        AppCommand.RunAsync(live.Path, ["restore", backup, .. options],
            new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = SiteAddress });

    private async Task<List<string>> SlugsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={live.Path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Slug FROM Summaries ORDER BY Slug";
        var slugs = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            slugs.Add(reader.GetString(0));
        }

        return slugs;
    }
}
