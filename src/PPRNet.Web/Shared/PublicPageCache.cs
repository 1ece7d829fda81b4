using Microsoft.AspNetCore.OutputCaching;

namespace PPRNet.Web.Shared;

/// <summary>Public pages are the same for every reader until the archive changes, so they are kept
/// in ASP.NET Core's output cache (never for signed-in editors), varied by the date so that a
/// scheduled summary appears on its day. Each page is tagged with what it shows
/// (<see cref="CacheTags"/>), and a save evicts only the pages it can change.</summary>
public static class PublicPageCache
{
    public const string Policy = "public";

    public const string XKey = "xkey";
    public const string SurrogateKey = "Surrogate-Key";

    /// <summary>How long a kept page (and its validators, <see cref="PageValidators"/>) is trusted
    /// without an eviction.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddSingleton<PublicPageCacheEviction>();
        services.AddSingleton<PageValidators>();
        services.AddSingleton<SecondRequestAdmission>();
        // Read from the app's configuration when first needed, so hosts and tests that add
        // settings after services are registered can still turn the cache off.
        services.AddSingleton(provider => new PublicPageCacheSettings(
            provider.GetRequiredService<IConfiguration>().GetValue("OutputCache:Enabled", true)));
        // Bounded in memory whatever the archive's size: the least recently used pages go first
        // past OutputCache:SizeLimitMiB, and a page over OutputCache:MaxPageKiB is not stored.
        services.AddOptions<OutputCacheOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.SizeLimit = configuration.GetValue("OutputCache:SizeLimitMiB", 64L) * 1024 * 1024;
            options.MaximumBodySize = configuration.GetValue("OutputCache:MaxPageKiB", 1024L) * 1024;
        });
        return services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy
            .With(context => context.HttpContext.RequestServices.GetRequiredService<PublicPageCacheSettings>().Enabled)
            .Expire(Lifetime).Tag(CacheTags.All).AddPolicy<SecondRequestAdmission>()
            .SetVaryByHeader(Microsoft.Net.Http.Headers.HeaderNames.AcceptEncoding)
            .VaryByValue(context => new KeyValuePair<string, string>("today",
                context.RequestServices.GetRequiredService<TimeProvider>()
                    .GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))));
    }

    /// <summary>Adds tags to the page being produced; they are stored with it if it is cached.</summary>
    public static void TagPage(this HttpContext context, params IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(context);
        var added = tags.ToList();
        if (context.Features.Get<IOutputCacheFeature>()?.Context.Tags is { } pageTags)
        {
            pageTags.UnionWith(added);
        }

        // The same tags for the caches outside: Varnish's xkey, and Surrogate-Key for CDNs that read it.
        if (HttpCaching.IsPublicRequest(context) && !context.Response.HasStarted)
        {
            var all = context.Response.Headers[XKey].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Union(added.Prepend(CacheTags.All)).ToList();
            context.Response.Headers[XKey] = string.Join(' ', all);
            context.Response.Headers[SurrogateKey] = string.Join(' ', all);
        }
    }
}

public sealed record PublicPageCacheSettings(bool Enabled);
