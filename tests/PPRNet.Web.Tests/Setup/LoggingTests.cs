using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>Operators choose where the log goes in the settings (<c>Serilog:WriteTo</c>), from the
/// sinks the app ships: the console, and a file.</summary>
public sealed class LoggingTests : IDisposable
{
    private readonly TestContent content = new();
    private readonly string database = AppCommand.NewDatabasePath();
    private readonly string logFile = Path.Combine(Path.GetTempPath(), "pprnet-tests", $"{Guid.NewGuid():N}.log");

    public void Dispose()
    {
        content.Dispose();
        AppCommand.DeleteDatabase(database);
        File.Delete(logFile);
    }

    [Fact]
    public async Task A_file_named_in_the_settings_receives_the_log_beside_the_console()
    {
        content.WriteSummary("2021-04", "one");

        var (exitCode, output) = await AppCommand.RunAsync(database, ["import", content.Root], new Dictionary<string, string?>
        {
            ["Serilog__MinimumLevel__Default"] = "Information",
            ["Serilog__WriteTo__1__Name"] = "File",
            ["Serilog__WriteTo__1__Args__path"] = logFile,
        });

        Assert.Equal(0, exitCode);
        var logged = $"Imported {content.Root}: 1 added, 0 updated, 0 unchanged, 0 conflicts, 0 errors";
        Assert.Contains(logged, output, StringComparison.Ordinal);
        Assert.Contains(logged, await File.ReadAllTextAsync(logFile, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
