using System.Net;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>A site behind a TLS proxy at a public address; each request says which peer address
/// it comes from (the test server has none of its own).</summary>
public sealed class ProxiedSite(string contentPath) : BlogSite(contentPath)
{
    public const string PublicAddress = "https://blog.example.org";
    public const string PeerHeader = PeerAddress.Header;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Site:BaseUrl"] = PublicAddress;
            return settings;
        }
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
        var html = new AngleSharp.Html.Parser.HtmlParser()
            .ParseDocument(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var token = html.Element("input[name=__RequestVerificationToken]").GetAttribute("value")!;
        var antiforgery = form.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("pprnet.antiforgery", StringComparison.Ordinal))
            .Split(';')[0];
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

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("203.0.113.9", false)]
    public async Task Forwarded_https_from_a_known_proxy_makes_cookies_secure_and_sends_hsts_and_from_anyone_else_is_ignored(
        string peer, bool believed)
    {
        var response = await SignInAsync(peer);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pprnet.auth=", StringComparison.Ordinal));
        Assert.Equal(believed, auth.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(believed, response.Headers.TryGetValues("Strict-Transport-Security", out var hsts)
            && hsts.Single().StartsWith("max-age=31536000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forged_host_header_changes_no_link()
    {
        foreach (var url in new[] { "/blog/2021/04/behind-a-proxy", "/feeds/all.rss", "/sitemaps/summaries-1.xml" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Host = "evil.example";
            var text = await (await site.Browser().SendAsync(request, TestContext.Current.CancellationToken))
                .Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
            Assert.Contains(ProxiedSite.PublicAddress + "/blog/2021/04/behind-a-proxy", text, StringComparison.Ordinal);
        }

        using var index = new HttpRequestMessage(HttpMethod.Get, "/sitemap.xml");
        index.Headers.Host = "evil.example";
        var sitemap = await (await site.Browser().SendAsync(index, TestContext.Current.CancellationToken))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("evil.example", sitemap, StringComparison.Ordinal);
        Assert.Contains(ProxiedSite.PublicAddress + "/sitemaps/summaries-1.xml", sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_without_a_public_address_refuses_to_start_and_names_the_setting()
    {
        var database = AppCommand.NewDatabasePath();
        try
        {
            var (exitCode, output) = await AppCommand.RunAsync(database, [],
                new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Site__BaseUrl"] = null });

            Assert.Equal(1, exitCode);
            Assert.Contains("Site:BaseUrl (environment variable Site__BaseUrl) must be set", output, StringComparison.Ordinal);
        }
        finally
        {
            AppCommand.DeleteDatabase(database);
        }
    }
}
