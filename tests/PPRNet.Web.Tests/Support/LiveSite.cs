using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using PPRNet.Web.Tests.Import;

namespace PPRNet.Web.Tests.Support;

/// <summary>The built app as its own process on a loopback port, serving the shipped content, and a
/// headless Chromium (Debian's /usr/bin/chromium, or PPRNET_CHROMIUM) to look at it with.</summary>
public sealed class LiveSite : IAsyncLifetime
{
    private readonly string database = AppCommand.NewDatabasePath();
    private Process? server;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var app = typeof(Program).Assembly.Location;
        var project = Path.Combine(Path.GetDirectoryName(ShippedContentTests.ContentFolder())!, "src", "PPRNet.Web");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project, // its wwwroot and appsettings.json, as in production
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(app);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Blog"] = $"Data Source={database}";
        start.Environment["Content__Path"] = ShippedContentTests.ContentFolder();
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Site__BaseUrl"] = BaseUrl;
        server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        await WaitUntilServingAsync();

        playwright = await Playwright.CreateAsync();
        var chromium = Environment.GetEnvironmentVariable("PPRNET_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Browser tests need Chromium at {chromium} (apt-get install chromium, or set PPRNET_CHROMIUM).");
        }

        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await http.GetAsync(new Uri(BaseUrl + "/robots.txt"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (server!.HasExited)
            {
                throw new InvalidOperationException($"The site exited with code {server.ExitCode} before serving.");
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The site did not start within 30 seconds.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        server?.Dispose();
        AppCommand.DeleteDatabase(database);
    }
}
