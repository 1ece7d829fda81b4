using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Parser;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>deploy/nginx.conf for real: Debian's nginx with a self-signed certificate in front of
/// the app on a loopback port, only the ports, names and file paths changed.</summary>
public sealed class NginxFront : IAsyncLifetime
{
    private const string Nginx = "/usr/sbin/nginx";
    public const string Password = "correct horse battery staple";
    public const string Email = "admin@example.org";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "pprnet-tests", "nginx-" + Guid.NewGuid().ToString("N"));
    private readonly int httpPort = AppServer.FreePort();
    private readonly int httpsPort = AppServer.FreePort();
    private AppServer? app;
    private Process? nginx;

    public string PublicAddress => $"https://localhost:{httpsPort}";

    public int HttpPort => httpPort;

    public bool Running => nginx is not null;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Nginx))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await RunAsync("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-keyout", Path.Combine(folder, "site.key"), "-out", Path.Combine(folder, "site.crt"));
        var database = AppCommand.NewDatabasePath();
        var (created, output) = await AppCommand.RunAsync(database, ["create-admin", "--email", Email],
            new Dictionary<string, string?> { ["PPRNET_ADMIN_PASSWORD"] = Password });
        Assert.True(created == 0, output);
        app = await AppServer.StartAsync(PublicAddress, database);

        var site = (await File.ReadAllTextAsync(Repository.PathTo("deploy", "nginx.conf"), TestContext.Current.CancellationToken))
            // Straight to the app: Varnish between them is tested on its own (VarnishTests).
            .Replace("server 127.0.0.1:6081;", $"server 127.0.0.1:{app.Port};", StringComparison.Ordinal)
            .Replace("listen [::]:80;", "", StringComparison.Ordinal)
            .Replace("listen [::]:443 ssl http2;", "", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{httpPort};", StringComparison.Ordinal)
            .Replace("listen 443 ssl http2;", $"listen 127.0.0.1:{httpsPort} ssl http2;", StringComparison.Ordinal)
            .Replace("https://$server_name$request_uri", $"https://$server_name:{httpsPort}$request_uri", StringComparison.Ordinal)
            .Replace("blog.example.org", "localhost", StringComparison.Ordinal)
            .Replace("/etc/ssl/certs/pprnet.crt", Path.Combine(folder, "site.crt"), StringComparison.Ordinal)
            .Replace("/etc/ssl/private/pprnet.key", Path.Combine(folder, "site.key"), StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "site.conf"), site, TestContext.Current.CancellationToken);
        var user = Environment.UserName == "root" ? "user root;" : "";
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            {{user}}
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/site.conf;
            }
            """, TestContext.Current.CancellationToken);
        nginx = Process.Start(new ProcessStartInfo(Nginx)
        {
            ArgumentList = { "-p", folder, "-c", Path.Combine(folder, "nginx.conf") },
            RedirectStandardError = true,
        })!;
        await WaitForNginxAsync();
    }

    private async Task WaitForNginxAsync()
    {
        using var client = Client();
        await Eventually.Async(
            async () =>
            {
                try
                {
                    await client.GetAsync(new Uri(PublicAddress + "/healthz"), TestContext.Current.CancellationToken);
                    return true;
                }
                catch (HttpRequestException) when (!nginx!.HasExited)
                {
                    return false;
                }
                catch (HttpRequestException)
                {
                    throw new InvalidOperationException(
                        "nginx did not start: " + await nginx!.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
                }
            },
            TimeSpan.FromSeconds(10), $"nginx answers at {PublicAddress}");
    }

    public async ValueTask DisposeAsync()
    {
        if (nginx is { HasExited: false })
        {
            // The whole tree: killing the master alone leaves its worker running, holding the port.
            nginx.Kill(entireProcessTree: true);
            await nginx.WaitForExitAsync();
        }

        nginx?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, await errors);
    }

    // The certificate is the test's own, made a moment ago.
#pragma warning disable CA5359
    public static HttpClient Client() => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ServerCertificateCustomValidationCallback = (_, _, _, _) => true,
    });
#pragma warning restore CA5359
}

public sealed class NginxTests(NginxFront front) : IClassFixture<NginxFront>
{
    private string PublicAddress => front.PublicAddress;

    private static HttpClient Client() => NginxFront.Client();

    private void SkipWithoutNginx()
    {
        if (!front.Running)
        {
            Assert.Skip("nginx is not installed at /usr/sbin/nginx (apt-get install nginx; .ci/run installs it).");
        }
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        SkipWithoutNginx();
        using var client = Client();

        var response = await client.GetAsync(new Uri($"http://localhost:{front.HttpPort}/blog?page=2"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"{PublicAddress}/blog?page=2", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Over_https_the_cookies_are_secure_and_the_links_are_https()
    {
        SkipWithoutNginx();
        using var client = Client();

        var page = await client.GetAsync(new Uri(PublicAddress + "/admin/sign-in"), TestContext.Current.CancellationToken);
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pprnet.antiforgery", StringComparison.Ordinal));
        var token = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .Element("input[name=__RequestVerificationToken]").GetAttribute("value")!;
        using var signIn = new HttpRequestMessage(HttpMethod.Post, new Uri(PublicAddress + "/admin/sign-in"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Form.Email"] = NginxFront.Email,
                ["Form.Password"] = NginxFront.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        signIn.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await client.SendAsync(signIn, TestContext.Current.CancellationToken);
        var feed = await client.GetStringAsync(new Uri(PublicAddress + "/feeds/all.rss"), TestContext.Current.CancellationToken);

        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("secure", signedIn.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith("pprnet.auth=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        // No HSTS assertion here: ASP.NET Core never sends it for "localhost" (see ProxyTests).
        Assert.Contains($"<link>{PublicAddress}/blog/", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", feed.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_host_header_changes_nothing()
    {
        SkipWithoutNginx();
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(PublicAddress + "/sitemap.xml"));
        request.Headers.Host = "evil.example";

        var text = await (await client.SendAsync(request, TestContext.Current.CancellationToken))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
        Assert.Contains($"<loc>{PublicAddress}/", text, StringComparison.Ordinal);
    }
}
