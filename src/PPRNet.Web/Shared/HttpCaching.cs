using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.IO;
using Microsoft.Net.Http.Headers;

namespace PPRNet.Web.Shared;

/// <summary>The web's own caches for public pages: browsers, a reverse proxy (Varnish) and CDNs.
/// A public GET or HEAD answered 200 without a cookie or a signed-in user gets a short browser
/// lifetime, a long shared one (kept fresh by tag purges, <see cref="CachePurger"/>), a strong ETag
/// of the bytes sent (so each content coding has its own) and Vary: Accept-Encoding; a request
/// whose validator still holds gets 304 with no body. Anything personal is <c>private, no-store</c>.
/// This step runs inside the output cache, when a page is rendered: the headers are stored with the
/// page, and the output cache answers validators itself (304, nothing rendered or hashed) on a hit.
/// A page the output cache no longer holds is answered 304 from <see cref="PageValidators"/>, before
/// the output cache, while nothing it shows has changed.</summary>
public sealed class HttpCaching(RequestDelegate next, TimeProvider clock, PageValidators validators,
    RecyclableMemoryStreamManager buffers)
{
    public const string PublicCacheControl =
        "public, max-age=60, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400";

    public const string PersonalCacheControl = "private, no-store";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsPublicRequest(context))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var stamp = validators.Stamp();
        // Never earlier than the last change of anything the page shows: a save evicts the pages it
        // changes. The same bytes sent before keep their earlier time (PageValidators.Record).
        response.Headers.LastModified = clock.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
        var body = response.Body;
        // Pooled blocks: a growing MemoryStream allocated about twice each page's size, a third of
        // everything an uncached page allocated.
        using var buffer = buffers.GetStream(nameof(HttpCaching));
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            var etag = ETagOf(buffer.GetReadOnlySequence());
            response.Headers.ETag = etag;
            response.Headers.CacheControl = PublicCacheControl;
            if (!response.Headers.Vary.Any(v => v?.Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase) == true))
            {
                response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            }

            // A page that named no tags of its own is still purged with every public page.
            if (!response.Headers.ContainsKey(PublicPageCache.XKey))
            {
                response.Headers[PublicPageCache.XKey] = CacheTags.All;
                response.Headers[PublicPageCache.SurrogateKey] = CacheTags.All;
            }

            var xkey = response.Headers[PublicPageCache.XKey].ToString();
            response.Headers.LastModified = validators.Record(context.Request, stamp,
                new Validators(etag, response.Headers.LastModified.ToString(), response.Headers.Vary.ToString(), xkey),
                xkey.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (StillFresh(context.Request, etag, response.Headers.LastModified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.Headers.ContentLength = null;
                return;
            }
        }
        else if (response.StatusCode < 400)
        {
            response.Headers.CacheControl = PersonalCacheControl;
        }

        // An empty error response stays without a length, so the status-code page is still rendered for it.
        if (buffer.Length > 0)
        {
            response.Headers.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(body, context.RequestAborted);
        }
    }

    /// <summary>A strong ETag of the bytes sent: the first half of their SHA-256, in hex.</summary>
    private static string ETagOf(System.Buffers.ReadOnlySequence<byte> bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in bytes)
        {
            hash.AppendData(segment.Span);
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        hash.GetHashAndReset(digest);
        return $"\"{Convert.ToHexStringLower(digest[..16])}\"";
    }

    /// <summary>A GET or HEAD (HEAD arrives here as GET) of a page every reader sees alike: the
    /// endpoint uses the public page cache and no one is signed in.</summary>
    public static bool IsPublicRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HttpMethods.IsGet(context.Request.Method)
            && context.User.Identity?.IsAuthenticated != true
            && context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is { PolicyName: PublicPageCache.Policy };
    }

    /// <summary>Before the output cache: one Accept-Encoding value per coding for public pages, so the
    /// output cache and Varnish keep at most three copies of a page; none at all for personal pages,
    /// because compressing a secret (an antiforgery token, a signed-in page) beside what a visitor
    /// typed is how BREACH reads it. Signed-in responses get PersonalCacheControl from SecurityHeaders.</summary>
    public static Task ChooseCoding(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (IsPublicRequest(context))
        {
            context.Request.Headers.AcceptEncoding = PreferredCoding(context.Request.Headers.AcceptEncoding);
            if (context.Request.Headers.IfNoneMatch.Count + context.Request.Headers.IfModifiedSince.Count > 0
                && context.RequestServices.GetRequiredService<PageValidators>().Find(context.Request) is { } known
                && StillFresh(context.Request, known.ETag, known.LastModified))
            {
                NotModified(context.Response, known);
                return Task.CompletedTask;
            }
        }
        else if (context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
        {
            // Every other page of ours is personal or holds a form token. Static files keep their
            // coding: MapStaticAssets serves them precompressed, and they hold no secret.
            context.Request.Headers.Remove(HeaderNames.AcceptEncoding);
        }

        return next(context);
    }

    /// <summary>304 with what the page's 200 would say of it (RFC 9110 15.4.5), and its tags for Varnish.</summary>
    private static void NotModified(HttpResponse response, Validators known)
    {
        response.StatusCode = StatusCodes.Status304NotModified;
        response.Headers.ETag = known.ETag;
        response.Headers.LastModified = known.LastModified;
        response.Headers.CacheControl = PublicCacheControl;
        response.Headers.Vary = known.Vary;
        response.Headers[PublicPageCache.XKey] = known.Tags;
        response.Headers[PublicPageCache.SurrogateKey] = known.Tags;
    }

    /// <summary>RFC 9110: If-None-Match wins over If-Modified-Since; a weak comparison for 304.</summary>
    private static bool StillFresh(HttpRequest request, string etag, string? lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any)
                    || t.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false));
        }

        return HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && HeaderUtilities.TryParseDate(lastModified, out var modified)
            && modified <= since;
    }

    private static string PreferredCoding(string? acceptEncoding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding?.Split(','), out var codings))
        {
            return "";
        }

        bool Accepts(string name) => codings.Any(c => c.Value.Equals(name, StringComparison.OrdinalIgnoreCase) && c.Quality is not 0);
        return Accepts("br") ? "br" : Accepts("gzip") ? "gzip" : "";
    }
}

