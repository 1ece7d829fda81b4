using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>A serving site loads what serving needs. The Markdown pipeline and the HTML sanitizer
/// (AngleSharp underneath) are for rendering, at an import that finds new words or an editor's
/// save; a site whose archive is up to date, reading its pages, feeds and search and polling its
/// outbox, never maps them, so it does not carry their megabytes for its whole life. Nor does it
/// map the readers of assembly metadata that a search of its folder for logging sinks needed.</summary>
public sealed class StartupFootprintTests : IDisposable
{
    private static readonly string[] RenderingLibraries = ["Markdig.dll", "HtmlSanitizer.dll", "AngleSharp.dll", "AngleSharp.Css.dll"];

    // What Serilog's search of the app folder for its sinks reads each DLL with: the app names its sinks instead.
    private const string MetadataReader = "System.Reflection.Metadata.dll";

    private readonly TestContent content = new();

    public void Dispose() => content.Dispose();

    [Fact]
    public async Task A_site_serving_an_archive_that_is_up_to_date_never_loads_the_Markdown_sanitizer_or_metadata_libraries()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "a process's mapped files are read from /proc");
        content.WriteSummary("2021-04", "one");
        using var database = new TestDatabase();
        await database.ImportAsync(content.Root);
        // Started as an operator starts it: it imports the content folder (unchanged since) first.
        await using var site = await AppServer.StartAsync(database: database.Path, keepDatabase: true,
            environment: new Dictionary<string, string> { ["Content__Path"] = content.Root, ["Mail__PollSeconds"] = "1" });
        using var http = new HttpClient { BaseAddress = new Uri(site.LocalUrl) };

        foreach (var page in new[] { "/", "/blog", "/blog/2021/04/one", "/topics", "/search?q=one", "/feeds/all.rss", "/fr/" })
        {
            (await http.GetAsync(new Uri(page, UriKind.Relative), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        // Long enough for the outbox, polling every second here, to have looked for mail twice.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var mapped = (await File.ReadAllLinesAsync($"/proc/{site.ProcessId}/maps", TestContext.Current.CancellationToken))
            .Select(line => Path.GetFileName(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("PPRNet.Web.dll", mapped);
        Assert.DoesNotContain(mapped, RenderingLibraries.Contains);
        Assert.DoesNotContain(MetadataReader, mapped);
    }
}
