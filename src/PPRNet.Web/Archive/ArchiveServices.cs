using PPRNet.Web.Feeds;
using PPRNet.Web.Search;

namespace PPRNet.Web.Archive;

public static class ArchiveServices
{
    /// <summary>What readers see: the archive and its facets, search and feeds (the taxonomy they
    /// share is the data's, <see cref="Setup.BlogServices.AddBlogData"/>, as saves refresh it).</summary>
    public static IServiceCollection AddArchive(this IServiceCollection services)
    {
        services.AddScoped<Facets>();
        services.AddScoped<ArchiveReader>();
        services.AddScoped<SearchReader>();
        services.AddScoped<FeedWriter>();
        return services;
    }
}
