namespace PPRNet.Web.Shared;

/// <summary>Absolute links for feeds, sitemaps, canonical and Open Graph tags. `Site:BaseUrl`
/// pins the public address (behind a proxy, say); without it the request's own host is used.</summary>
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
