using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace PPRNet.Web.Data;

/// <summary>Fixed statements read as plain rows, inside the context's transaction when it has one,
/// without EF's query pipeline. For start-up and import checks: the pipeline's first use (compiling
/// the query, its shaper and the tracker's snapshots) cost more than a re-import of an unchanged
/// archive has to do. Anything that loads entities to change them still goes through EF.</summary>
public static class DatabaseRows
{
    public static async Task<List<T>> ReadRowsAsync<T>(
        this DatabaseFacade database, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(read);
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = database.GetDbConnection().CreateCommand();
            // Callers pass fixed statements with no input in them.
#pragma warning disable CA2100
            command.CommandText = sql;
#pragma warning restore CA2100
            command.Transaction = database.CurrentTransaction?.GetDbTransaction();
            var rows = new List<T>();
            // SQLite answers synchronously either way, and the async reader costs more on every row.
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    public static async Task<long> ReadNumberAsync(this DatabaseFacade database, string sql, CancellationToken cancellationToken) =>
        (await database.ReadRowsAsync(sql, row => row.GetInt64(0), cancellationToken)).Single();
}
