namespace PPRNet.Web.Shared;

/// <summary>Headers every response carries: a strict content security policy (the site has no
/// inline script or style, and loads nothing from elsewhere), no framing, no sniffing, a referrer
/// that stops at our origin, and no caching of anything an editor sees.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    /// <summary>An action may put a policy of its own here (the admins' email preview, whose inline
    /// styles are the email's own); anything else gets <see cref="ContentSecurityPolicy"/>.</summary>
    public const string PolicyOverride = "csp-override";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Items[PolicyOverride] as string ?? ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (IsPrivate(context))
            {
                headers.CacheControl = HttpCaching.PersonalCacheControl;
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>Editors' pages, anything a signed-in person gets, and the health probes.</summary>
    private static bool IsPrivate(HttpContext context) =>
        context.Request.Path.StartsWithSegments(SiteAreas.Admin, StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/readyz", StringComparison.OrdinalIgnoreCase)
        || context.User.Identity?.IsAuthenticated == true;

    /// <summary>HEAD is answered wherever GET is: the request runs as a GET and its body is dropped.</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    });
}
