namespace PPRNet.Web.Admin;

public static class AdminServices
{
    /// <summary>The editors' desk: summaries, intros, trash, taxonomy, export and signing in.</summary>
    public static IServiceCollection AddEditorsDesk(this IServiceCollection services)
    {
        services.AddScoped<SummaryEditor>();
        services.AddScoped<SummaryTrash>();
        services.AddScoped<MonthIntroEditor>();
        services.AddScoped<ImportConflictResolver>();
        services.AddScoped<AdminReader>();
        services.AddScoped<TaxonomyEditor>();
        services.AddScoped<AccountCreator>();
        services.AddScoped<ArchiveExporter>();
        services.AddScoped<SignInGuard>();
        services.AddScoped<SignInThrottle>();
        services.AddSingleton<FailedSignIns>();
        return services;
    }
}
