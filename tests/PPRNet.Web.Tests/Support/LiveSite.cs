using Microsoft.Playwright;

namespace PPRNet.Web.Tests.Support;

/// <summary>The built app as its own process on a loopback port, serving the shipped content, and a
/// headless Chromium (see <see cref="Chromium"/>: PPRNET_CHROMIUM, Debian's, or Playwright's own)
/// to look at it with.</summary>
public sealed class LiveSite : IAsyncLifetime
{
    private AppServer? server;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public const string AdminEmail = "audit-admin@example.org";
    public const string AdminPassword = "a long audit passphrase";

    public async ValueTask InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(playwright);

        // An Admin exists from the start, so browser tests can reach the editors' pages too.
        var database = AppCommand.NewDatabasePath();
        var (exitCode, output) = await AppCommand.RunAsync(database, ["create-admin", "--email", AdminEmail],
            new Dictionary<string, string?> { ["PPRNET_ADMIN_PASSWORD"] = AdminPassword, ["Content__Path"] = Repository.ContentFolder });
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"create-admin failed ({exitCode}): {output}");
        }

        server = await AppServer.StartAsync(database: database);
        BaseUrl = server.LocalUrl;
    }

    private readonly SemaphoreSlim signingIn = new(1, 1);
    private string? signedInState;

    /// <summary>A fresh browser context signed in as the Admin, at the given width. The sign-in
    /// happens once per site: its cookies are reused, as sign-ins from one address are rate limited.</summary>
    public async Task<IPage> SignedInPageAsync(int width = 1280)
    {
        await signingIn.WaitAsync();
        try
        {
            if (signedInState is null)
            {
                var first = await Browser.NewContextAsync();
                var signIn = await first.NewPageAsync();
                await signIn.GotoAsync(BaseUrl + "/admin/sign-in");
                await signIn.FillAsync("#Form_Email", AdminEmail);
                await signIn.FillAsync("#Form_Password", AdminPassword);
                await signIn.ClickAsync("form.stacked-form button[type=submit]");
                // The cookie came with the redirect, so the admin page's address is enough, polled:
                // WaitForURLAsync also waits on a load state, and under the suite's load that wait
                // outlived 30 s twice. The limit is for readiness, not speed.
                await Assertions.Expect(signIn).ToHaveURLAsync(BaseUrl + "/admin", new() { Timeout = 60_000 });
                signedInState = await first.StorageStateAsync();
                await first.CloseAsync();
            }
        }
        finally
        {
            signingIn.Release();
        }

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            StorageState = signedInState,
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        signingIn.Dispose();
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
