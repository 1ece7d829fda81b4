namespace PPRNet.Web.Admin;

public static class AdminServices
{
    /// <summary>The editors' desk: summaries, intros, trash, taxonomy and signing in (export is the
    /// content's, <see cref="Import.ImportServices"/>).</summary>
    public static IServiceCollection AddEditorsDesk(this IServiceCollection services)
    {
        services.AddScoped<SummaryEditor>();
        services.AddScoped<SummaryTrash>();
        services.AddScoped<MonthIntroEditor>();
        services.AddScoped<ImportConflictResolver>();
        services.AddScoped<AdminReader>();
        services.AddScoped<TaxonomyEditor>();
        services.AddScoped<AccountCreator>();
        services.AddScoped<SignInGuard>();
        services.AddScoped<SignInThrottle>();
        services.AddSingleton<FailedSignIns>();
        return services;
    }
}
