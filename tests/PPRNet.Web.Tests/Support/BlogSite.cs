using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Admin;

namespace PPRNet.Web.Tests.Support;

/// <summary>The whole site over a real SQLite file, importing a content folder at start-up as in
/// production; requests go through the real HTTP pipeline.</summary>
public class BlogSite : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";
    public const string AdminEmail = "admin@example.org";
    public const string EditorEmail = "editor@example.org";
    public const string SecondEditorEmail = "editor2@example.org";

    private readonly string databasePath;
    private readonly bool ownsDatabase;

    private readonly IDictionary<string, string?> extraSettings;

    /// <param name="settings">The test's own configuration, over the defaults below.</param>
    public BlogSite(string contentPath, string? databasePath = null, IDictionary<string, string?>? settings = null)
    {
        ContentPath = contentPath;
        extraSettings = settings ?? new Dictionary<string, string?>();
        // A database passed in belongs to the test, which may start another site on it.
        ownsDatabase = databasePath is null;
        this.databasePath = databasePath ?? AppCommand.NewDatabasePath();
    }

    public TestClock Clock { get; } = new();

    public string ContentPath { get; }

    public string DatabasePath => databasePath;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Blog"] = $"Data Source={databasePath}",
        ["Content:Path"] = ContentPath,
        ["Content:ImportOnStartup"] = "true",
        ["Serilog:MinimumLevel:Default"] = "Warning",
        // Required in Production, which these sites run as.
        ["Site:BaseUrl"] = "http://localhost",
        // Every test client shares one address here, so the limits are out of the way unless a
        // test sets its own (see RateLimitTests).
        ["RateLimits:SignInPerAddress:PermitLimit"] = "100000",
        ["RateLimits:SignInFailuresPerAccountAndAddress:PermitLimit"] = "100000",
        ["RateLimits:SignInFailuresPerAddress:PermitLimit"] = "100000",
        ["RateLimits:SignInSlowDown:AfterFailures"] = "100000",
        ["RateLimits:SearchPerAddress:PermitLimit"] = "100000",
        ["RateLimits:PostPerAddress:PermitLimit"] = "100000",
        // These sites share the test process's malloc arenas; only MemoryTrimTests trims them,
        // when it means to, so no site's timer releases the pages that test is looking at.
        ["Memory:TrimInterval"] = "00:00:00",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(Settings).AddInMemoryCollection(extraSettings));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, PeerAddress>();
        });
    }

    /// <summary>Creates the admin and two editors the admin tests sign in as.</summary>
    public async Task AddStaffAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        foreach (var (email, role) in new[] { (AdminEmail, Roles.Admin), (EditorEmail, Roles.Editor), (SecondEditorEmail, Roles.Editor) })
        {
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
                (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
                (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
            }
        }
    }

    /// <summary>An account that belongs to one test, with <see cref="Password"/>.</summary>
    public async Task<string> AddAccountAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return email;
    }

    public async Task<string> UserIdAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email);
        return user?.Id ?? throw new InvalidOperationException($"No account {email}");
    }

    /// <summary>Signs in and returns the raw authentication cookie, as someone who copied it would hold it.</summary>
    public async Task<(Browser Browser, string Cookie)> SignedInWithCookieAsync(string email)
    {
        var browser = Anonymous();
        var (response, _) = await browser.SubmitAsync(
            "/admin/sign-in", "form.stacked-form", new() { ["Form.Email"] = email, ["Form.Password"] = Password });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pprnet.auth=", StringComparison.Ordinal));
        return (browser, cookie.Split(';')[0]);
    }

    /// <summary>A request from another device carrying only the given cookie.</summary>
    public async Task<HttpResponseMessage> GetWithCookieAsync(string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await Browser().SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A browser with its own cookie jar, signed in as the given account.</summary>
    public async Task<Browser> SignedInAsync(string email)
    {
        var browser = new Browser(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var (response, _) = await browser.SubmitAsync(
            "/admin/sign-in", "form.stacked-form", new() { ["Form.Email"] = email, ["Form.Password"] = Password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} failed: {response.StatusCode}");
        }

        return browser;
    }

    /// <summary>A browser with its own cookie jar; <paramref name="from"/> is the client address the
    /// site sees (otherwise none, as for every test client).</summary>
    public Browser Anonymous(string? from = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (from is not null)
        {
            client.DefaultRequestHeaders.Add(PeerAddress.Header, from);
        }

        return new Browser(client);
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<(HttpResponseMessage Response, IHtmlDocument Html)> GetPageAsync(string url)
    {
        var response = await Browser().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, await new HtmlParser().ParseDocumentAsync(text));
    }

    /// <summary>Asks for a page until the output cache serves it (it keeps a page from its second
    /// request, so the third is served from it at the latest) and returns the last answer.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Html)> GetCachedPageAsync(string url)
    {
        for (var visit = 1; ; visit++)
        {
            var page = await GetPageAsync(url);
            if (page.Response.Headers.Contains("Age") || visit == 3)
            {
                return page;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (ownsDatabase)
        {
            AppCommand.DeleteDatabase(databasePath);
        }
    }
}
