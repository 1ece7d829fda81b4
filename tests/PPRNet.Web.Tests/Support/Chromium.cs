using Microsoft.Playwright;

namespace PPRNet.Web.Tests.Support;

/// <summary>The Chromium the browser tests drive: the one PPRNET_CHROMIUM names; else Debian's
/// /usr/bin/chromium when it is installed; else Playwright's own, installed once per test run the
/// way Playwright documents (`playwright install chromium`, from Playwright's download server).</summary>
public static class Chromium
{
    public const string Debian = "/usr/bin/chromium";

    private const string WhatToInstall =
        "Install Debian's (apt-get install chromium), or set PPRNET_CHROMIUM to a Chromium executable, "
        + "or make Playwright's download server reachable so the tests can install Playwright's own.";

    private static readonly Lazy<Task<string?>> Executable = new(FindOrInstallAsync);

    /// <summary>A headless Chromium.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = await Executable.Value, // null: Playwright's own
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    private static async Task<string?> FindOrInstallAsync()
    {
        if (Environment.GetEnvironmentVariable("PPRNET_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"PPRNET_CHROMIUM names {configured}, which does not exist. {WhatToInstall}");
        }

        if (File.Exists(Debian))
        {
            return Debian;
        }

        // Playwright's documented install; a no-op when its Chromium is already in its cache.
        var exitCode = await Task.Run(() => Microsoft.Playwright.Program.Main(["install", "chromium"]));
        return exitCode == 0
            ? null
            : throw new InvalidOperationException(
                $"The browser tests need Chromium. There is none at {Debian}, and `playwright install chromium` failed "
                + $"(exit {exitCode}; its output is in the test log). {WhatToInstall}");
    }
}
