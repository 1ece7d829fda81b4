using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PPRNet.Web.Tests.Support;

/// <summary>The built app as its own process in Production on a loopback port, serving the shipped
/// content from a database of its own, as an operator runs it.</summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Process server;

    private bool ownsDatabase = true;

    private AppServer(Process server, string database, int port)
    {
        this.server = server;
        Database = database;
        Port = port;
    }

    public string Database { get; }

    public int Port { get; }

    public int ProcessId => server.Id;

    public string LocalUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Starts the app with <paramref name="publicAddress"/> as Site:BaseUrl (its own
    /// loopback address when null) and waits until it answers; under <paramref name="umask"/> when given.</summary>
    public static async Task<AppServer> StartAsync(
        string? publicAddress = null, string? database = null, IDictionary<string, string>? environment = null,
        bool keepDatabase = false, string? umask = null, int? port = null)
    {
        var chosenPort = port ?? FreePort();
        database ??= AppCommand.NewDatabasePath();
        var app = typeof(Program).Assembly.Location;
        var project = Repository.WebProject;
        var start = AppCommand.Dotnet(umask);
        start.WorkingDirectory = project; // its wwwroot and appsettings.json, as in production
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.ArgumentList.Add(app);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{chosenPort}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Blog"] = $"Data Source={database}";
        start.Environment["Content__Path"] = Repository.ContentFolder;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Site__BaseUrl"] = publicAddress ?? $"http://127.0.0.1:{chosenPort}";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AppServer(process, database, chosenPort) { ownsDatabase = !keepDatabase };
        try
        {
            await server.WaitUntilServingAsync();
        }
        catch
        {
            // A fixture whose start-up fails is never disposed: stop the process here, or it outlives the run.
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient();
        await Eventually.Async(
            async () =>
            {
                try
                {
                    return (await http.GetAsync(new Uri(LocalUrl + "/healthz"))).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException) when (!server.HasExited)
                {
                    return false; // not listening yet
                }
                catch (HttpRequestException)
                {
                    throw new InvalidOperationException($"The site exited with code {server.ExitCode} before serving.");
                }
            },
            // Readiness, not speed: a start-up that imports the archive on a loaded two-core machine
            // took over 30 s; a site that exits fails at once above, whatever this limit.
            TimeSpan.FromSeconds(120),
            $"the site answers {LocalUrl}/healthz with 200");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the site as systemd does (SIGTERM: a graceful stop), or kills it outright.</summary>
    public async Task StopAsync(bool kill)
    {
        if (kill)
        {
            server.Kill(entireProcessTree: true);
        }
        else
        {
            using var term = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
        }

        await server.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!server.HasExited)
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        server.Dispose();
        if (ownsDatabase)
        {
            AppCommand.DeleteDatabase(Database);
        }
    }
}
