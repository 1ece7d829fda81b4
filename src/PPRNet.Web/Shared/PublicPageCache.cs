using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using PPRNet.Web.Data;

namespace PPRNet.Web.Shared;

/// <summary>Public pages are the same for every reader until the archive changes, so they are kept
/// in ASP.NET Core's output cache (never for signed-in editors), varied by the date so that a
/// scheduled summary appears on its day. Each page is tagged with what it shows
/// (<see cref="CacheTags"/>), and a save evicts only the pages it can change.</summary>
public static class PublicPageCache
{
    public const string Policy = "public";

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddSingleton<PublicPageCacheEviction>();
        // Read from the app's configuration when first needed, so hosts and tests that add
        // settings after services are registered can still turn the cache off.
        services.AddSingleton(provider => new PublicPageCacheSettings(
            provider.GetRequiredService<IConfiguration>().GetValue("OutputCache:Enabled", true)));
        return services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy
            .With(context => context.HttpContext.RequestServices.GetRequiredService<PublicPageCacheSettings>().Enabled)
            .Expire(TimeSpan.FromMinutes(10)).Tag(CacheTags.All)
            .VaryByValue(context => new KeyValuePair<string, string>("today",
                context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))));
    }

    /// <summary>Adds tags to the page being produced; they are stored with it if it is cached.</summary>
    public static void TagPage(this HttpContext context, params IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IOutputCacheFeature>()?.Context.Tags is { } pageTags)
        {
            pageTags.UnionWith(tags);
        }
    }
}

public sealed record PublicPageCacheSettings(bool Enabled);

/// <summary>What a cached page shows, as output-cache tags.</summary>
public static class CacheTags
{
    /// <summary>Every public page.</summary>
    public const string All = "public-pages";

    /// <summary>Pages that depend on which summaries are public and in what order: home, every
    /// archive page (their filter counts), topics, search, feeds and the sitemap. A summary's own
    /// page is not one of them: it changes only with itself, its neighbours and its topics.</summary>
    public const string Structure = "structure";

    public const string Search = "search";
    public const string Sitemap = "sitemap";

    public static string Summary(int id) => $"summary:{id}";

    public static IEnumerable<string> Summaries(IEnumerable<int> ids) => ids.Select(Summary);

    /// <summary>A summary's own page (as opposed to every page that shows the summary).</summary>
    public static string Page(int id) => $"page:{id}";

    /// <summary>A month's page, and home while it is the latest month.</summary>
    public static string Month(string month) => $"month:{month}";

    /// <summary>Summary pages whose "More on this topic" reads this topic.</summary>
    public static string Topic(int topicId) => $"topic:{topicId}";
}

