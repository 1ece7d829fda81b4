using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>The operator's `import [folder]` command, run as a real process of the built app.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly TestContent content = new();
    private readonly string database = AppCommand.NewDatabasePath();

    public void Dispose()
    {
        content.Dispose();
        AppCommand.DeleteDatabase(database);
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) => AppCommand.RunAsync(database, args);

    [Fact]
    public async Task Import_prints_its_counts_and_a_second_run_changes_nothing()
    {
        content.WriteSummary("2021-04", "one");
        content.WriteSummary("2021-04", "two");

        var first = await RunAsync("import", content.Root);
        var second = await RunAsync("import", content.Root);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("2 added, 0 updated, 0 unchanged, 0 conflicts, 0 errors", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 added, 0 updated, 2 unchanged, 0 conflicts, 0 errors (nothing to change)", second.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_that_changes_nothing_leaves_the_database_file_as_it_was()
    {
        content.WriteSummary("2021-04", "one");
        await RunAsync("import", content.Root);
        var before = await File.ReadAllBytesAsync(database, TestContext.Current.CancellationToken);

        var (exitCode, output) = await RunAsync("import", content.Root);

        Assert.Equal(0, exitCode);
        Assert.Contains("(nothing to change)", output, StringComparison.Ordinal);
        // Nor does it tell a running site that another process changed the database (OutsideWrites).
        Assert.Equal(before, await File.ReadAllBytesAsync(database, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_names_a_broken_files_path_line_and_field_imports_the_rest_and_exits_non_zero()
    {
        content.WriteSummary("2021-04", "good");
        content.WriteSummary("2021-04", "bad", new Dictionary<string, string?> { ["month"] = "2021-4" });

        var (exitCode, output) = await RunAsync("import", content.Root);

        Assert.Equal(1, exitCode);
        Assert.Contains("1 added, 0 updated, 0 unchanged, 0 conflicts, 1 errors", output, StringComparison.Ordinal);
        Assert.Contains("error: summaries/2021/04-bad.md:3: month: \"2021-4\" is not a month", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_purges_the_shared_caches_of_the_pages_it_changed_before_it_exits()
    {
        content.WriteSummary("2021-04", "one");
        await RunAsync("import", content.Root);
        content.WriteSummary("2021-04", "one", new Dictionary<string, string?> { ["title"] = "\"One, Retitled\"" });
        using var cache = new RecordingCache();

        var (exitCode, output) = await AppCommand.RunAsync(database, ["import", content.Root],
            new Dictionary<string, string?> { ["Cdn__PurgeUrls__0"] = cache.Url });

        Assert.Equal(0, exitCode);
        Assert.Contains("0 added, 1 updated", output, StringComparison.Ordinal);
        // The process has ended: a purge it left queued would never have been sent.
        var (method, keys) = Assert.Single(cache.Purges);
        Assert.Equal("PURGE", method);
        Assert.Contains(keys.Split(' '), tag => tag.StartsWith("summary:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_without_a_folder_reads_the_sites_settings_for_its_environment_and_content_root()
    {
        content.WriteSummary("2021-04", "one");
        using var site = new TestContent(withTaxonomy: false);
        site.Write("appsettings.Staging.json", $$"""{ "Content": { "Path": "{{content.Root}}" } }""");

        var (exitCode, output) = await AppCommand.RunAsync(database, ["import"], new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["ASPNETCORE_CONTENTROOT"] = site.Root,
        });

        Assert.Equal(0, exitCode);
        Assert.Contains($"Import of {content.Root}", output, StringComparison.Ordinal);
        Assert.Contains("1 added", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_and_export_run_in_development_where_every_service_is_checked_when_the_host_is_built()
    {
        content.WriteSummary("2021-04", "one");
        using var target = new TestContent(withTaxonomy: false);
        var development = new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Development" };

        var imported = await AppCommand.RunAsync(database, ["import", content.Root], development);
        var exported = await AppCommand.RunAsync(database, ["export", target.Root], development);

        Assert.True(imported.ExitCode == 0, imported.Output);
        Assert.Contains("1 added", imported.Output, StringComparison.Ordinal);
        Assert.True(exported.ExitCode == 0, exported.Output);
        Assert.True(File.Exists(Path.Combine(target.Root, "summaries/2021/04-one.md")));
    }

    [Fact]
    public async Task An_unknown_command_prints_usage_and_fails()
    {
        var (exitCode, output) = await RunAsync("import", "a", "b");

        Assert.Equal(2, exitCode);
        Assert.Contains("usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_the_archive_back_out_in_the_content_format()
    {
        content.WriteSummary("2021-04", "one", new Dictionary<string, string?> { ["doi"] = "10.1037/pst0000175" });
        content.Write("issues/2021-04.md", "This month: one summary.");
        await RunAsync("import", content.Root);
        using var target = new TestContent(withTaxonomy: false);

        var (exitCode, output) = await RunAsync("export", target.Root);

        Assert.Equal(0, exitCode);
        Assert.Contains("Exported 3 files", output, StringComparison.Ordinal);
        var exported = await File.ReadAllTextAsync(Path.Combine(target.Root, "summaries/2021/04-one.md"),
            TestContext.Current.CancellationToken);
        Assert.Contains("\ndoi: \"10.1037/pst0000175\"\n", exported, StringComparison.Ordinal);
        Assert.Equal("This month: one summary.\n",
            await File.ReadAllTextAsync(Path.Combine(target.Root, "issues/2021-04.md"), TestContext.Current.CancellationToken));
        Assert.True(File.Exists(Path.Combine(target.Root, "taxonomy.yml")));
    }
}
