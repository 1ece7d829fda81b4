using PPRNet.Web.History;

namespace PPRNet.Web.Summaries;

public static class SummaryServices
{
    /// <summary>The summary's core: the one Markdown pipeline, the single save path (render once,
    /// store beside the Markdown) and the history every save leaves.</summary>
    public static IServiceCollection AddSummaries(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<SummaryWriter>();
        services.AddScoped<AuditLog>();
        services.AddScoped<RevisionLog>();
        return services;
    }
}
