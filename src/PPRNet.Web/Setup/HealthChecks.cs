using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PPRNet.Web.Data;

namespace PPRNet.Web.Setup;

/// <summary>`/healthz`: the process answers. `/readyz`: the database answers and has every
/// migration this build knows. Neither is ever cached.</summary>
public static class HealthChecks
{
    private const string Ready = "ready";

    /// <summary>Answers 200 "Healthy" while the process is up; `restore` asks it too (SiteProbe).</summary>
    public const string LivePath = "/healthz";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<BlogDbContext>("database", tags: [Ready])
            .AddCheck<MigratedCheck>("migrations", tags: [Ready]);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).DisableHttpMetrics();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        return app;
    }

    private sealed class MigratedCheck(BlogDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migrations not applied");
        }
    }
}