/// <summary>Evicts the cached pages a save can change, after the save commits (so no reader can
/// cache the state before it). A change readers see only on the summary's page and where it is
/// listed (its text) evicts those pages, search and the sitemap; a change of what is public or of
/// its place in the archive (status, trash, date, month, slug, title, type, topics) also evicts
/// the pages that list or count the archive, its old and new month and the months beside them,
/// and the summary pages that relate to it by topic. Taxonomy changes evict everything.</summary>
public sealed class PublicPageCacheEviction(IOutputCacheStore store, Archive.TaxonomyCache taxonomy, TimeProvider clock) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Past this many changed summaries (an import), evicting everything is cheaper.</summary>
    private const int MaxTracked = 200;

    private static readonly string[] StructuralProperties =
        [nameof(Summary.Status), nameof(Summary.DeletedAt), nameof(Summary.PublishedOn), nameof(Summary.Month),
         nameof(Summary.Slug), nameof(Summary.Title), nameof(Summary.ResearchTypeId)];

    private readonly ConditionalWeakTable<DbContext, HashSet<string>> pending = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            var tags = await ChangedTagsAsync(context, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
            if (tags.Count > 0)
            {
                pending.GetOrCreateValue(context).UnionWith(tags);
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            await EvictPendingAsync(context, cancellationToken);
        }

        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            await EvictPendingAsync(context, cancellationToken);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            pending.Remove(context);
        }

        return Task.CompletedTask;
    }

    private async Task EvictPendingAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (pending.TryGetValue(context, out var tags))
        {
            pending.Remove(context);
            if (tags.Contains(CacheTags.All))
            {
                taxonomy.Clear();
            }

            foreach (var tag in tags.Contains(CacheTags.All) ? [CacheTags.All] : tags)
            {
                await store.EvictByTagAsync(tag, cancellationToken);
            }
        }
    }

    private static async Task<HashSet<string>> ChangedTagsAsync(DbContext context, DateOnly today, CancellationToken cancellationToken)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Count(e => e.Entity is Summary) > MaxTracked
            || changed.Any(e => e.Entity is Topic or ResearchType or SlugAlias))
        {
            tags.Add(CacheTags.All);
            return tags;
        }

        var months = new HashSet<string>(StringComparer.Ordinal);
        var restructured = new List<int>();
        var placed = new List<Summary>();
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case Summary summary:
                    tags.Add(CacheTags.Search);
                    tags.Add(CacheTags.Sitemap);
                    if (entry.State != EntityState.Added)
                    {
                        tags.Add(CacheTags.Summary(summary.Id));
                    }

                    if (entry.State is EntityState.Added or EntityState.Deleted
                        || StructuralProperties.Any(p => entry.Property(p).IsModified))
                    {
                        tags.Add(CacheTags.Structure);
                        months.Add((string)entry.Property(nameof(Summary.Month)).OriginalValue!);
                        months.Add(summary.Month);
                        if (entry.State != EntityState.Added)
                        {
                            restructured.Add(summary.Id);
                        }

                        if (entry.State != EntityState.Deleted && summary is { Status: SummaryStatus.Published, DeletedAt: null })
                        {
                            placed.Add(summary);
                        }
                    }

                    break;
                case MonthIssue issue:
                    tags.Add(CacheTags.Month(issue.Month));
                    break;
                case Dictionary<string, object> link when entry.Metadata.Name == "SummaryTopics":
                    tags.Add(CacheTags.Structure);
                    tags.Add(CacheTags.Search);
                    tags.Add(CacheTags.Topic((int)entry.Property("TopicsId").CurrentValue!));
                    if (entry.Property("SummariesId").CurrentValue is int id and > 0)
                    {
                        tags.Add(CacheTags.Summary(id));
                        restructured.Add(id);
                    }

                    break;
            }
        }

        if (restructured.Count > 0 || months.Count > 0)
        {
            await AddNeighbourTagsAsync(context, today, restructured, placed, months, tags, cancellationToken);
        }

        return tags;
    }

    /// <summary>What else a summary's new place changes: summary pages of its topics ("More on this
    /// topic"), the pages of the summaries it now sits between (their previous/next links; the
    /// pages that linked to it before carry its own tag), and the months beside its months.</summary>
    private static async Task AddNeighbourTagsAsync(DbContext context, DateOnly today, List<int> summaryIds, List<Summary> placed, HashSet<string> months, HashSet<string> tags, CancellationToken cancellationToken)
    {
        var connection = context.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            foreach (var id in summaryIds.Distinct())
            {
                foreach (var topic in await ReadAsync(context, connection, "SELECT 0, TopicsId FROM SummaryTopics WHERE SummariesId = $value", cancellationToken, new Microsoft.Data.Sqlite.SqliteParameter("$value", id)))
                {
                    tags.Add(CacheTags.Topic(Convert.ToInt32(topic.Value, System.Globalization.CultureInfo.InvariantCulture)));
                }
            }

            foreach (var summary in placed)
            {
                var rows = await ReadAsync(context, connection, Archive.ArchiveOrder.NeighboursSql, cancellationToken,
                    Archive.ArchiveOrder.NeighbourParameters(today, summary.Month, summary.PublishedOn, summary.Title, summary.Id));
                foreach (var neighbour in rows.GroupBy(r => r.Rank <= 3).Select(g => g.MinBy(r => r.Rank)!))
                {
                    tags.Add(CacheTags.Page(Convert.ToInt32(neighbour.Value, System.Globalization.CultureInfo.InvariantCulture)));
                }
            }

            foreach (var month in months)
            {
                tags.Add(CacheTags.Month(month));
                foreach (var beside in await ReadAsync(context, connection,
                             "SELECT 0, MAX(Month) FROM MonthCounts WHERE Month < $value AND Count > 0 UNION ALL SELECT 0, MIN(Month) FROM MonthCounts WHERE Month > $value AND Count > 0",
                             cancellationToken, new Microsoft.Data.Sqlite.SqliteParameter("$value", month)))
                {
                    tags.Add(CacheTags.Month((string)beside.Value));
                }
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    // Plain ADO on EF's own connection and transaction: EF is in the middle of SaveChanges.
    // Every query here selects a rank (or 0) and then a value.
    private static async Task<List<(long Rank, object Value)>> ReadAsync(DbContext context, DbConnection connection, string sql, CancellationToken cancellationToken, params Microsoft.Data.Sqlite.SqliteParameter[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        command.Parameters.AddRange(parameters);
        var values = new List<(long, object)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!reader.IsDBNull(1))
            {
                values.Add((reader.GetInt64(0), reader.GetValue(1)));
            }
        }

        return values;
    }
}
