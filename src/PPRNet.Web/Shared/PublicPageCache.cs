using Microsoft.AspNetCore.OutputCaching;

namespace PPRNet.Web.Shared;

/// <summary>Public pages are the same for every reader until the archive changes, so they are kept
/// in ASP.NET Core's output cache (never for signed-in editors), varied by the date so that a
/// scheduled summary appears on its day. Each page is tagged with what it shows
/// (<see cref="CacheTags"/>), and a save evicts only the pages it can change.</summary>
public static class PublicPageCache
{
    public const string Policy = "public";

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddSingleton<PublicPageCacheEviction>();
        // Read from the app's configuration when first needed, so hosts and tests that add
        // settings after services are registered can still turn the cache off.
        services.AddSingleton(provider => new PublicPageCacheSettings(
            provider.GetRequiredService<IConfiguration>().GetValue("OutputCache:Enabled", true)));
        return services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy
            .With(context => context.HttpContext.RequestServices.GetRequiredService<PublicPageCacheSettings>().Enabled)
            .Expire(TimeSpan.FromMinutes(10)).Tag(CacheTags.All)
            .VaryByValue(context => new KeyValuePair<string, string>("today",
                context.RequestServices.GetRequiredService<TimeProvider>()
                    .GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))));
    }

    /// <summary>Adds tags to the page being produced; they are stored with it if it is cached.</summary>
    public static void TagPage(this HttpContext context, params IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IOutputCacheFeature>()?.Context.Tags is { } pageTags)
        {
            pageTags.UnionWith(tags);
        }
    }
}

public sealed record PublicPageCacheSettings(bool Enabled);
