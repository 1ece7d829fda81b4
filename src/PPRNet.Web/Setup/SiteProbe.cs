using System.Net;

namespace PPRNet.Web.Setup;

/// <summary>Whether this site is serving on the addresses it is configured to listen on, asked as
/// a load balancer would: GET /healthz answering 200 "Healthy". `restore` uses it so as not to pull
/// the database out from under a running site.</summary>
public static class SiteProbe
{
    /// <summary>Where Kestrel listens, read as Kestrel reads it: endpoints under `Kestrel:Endpoints`
    /// win over `urls` (`Urls`, ASPNETCORE_URLS, DOTNET_URLS), which win over `http_ports` and
    /// `https_ports`; with none of them, http://localhost:5000. Wildcard hosts (`*`, `+`, 0.0.0.0,
    /// [::]) are asked at localhost. A command line's `--urls` is not seen by a command: set
    /// ASPNETCORE_URLS for it instead.</summary>
    public static IReadOnlyList<Uri> ConfiguredAddresses(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"]).OfType<string>().ToList();
        var urls = endpoints.Count > 0 ? endpoints : Split(configuration["urls"]);
        if (urls.Count == 0)
        {
            urls = [.. Split(configuration["http_ports"]).Select(port => $"http://localhost:{port}"),
                .. Split(configuration["https_ports"]).Select(port => $"https://localhost:{port}")];
        }

        if (urls.Count == 0)
        {
            urls = ["http://localhost:5000"];
        }

        var addresses = new List<Uri>();
        foreach (var url in urls)
        {
            BindingAddress binding;
            try
            {
                binding = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                continue; // the site itself would not start on it
            }

            if (binding.IsUnixPipe || binding.Port == 0)
            {
                continue; // nothing to dial over TCP
            }

            var host = binding.Host is "*" or "+" or "0.0.0.0" or "[::]" or "" ? "localhost" : binding.Host;
            var address = new UriBuilder(binding.Scheme, host, binding.Port).Uri;
            if (!addresses.Contains(address))
            {
                addresses.Add(address);
            }
        }

        return addresses;
    }

    /// <summary>The first address at which this site answers its health probe, or null when none
    /// does within <paramref name="timeout"/> (refused, silent, or something else answering).</summary>
    public static async Task<Uri?> AnsweringAtAsync(IReadOnlyList<Uri> addresses, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        using var handler = new SocketsHttpHandler { ConnectTimeout = timeout, UseProxy = false, AllowAutoRedirect = false };
        // The site's own address on this machine, often with a development or self-signed
        // certificate: nothing secret is sent, and only the answer to "are you up?" is read.
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        using var http = new HttpClient(handler) { Timeout = timeout };
        var probes = addresses.Select(address => AnswersAsync(http, address, cancellationToken)).ToList();
        var answers = await Task.WhenAll(probes);
        return addresses.Where((_, i) => answers[i]).FirstOrDefault();
    }

    /// <summary>A `;`-separated setting as its entries, as Kestrel splits `urls` and the ports.</summary>
    private static List<string> Split(string? setting) =>
        [.. (setting ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>An address as the operator wrote it: scheme, host and port.</summary>
    public static string Display(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.GetLeftPart(UriPartial.Authority);
    }

    private static async Task<bool> AnswersAsync(HttpClient http, Uri address, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(address, HealthChecks.LivePath), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK
                && (await response.Content.ReadAsStringAsync(cancellationToken)).Trim()
                    == nameof(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false; // nothing listening, or not in time: not a running site
        }
    }
}
