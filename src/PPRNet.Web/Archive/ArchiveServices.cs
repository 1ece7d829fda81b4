using PPRNet.Web.Feeds;
using PPRNet.Web.Search;

namespace PPRNet.Web.Archive;

public static class ArchiveServices
{
    /// <summary>What readers see: the archive and its facets, search and feeds.</summary>
    public static IServiceCollection AddArchive(this IServiceCollection services)
    {
        services.AddSingleton<TaxonomyCache>();
        services.AddScoped<Facets>();
        services.AddScoped<ArchiveReader>();
        services.AddScoped<SearchReader>();
        services.AddScoped<FeedWriter>();
        return services;
    }
}
