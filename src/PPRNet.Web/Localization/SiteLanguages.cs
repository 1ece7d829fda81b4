using Microsoft.AspNetCore.Localization;

namespace PPRNet.Web.Localization;

public static class SiteLanguages
{
    public static IServiceCollection AddSiteLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(SiteLanguage.English);
            options.SupportedCultures = options.SupportedUICultures = [SiteLanguage.English, SiteLanguage.French];
            // Only the address chooses: a cookie or Accept-Language would give one URL two languages,
            // and a cache or a crawler would keep whichever came first.
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(context => Task.FromResult(IsFrenchAddress(context.Request)
                    ? new ProviderCultureResult(SiteLanguage.French.Name)
                    : null)),
            ];
            options.ApplyCurrentCultureToResponseHeaders = true;
        });
        return services;
    }

    /// <summary>French pages: <c>/fr/...</c> is the same page as <c>/...</c>, under a path base, so
    /// routes, links made by routing, error pages and the caches' keys all follow it.</summary>
    public static IApplicationBuilder UseSiteLanguages(this IApplicationBuilder app)
    {
        app.UsePathBase(SiteLanguage.FrenchPathBase);
        return app.UseRequestLocalization();
    }

    public static bool IsFrenchAddress(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.PathBase.Value?.EndsWith(SiteLanguage.FrenchPathBase, StringComparison.OrdinalIgnoreCase) == true;
    }
}
