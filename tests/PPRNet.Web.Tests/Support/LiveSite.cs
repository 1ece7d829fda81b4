using Microsoft.Playwright;

namespace PPRNet.Web.Tests.Support;

/// <summary>The built app as its own process on a loopback port, serving the shipped content, and a
/// headless Chromium (Debian's /usr/bin/chromium, or PPRNET_CHROMIUM) to look at it with.</summary>
public sealed class LiveSite : IAsyncLifetime
{
    private AppServer? server;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        server = await AppServer.StartAsync();
        BaseUrl = server.LocalUrl;

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

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
