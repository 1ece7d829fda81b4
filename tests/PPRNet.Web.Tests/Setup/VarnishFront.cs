using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>deploy/varnish.vcl for real: Debian's varnishd (with varnish-modules' xkey) on a loopback
/// port in front of the app, which purges it after every save (Cdn:PurgeUrls). Only the backend port
/// is changed in the VCL.</summary>
public sealed class VarnishFront : IAsyncLifetime
{
    public const string Varnishd = "/usr/sbin/varnishd";
    public const string Password = "correct horse battery staple";
    public const string Email = "admin@example.org";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "pprnet-tests", "varnish-" + Guid.NewGuid().ToString("N"));
    private readonly int port = AppServer.FreePort();
    private Process? varnish;

    public AppServer? App { get; private set; }

    public string Address => $"http://127.0.0.1:{port}";

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(Varnishd), "varnishd is not installed (apt-get install varnish varnish-modules; .ci/run installs them).");
        Directory.CreateDirectory(folder);
        var database = AppCommand.NewDatabasePath();
        var (created, output) = await AppCommand.RunAsync(database, ["create-admin", "--email", Email],
            new Dictionary<string, string?> { ["PPRNET_ADMIN_PASSWORD"] = Password });
        Assert.True(created == 0, output);
        // Varnish first, so the purge of the app's start-up import reaches it like every later one.
        var appPort = AppServer.FreePort();
        var vcl = (await File.ReadAllTextAsync(Repository.PathTo("deploy", "varnish.vcl"), TestContext.Current.CancellationToken))
            .Replace(".port = \"5000\";", $".port = \"{appPort}\";", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "site.vcl"), vcl, TestContext.Current.CancellationToken);
        var start = new ProcessStartInfo(Varnishd) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[]
        {
            "-F", "-j", "none", "-n", Path.Combine(folder, "work"), "-a", $"127.0.0.1:{port}", "-f", Path.Combine(folder, "site.vcl"),
            "-s", "malloc,64m",
        }.Concat(await DeployedParametersAsync()))
        {
            start.ArgumentList.Add(arg);
        }

        varnish = Process.Start(start)!;
        varnish.OutputDataReceived += (_, _) => { };
        varnish.BeginOutputReadLine();
        using var client = Client();
        await Eventually.Async(
            async () =>
            {
                if (varnish.HasExited)
                {
                    throw new InvalidOperationException("varnishd exited: " + await varnish.StandardError.ReadToEndAsync());
                }

                try
                {
                    // No app behind it yet: Varnish itself answering (503) is enough.
                    await client.GetAsync(new Uri(Address + "/healthz"));
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(30), $"Varnish answers at {Address}");
        App = await AppServer.StartAsync(Address, database, new Dictionary<string, string> { ["Cdn__PurgeUrls__0"] = Address + "/" },
            port: appPort);
        await Eventually.Async(
            async () => (await client.GetAsync(new Uri(Address + "/healthz"))).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), $"the app answers through Varnish at {Address}");
    }

    /// <summary>The -p parameters deploy/varnish.service.conf runs varnishd with, so the tests run
    /// what is deployed.</summary>
    private static async Task<string[]> DeployedParametersAsync()
    {
        var unit = await File.ReadAllTextAsync(Repository.PathTo("deploy", "varnish.service.conf"), TestContext.Current.CancellationToken);
        return [.. Regex.Matches(unit, @"^\s*-p\s+(\S+)", RegexOptions.Multiline).SelectMany(m => new[] { "-p", m.Groups[1].Value })];
    }

    public static HttpClient Client(CookieContainer? cookies = null) => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
    });

    public async ValueTask DisposeAsync()
    {
        if (varnish is { HasExited: false })
        {
            varnish.Kill(entireProcessTree: true);
            await varnish.WaitForExitAsync();
        }

        varnish?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
