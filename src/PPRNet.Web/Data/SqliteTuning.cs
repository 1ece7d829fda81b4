using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PPRNet.Web.Data;

/// <summary>Per-connection SQLite settings. Summaries are wide rows, so a page that reads a few
/// columns of twenty rows still touches twenty pages: memory-mapped reads and a larger page cache
/// serve those from memory instead of a system call each.</summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -32768;";

    // Keyed by SQLite's own handle: pooled connections are opened for every query, but the
    // settings stay with the handle, so they are applied once per handle.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> tuned = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    private void Apply(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } && tuned.TryAdd(handle, this))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

}
