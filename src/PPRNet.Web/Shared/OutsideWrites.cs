using System.Globalization;
using Microsoft.Data.Sqlite;
using PPRNet.Web.Data;

namespace PPRNet.Web.Shared;

/// <summary>Changes another process made to the site's database, such as an import from the command
/// line. The site's own saves evict exactly the pages they change (<see cref="PublicPageCacheEviction"/>),
/// but it cannot see another process's saves, and its cache would keep the old pages and hand them to
/// Varnish again after that process's purge. So such a process raises a number in the database file's
/// header (SQLite's <c>user_version</c>, which nothing else here uses) after it commits, and the site
/// reads it every two seconds: when it has moved, every page is evicted here and purged at the
/// shared caches.</summary>
public sealed partial class OutsideWrites(
    PreparedStatements statements, PublicPageCacheEviction eviction, ILogger<OutsideWrites> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>Called by the other process once its changes have committed; past
    /// <paramref name="after"/> too, for a database replaced by a restore that may have held a larger number.</summary>
    public static async Task AnnounceAsync(string connectionString, long after, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // Read and raised in one write transaction, so two processes announcing at once both count.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var next = Math.Max(await ReadAsync(connection, cancellationToken), after) + 1;
        await using var raise = connection.CreateCommand();
        raise.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {next}");
        await raise.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Never creates the file: a database moved away is an error to report, not a new empty one.
        await using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder(statements.ConnectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString());
        using var timer = new PeriodicTimer(Interval);
        long? seen = null;
        try
        {
            do
            {
                try
                {
                    if (connection.State != System.Data.ConnectionState.Open)
                    {
                        await connection.OpenAsync(stoppingToken);
                    }

                    var now = await ReadAsync(connection, stoppingToken);
                    if (seen is { } before && now != before)
                    {
                        await eviction.EvictAllAsync(stoppingToken);
                        LogEvicted(logger, now);
                    }

                    seen = now;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A locked or missing database, or a failed eviction, is tried again at the next
                    // tick: this watch never stops the site.
                    LogUnread(logger, e.Message);
                    await connection.CloseAsync();
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public static async Task<long> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return await ReadAsync(connection, cancellationToken);
    }

    private static async Task<long> ReadAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA user_version";
        return Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Another process changed the database (change {Generation}); every cached page was evicted and purged")]
    private static partial void LogEvicted(ILogger logger, long generation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read whether another process changed the database: {Problem}")]
    private static partial void LogUnread(ILogger logger, string problem);
}
