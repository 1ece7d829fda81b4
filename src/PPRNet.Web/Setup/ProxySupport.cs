using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PPRNet.Web.Setup;

/// <summary>Running behind a TLS proxy (deploy/nginx.conf): X-Forwarded-For and -Proto are believed
/// only from `ForwardedHeaders:KnownProxies` (addresses) and `ForwardedHeaders:KnownNetworks`
/// (CIDR), loopback by default, so the client address (for rate limits) and the scheme (for Secure
/// cookies and HSTS) are the original request's. The Host header is never used for links:
/// `Site:BaseUrl` is, and in Production the site refuses to start without it.</summary>
public static class ProxySupport
{
    public const string BaseUrlSetting = "Site:BaseUrl";

    public static WebApplicationBuilder AddProxySupport(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var proxies = List(configuration, "ForwardedHeaders:KnownProxies");
            var networks = List(configuration, "ForwardedHeaders:KnownNetworks");
            if (proxies.Count + networks.Count == 0)
            {
                return; // the framework's default: loopback only
            }

            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>A missing public address in Production is a configuration error worth stopping for:
    /// without it, links would be built from whatever Host a request claims.</summary>
    public static string? MissingSetting(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Environment.IsProduction() && !Uri.TryCreate(app.Configuration[BaseUrlSetting], UriKind.Absolute, out _)
            ? $"{BaseUrlSetting} (environment variable Site__BaseUrl) must be set to the site's public address, "
                + "e.g. https://blog.example.org, to run in Production."
            : null;
    }

    /// <summary>Accepts a JSON array or one comma-separated value (handy as an environment variable).</summary>
    private static List<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (section.Value is { } single)
        {
            values.AddRange(single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return values.Where(v => v.Length > 0).ToList();
    }
}
