using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PPRNet.Web.Data;

/// <summary>Per-connection SQLite settings. Summaries are wide rows, so a page that reads a few
/// columns of twenty rows still touches twenty pages: a larger page cache (8 MB a connection
/// rather than 2) serves the hot ones from memory. Memory-mapped reads were tried and dropped:
/// they put the whole database file into the server's resident memory. Temporary data stays in
/// memory: each insert of a bulk import keeps the pages it changes in a statement journal, which
/// SQLite otherwise writes to a temporary file past 64 KB (half a million writes for a 10k
/// import, a tenth of its time: README, "Statement journals in memory").</summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA cache_size = -8192; PRAGMA temp_store = MEMORY;";

    // Keyed by SQLite's own handle: pooled connections are opened for every query, but the
    // settings stay with the handle, so they are applied once per handle.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> tuned = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => ApplyOnce(connection);

    private void ApplyOnce(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } && tuned.TryAdd(handle, this))
        {
            Apply(connection);
        }
    }

    /// <summary>The settings, on a connection opened outside EF (<see cref="PreparedStatements"/>).</summary>
    public static void Apply(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            // Search's ranking is a function of the connection, like these settings.
            Search.SearchRanking.Register(sqlite);
        }
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        ApplyOnce(connection);
        return Task.CompletedTask;
    }

    /// <summary>Process-wide settings, applied before SQLite starts (later calls change nothing).
    /// SQLite's memory statistics take one global lock on every allocation, which every request's
    /// statements then queue on; nothing here reads those statistics.</summary>
    public static void ApplyToProcess()
    {
        SQLitePCL.Batteries_V2.Init();
        _ = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }
}
