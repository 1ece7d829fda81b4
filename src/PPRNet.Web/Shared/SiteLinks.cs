namespace PPRNet.Web.Shared;

/// <summary>Absolute links for feeds, sitemaps, canonical and Open Graph tags. `Site:BaseUrl`
/// pins the public address, and is required in Production (the site will not start without it),
/// so there a forged Host header never reaches a link. Elsewhere, without it, the request's own
/// host is used, for convenience on a developer's machine.</summary>
public sealed class SiteLinks(IConfiguration configuration)
{
    public const string SiteName = "PPRNet Research Blog";

    public string Base(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var configured = configuration["Site:BaseUrl"];
        return string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : configured.TrimEnd('/');
    }

    public string Absolute(HttpRequest request, string path) => Base(request) + path;
}
