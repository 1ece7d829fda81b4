using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;

namespace PPRNet.Web.Search;

/// <summary>The FTS5 index over summaries: an external-content table on Summaries, kept in step by
/// triggers, so whatever writes a summary (import, form, restore, trash, purge) updates the index
/// in the same transaction. It is derived data, so it is made here at start-up rather than in a
/// migration: if a later migration rebuilds the Summaries table (and so drops its triggers), the
/// next start puts them back and rebuilds the index.</summary>
public static partial class SearchIndex
{
    private const string Columns = "Title, CitationText, BodyText, ImplicationsText";

    private const string OldRow = "old.Id, old.Title, old.CitationText, old.BodyText, old.ImplicationsText";

    private static readonly (string Name, string Sql)[] Triggers =
    [
        ("Summaries_search_insert", $"""
        CREATE TRIGGER IF NOT EXISTS Summaries_search_insert AFTER INSERT ON Summaries BEGIN
          INSERT INTO SummarySearch(rowid, {Columns}) VALUES (new.Id, new.Title, new.CitationText, new.BodyText, new.ImplicationsText);
        END;
        """),
        ("Summaries_search_delete", $"""
        CREATE TRIGGER IF NOT EXISTS Summaries_search_delete AFTER DELETE ON Summaries BEGIN
          INSERT INTO SummarySearch(SummarySearch, rowid, {Columns}) VALUES ('delete', {OldRow});
        END;
        """),
        ("Summaries_search_update", $"""
        CREATE TRIGGER IF NOT EXISTS Summaries_search_update AFTER UPDATE OF {Columns} ON Summaries BEGIN
          INSERT INTO SummarySearch(SummarySearch, rowid, {Columns}) VALUES ('delete', {OldRow});
          INSERT INTO SummarySearch(rowid, {Columns}) VALUES (new.Id, new.Title, new.CitationText, new.BodyText, new.ImplicationsText);
        END;
        """),
    ];

    public static async Task EnsureAsync(BlogDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var before = await CountObjectsAsync(db, cancellationToken);
        if (before >= 1 + Triggers.Length)
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync($"""
            CREATE VIRTUAL TABLE IF NOT EXISTS SummarySearch USING fts5(
              {Columns}, content='Summaries', content_rowid='Id',
              tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
            """, cancellationToken);
        foreach (var (_, trigger) in Triggers)
        {
            await db.Database.ExecuteSqlRawAsync(trigger, cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync("INSERT INTO SummarySearch(SummarySearch) VALUES ('rebuild');", cancellationToken);
        LogRebuilt(logger);
    }

    /// <summary>Drops the triggers, for a bulk load: <see cref="EnsureAsync"/> then rebuilds the
    /// index in one pass, which is several times cheaper than indexing row by row.</summary>
    public static async Task SuspendAsync(BlogDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var (name, _) in Triggers)
        {
            var drop = $"DROP TRIGGER IF EXISTS {name};";
            await db.Database.ExecuteSqlRawAsync(drop, cancellationToken);
        }
    }

    private static Task<long> CountObjectsAsync(BlogDbContext db, CancellationToken cancellationToken) =>
        db.Database.ReadNumberAsync("""
            SELECT COUNT(*) FROM sqlite_master
            WHERE (type = 'table' AND name = 'SummarySearch') OR (type = 'trigger' AND name LIKE 'Summaries_search_%')
            """, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Built the full-text search index")]
    private static partial void LogRebuilt(ILogger logger);
}