/// <summary>Registration and the pipeline steps of HTTP caching and compression.</summary>
public static class HttpCachingSetup
{
    /// <summary>Brotli and gzip for the text types we send, at their fastest level: a cached page is
    /// compressed once, when the output cache stores it, but a search result on every request.</summary>
    public static IServiceCollection AddHttpCaching(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes =
            [
                "text/html", "text/plain", "text/css", "text/javascript", "application/javascript", "application/json",
                "application/xml", "text/xml", "application/rss+xml", "application/atom+xml", "application/x-research-info-systems",
                "application/x-bibtex",
            ];
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        // Public responses are buffered to be hashed (HttpCaching); the blocks are reused, and what
        // the pool keeps idle is bounded.
        services.AddSingleton(new RecyclableMemoryStreamManager(new RecyclableMemoryStreamManager.Options
        {
            BlockSize = 32 * 1024,
            MaximumSmallPoolFreeBytes = 8 * 1024 * 1024,
            MaximumLargePoolFreeBytes = 8 * 1024 * 1024,
        }));
        return services;
    }

    /// <summary>Before the output cache, which keys public pages on the coding chosen here.</summary>
    public static IApplicationBuilder UseHttpCaching(this IApplicationBuilder app) => app.Use(HttpCaching.ChooseCoding);

    /// <summary>After the output cache: validators and lifetimes, computed when a page is rendered
    /// and stored with it, over the compressed bytes, so a cached page is compressed once.</summary>
    public static IApplicationBuilder UseCompressionInsideTheCache(this IApplicationBuilder app) =>
        app.UseMiddleware<HttpCaching>().UseResponseCompression();
}
