using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PPRNet.Web.Data;

namespace PPRNet.Web.Shared;

/// <summary>Public pages are the same for every reader until the archive changes, so they are kept
/// in ASP.NET Core's output cache (never for signed-in editors), varied by the date so that a
/// scheduled summary appears on its day, and dropped the moment anything readers see is saved.</summary>
public static class PublicPageCache
{
    public const string Policy = "public";
    public const string Tag = "public-pages";

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        var enabled = configuration.GetValue("OutputCache:Enabled", true);
        services.AddSingleton<PublicPageCacheEviction>();
        return services.AddOutputCache(options => options.AddPolicy(Policy, policy =>
        {
            if (!enabled)
            {
                policy.NoCache();
                return;
            }

            policy.Expire(TimeSpan.FromMinutes(10)).Tag(Tag)
                .VaryByValue(context => new KeyValuePair<string, string>("today",
                    context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }));
    }
}

/// <summary>Drops the cached public pages after a save that touched anything readers see; inside a
/// transaction, after it commits, so no reader can cache the state before it.</summary>
public sealed class PublicPageCacheEviction(IOutputCacheStore store) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly Type[] PublicEntities = [typeof(Summary), typeof(MonthIssue), typeof(Topic), typeof(ResearchType), typeof(SlugAlias)];
    private readonly ConditionalWeakTable<DbContext, object> pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && context.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && (PublicEntities.Contains(e.Metadata.ClrType) || e.Metadata.Name == "SummaryTopics")))
        {
            pending.AddOrUpdate(context, this);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            await EvictIfPendingAsync(context, cancellationToken);
        }

        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            await EvictIfPendingAsync(context, cancellationToken);
        }
    }

    private async Task EvictIfPendingAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (pending.Remove(context))
        {
            await store.EvictByTagAsync(PublicPageCache.Tag, cancellationToken);
        }
    }
}
