using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace PPRNet.Web.Tests.Support;

/// <summary>Runs the built app as an operator would (`dotnet PPRNet.Web.dll COMMAND ...`), on a
/// database of the test's own.</summary>
public static class AppCommand
{
    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), "pprnet-tests", $"{Guid.NewGuid():N}.db");

    public static void DeleteDatabase(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string database, string[] args, IDictionary<string, string?>? environment = null, string? typed = null)
    {
        var app = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(app);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__Blog"] = $"Data Source={database}";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment.Remove("PPRNET_ADMIN_PASSWORD");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        if (typed is not null)
        {
            await process.StandardInput.WriteLineAsync(typed);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await errors);
    }
}
