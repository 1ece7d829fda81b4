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
            ? $"{request.Scheme}://{request.Host}"
            : configured.TrimEnd('/');
    }

    /// <summary>The absolute form of a site path; a French path already starts with /fr.</summary>
    public string Absolute(HttpRequest request, string path) => Base(request) + path;

    /// <summary>The address a page was asked for, less any signed <c>token</c>: pages opened from a
    /// link in mail (confirm, preferences, unsubscribe) must not hand the reader's key to search
    /// engines, link previews or whoever the address is shared with through canonical or og:url.</summary>
    public static string RequestedPath(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        if (!query.ContainsKey(TokenParameter))
        {
            // Left exactly as asked for: every other page's canonical address is unchanged.
            return request.PathBase + request.Path + request.QueryString;
        }

        return request.PathBase + request.Path + QueryString.Create(query.Where(
            p => !p.Key.Equals(TokenParameter, StringComparison.OrdinalIgnoreCase)));
    }

    private const string TokenParameter = "token";
}
