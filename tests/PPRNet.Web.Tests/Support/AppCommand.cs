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

    /// <summary>Runs a command; with <paramref name="umask"/> (such as "000") the app starts under
    /// that umask, as a careless service manager might start it.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string database, string[] args, IDictionary<string, string?>? environment = null, string? typed = null, string? umask = null)
    {
        var app = typeof(Program).Assembly.Location;
        var start = Dotnet(umask);
        start.WorkingDirectory = Path.GetDirectoryName(app)!;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.ArgumentList.Add(app);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__Blog"] = $"Data Source={database}";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        // `restore` refuses while a site answers at the configured address (default
        // localhost:5000): a port nothing listens on keeps a site someone runs on this machine out
        // of the test's way. Tests of that check set their own.
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{AppServer.FreePort()}";
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

    /// <summary>`dotnet`, started through sh when a umask is asked for; arguments follow.</summary>
    public static ProcessStartInfo Dotnet(string? umask)
    {
        if (umask is null)
        {
            return new ProcessStartInfo("dotnet");
        }

        var start = new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"umask {umask} && exec dotnet \"$@\"");
        start.ArgumentList.Add("sh");
        return start;
    }
}
