using PPRNet.Web.History;

namespace PPRNet.Web.Import;

public static class ImportServices
{
    /// <summary>The one save path (render once, store beside the Markdown), the content import and
    /// the history every save leaves.</summary>
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<SummaryWriter>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<MonthIntroImporter>();
        services.AddScoped<AuditLog>();
        services.AddScoped<RevisionLog>();
        return services;
    }
}
