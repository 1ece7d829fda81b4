using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>A site behind a TLS proxy at a public address; each request says which peer address
/// it comes from (the test server has none of its own).</summary>
public sealed class ProxiedSite(string contentPath) : BlogSite(contentPath)
{
    public const string PublicAddress = "https://blog.example.org";
    public const string PeerHeader = "X-Test-Peer";

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Site:BaseUrl"] = PublicAddress;
            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddress>());
    }

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class ProxyTests : IAsyncLifetime
{
    private readonly TestContent content = new();
    private ProxiedSite site = null!;

    public async ValueTask InitializeAsync()
    {
        content.WriteSummary("2021-04", "behind-a-proxy");
        site = new ProxiedSite(content.Root);
        await site.AddStaffAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await site.DisposeAsync();
        content.Dispose();
    }

    private async Task<HttpResponseMessage> SignInAsync(string peer)
    {
        var client = site.Browser();
        using var page = new HttpRequestMessage(HttpMethod.Get, "/admin/sign-in");
        Headers(page, peer);
        var form = await client.SendAsync(page, TestContext.Current.CancellationToken);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var token = html.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var antiforgery = form.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("pprnet.antiforgery", StringComparison.Ordinal)).Split(';')[0];
        using var post = new HttpRequestMessage(HttpMethod.Post, "/admin/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Form.Email"] = BlogSite.EditorEmail,
                ["Form.Password"] = BlogSite.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        Headers(post, peer);
        post.Headers.Add("Cookie", antiforgery);
        return await client.SendAsync(post, TestContext.Current.CancellationToken);
    }

    private static void Headers(HttpRequestMessage request, string peer)
    {
        request.Headers.Add(ProxiedSite.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        request.Headers.Host = "blog.example.org";
    }

    [Fact]
    public async Task Behind_a_known_proxy_that_says_https_the_cookies_are_secure_and_hsts_is_sent()
    {
        var response = await SignInAsync("127.0.0.1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pprnet.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        var response = await SignInAsync("203.0.113.9");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pprnet.auth=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_forged_host_header_changes_no_link()
    {
        foreach (var url in new[] { "/blog/2021/04/behind-a-proxy", "/feeds/all.rss", "/sitemap.xml" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Host = "evil.example";
            var text = await (await site.Browser().SendAsync(request, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
            Assert.Contains(ProxiedSite.PublicAddress + "/blog/2021/04/behind-a-proxy", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Production_without_a_public_address_refuses_to_start_and_names_the_setting()
    {
        var database = AppCommand.NewDatabasePath();
        try
        {
            var (exitCode, output) = await AppCommand.RunAsync(database, [], new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Site__BaseUrl"] = null });

            Assert.Equal(1, exitCode);
            Assert.Contains("Site:BaseUrl (environment variable Site__BaseUrl) must be set", output, StringComparison.Ordinal);
        }
        finally
        {
            AppCommand.DeleteDatabase(database);
        }
    }
}
