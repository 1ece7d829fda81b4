namespace PPRNet.Web.Import;

public static class ImportServices
{
    /// <summary>The import of content/ (summaries, intros and the taxonomy) and its reverse, the
    /// export of the archive in the same format.</summary>
    public static IServiceCollection AddContentImport(this IServiceCollection services)
    {
        services.AddScoped<ContentImporter>();
        services.AddScoped<MonthIntroImporter>();
        services.AddScoped<Admin.ArchiveExporter>();
        return services;
    }
}
