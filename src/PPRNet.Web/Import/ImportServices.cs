namespace PPRNet.Web.Import;

public static class ImportServices
{
    /// <summary>The import of content/: summaries, intros and the taxonomy.</summary>
    public static IServiceCollection AddContentImport(this IServiceCollection services)
    {
        services.AddScoped<ContentImporter>();
        services.AddScoped<MonthIntroImporter>();
        return services;
    }
}
