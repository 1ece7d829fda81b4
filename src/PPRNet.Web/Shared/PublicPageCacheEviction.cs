using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PPRNet.Web.Data;

namespace PPRNet.Web.Shared;

/// <summary>Evicts the cached pages a save can change, in two steps. While EF saves, it only notes
/// what the change tracker says changed (<see cref="PageChanges"/>): no SQL runs inside the save.
/// Once the save has committed (so no reader can cache the state before it), eviction is its own
/// step: it reads what the committed archive says about the changed summaries' places and evicts.
/// A change readers see only on the summary's page and where it is listed (its text) evicts those
/// pages, search and the sitemap; a change of what is public or of its place in the archive
/// (status, trash, date, month, slug, title, type, topics) also evicts the pages that list or count
/// the archive, its old and new month and the months beside them, the summaries it now sits
/// between, and the summary pages that relate to it by topic (whose "More on this topic" is read
/// again: <see cref="Archive.TopicWindows"/>). Taxonomy changes evict everything.</summary>
public sealed partial class PublicPageCacheEviction(
    IOutputCacheStore store, PageValidators validators, Archive.TaxonomyCache taxonomy, Archive.TopicWindows topicWindows,
    TimeProvider clock, CachePurger purger, ILogger<PublicPageCacheEviction> logger)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, PageChanges> pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            pending.GetValue(context, _ => new PageChanges()).Collect(context);
        }

        return ValueTask.FromResult(result);
    }

    /// <summary>Notes a summary a caller inserted without EF's change tracker (<see cref="RowInserter"/>)
    /// with the evictions the context saves through, as its own saves would be noted; its pages are
    /// evicted when the context's transaction commits.</summary>
    public static void Inserted(DbContext context, Summary summary)
    {
        ArgumentNullException.ThrowIfNull(context);
        var interceptors = context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];
        foreach (var eviction in interceptors.OfType<PublicPageCacheEviction>())
        {
            eviction.pending.GetValue(context, _ => new PageChanges()).Inserted(summary);
        }
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        // Without a transaction of the caller's, EF committed this save on its own.
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            await EvictPendingAsync(context, cancellationToken);
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        // Nothing was written; inside a transaction, earlier saves of it may still commit.
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            pending.Remove(context);
        }

        return Task.CompletedTask;
    }

    public async Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            await EvictPendingAsync(context, cancellationToken);
        }
    }

    public Task TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
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
        if (!pending.TryGetValue(context, out var changes))
        {
            return;
        }

        pending.Remove(context);
        var tags = changes.Tags;
        if (changes.NeedsArchive)
        {
            // Before any page is evicted, so none is rendered again from the old lists.
            topicWindows.Clear();
        }

        if (!changes.All && changes.NeedsArchive)
        {
            try
            {
                await AddNeighbourTagsAsync(context, changes, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // The save has committed; a cache that cannot tell what it holds is emptied rather
                // than the save reported as failed.
                LogNeighboursUnread(logger, e);
                tags.Add(CacheTags.All);
            }
        }

        if (changes.All || tags.Contains(CacheTags.All))
        {
            await EvictAllAsync(cancellationToken);
            return;
        }

        if (tags.Count == 0)
        {
            // Nothing a page shows (an audit entry, a subscriber): nothing to evict or announce.
            return;
        }

        validators.Evict(tags);
        foreach (var tag in tags)
        {
            await store.EvictByTagAsync(tag, cancellationToken);
        }

        purger.Enqueue(tags.ToList());
    }

    /// <summary>Every public page, here and at the shared caches, and the taxonomy read for them.</summary>
    public async Task EvictAllAsync(CancellationToken cancellationToken)
    {
        taxonomy.Clear();
        topicWindows.Clear();
        validators.Evict([CacheTags.All]);
        await store.EvictByTagAsync(CacheTags.All, cancellationToken);
        purger.Enqueue([CacheTags.All]);
    }

    /// <summary>What else a summary's new place changes, read from the committed archive: summary
    /// pages of its topics ("More on this topic"), the pages of the summaries it now sits between
    /// (their previous/next links; the pages that linked to it before carry its own tag), and the
    /// months beside its old and new months.</summary>
    private static async Task AddNeighbourTagsAsync(
        DbContext context, PageChanges changes, DateOnly today, CancellationToken cancellationToken)
    {
        var tags = changes.Tags;
        var connection = context.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            foreach (var id in changes.Restructured)
            {
                foreach (var topic in await ReadAsync(connection, "SELECT 0, TopicsId FROM SummaryTopics WHERE SummariesId = $value",
                             cancellationToken, new SqliteParameter("$value", id)))
                {
                    tags.Add(CacheTags.Topic(Convert.ToInt32(topic.Value, CultureInfo.InvariantCulture)));
                }
            }

            foreach (var summary in changes.Placed.Where(s => SummaryQueries.IsLive(s.Status, s.DeletedAt)))
            {
                // A new summary's id, read after the save: until EF accepts the changes, the entity
                // itself still holds 0 and only its entry holds the id the database gave it.
                var id = context.Entry(summary).Property(s => s.Id).CurrentValue;
                var rows = await ReadAsync(connection, Archive.ArchiveOrder.NeighboursSql, cancellationToken,
                    Archive.ArchiveOrder.NeighbourParameters(today, summary.Month, summary.PublishedOn, summary.Title, id));
                foreach (var neighbour in rows.GroupBy(r => r.Rank <= 3).Select(g => g.MinBy(r => r.Rank)!))
                {
                    tags.Add(CacheTags.Page(Convert.ToInt32(neighbour.Value, CultureInfo.InvariantCulture)));
                }
            }

            foreach (var month in changes.Months)
            {
                tags.Add(CacheTags.Month(month));
                foreach (var beside in await ReadAsync(connection,
                             "SELECT 0, MAX(Month) FROM MonthCounts WHERE Month < $value AND Count > 0 "
                             + "UNION ALL SELECT 0, MIN(Month) FROM MonthCounts WHERE Month > $value AND Count > 0",
                             cancellationToken, new SqliteParameter("$value", month)))
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

    // Plain ADO on EF's connection, after the commit and outside any transaction. Every query here
    // selects a rank (or 0) and then a value.
    private static async Task<List<(long Rank, object Value)>> ReadAsync(
        DbConnection connection, string sql, CancellationToken cancellationToken, params SqliteParameter[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read which cached pages a save changed; the whole page cache is evicted")]
    private static partial void LogNeighboursUnread(ILogger logger, Exception exception);
}
