using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;

namespace PPRNet.Web.Localization;

public static class SiteLanguages
{
    public static IServiceCollection AddSiteLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<IStringLocalizer<Ui>, UiText>();
        // A page written as prose (the guides) has a view per language: Name.fr.cshtml beside Name.cshtml.
        services.Configure<RazorViewEngineOptions>(options =>
            options.ViewLocationExpanders.Add(new LanguageViewLocationExpander(LanguageViewLocationExpanderFormat.Suffix)));
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
        // Not UsePathBase: on a WebApplication it matches the route at once, before the later
        // middleware (HEAD answered as GET, the status-code pages) has had its turn.
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (!request.Path.StartsWithSegments(SiteLanguage.FrenchPathBase, StringComparison.OrdinalIgnoreCase,
                out var matched, out var rest))
            {
                return next(context);
            }

            return UnderPathBase(context, next, request.PathBase.Add(matched), rest);
        });
        return app.UseRequestLocalization();
    }

    private static async Task UnderPathBase(HttpContext context, RequestDelegate next, PathString pathBase, PathString path)
    {
        var request = context.Request;
        var (originalBase, originalPath) = (request.PathBase, request.Path);
        (request.PathBase, request.Path) = (pathBase, path.HasValue ? path : "/");
        try
        {
            await next(context);
        }
        finally
        {
            (request.PathBase, request.Path) = (originalBase, originalPath);
        }
    }

    public static bool IsFrenchAddress(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.PathBase.Value?.EndsWith(SiteLanguage.FrenchPathBase, StringComparison.OrdinalIgnoreCase) == true;
    }
}
