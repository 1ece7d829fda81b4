using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Setup;

/// <summary>`backup FILE` (SQLite's VACUUM INTO: a consistent snapshot while the site keeps
/// writing) and `restore FILE` (the online backup API, into the stopped site's database). Both
/// check the copy (integrity_check, row counts) before calling it good. Backups hold everything
/// the database does, keys and password hashes included, so they are owner-only (PrivateFiles).</summary>
public static class DatabaseBackup
{
    private static readonly string[] CountedTables = ["Summaries", "Revisions", "Topics", "ResearchTypes",
        "MonthIssues", "AspNetUsers", "AuditEntries"];

    /// <summary>How long `restore` waits for the site's health endpoint before taking silence as stopped.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public static async Task<int> BackupAsync(WebApplication app, string file)
    {
        ArgumentNullException.ThrowIfNull(app);
        var target = Path.GetFullPath(file, Environment.CurrentDirectory);
        if (File.Exists(target))
        {
            Console.Error.WriteLine($"{target} already exists; choose a new file name.");
            return 1;
        }

        (bool Ok, string Report) written;
        try
        {
            written = await WriteCheckedCopyAsync(DatabaseConnectionString(app), target, CancellationToken.None);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Backup failed: {e.Message}");
            return 1;
        }

        if (!written.Ok)
        {
            Console.Error.WriteLine($"{target}: {written.Report}; nothing was written");
            return 1;
        }

        Console.WriteLine($"Backed up to {target}");
        Console.WriteLine($"  {written.Report}");
        return 0;
    }

    /// <summary>A checked copy of the live database at <paramref name="target"/>, owner-only. It is
    /// written to an owner-only file beside the target and renamed into place only once it passes
    /// its checks, so a half-written or failed copy never carries a backup's name.</summary>
    public static async Task<(bool Ok, string Report)> WriteCheckedCopyAsync(string connectionString, string target,
        CancellationToken cancellationToken)
    {
        PrivateFiles.CreateFolder(Path.GetDirectoryName(target)!);
        var partial = $"{target}.{Guid.NewGuid():N}.partial";
        try
        {
            await SnapshotAsync(connectionString, partial, cancellationToken);
            var (ok, report) = await CheckAsync(partial, cancellationToken);
            if (ok)
            {
                File.Move(partial, target);
            }

            return (ok, report);
        }
        finally
        {
            foreach (var left in PrivateFiles.DatabaseFiles(partial))
            {
                File.Delete(left);
            }
        }
    }

    /// <summary>A consistent copy of the live database in one self-contained, owner-only file,
    /// which must not exist yet.</summary>
    public static async Task SnapshotAsync(string connectionString, string target, CancellationToken cancellationToken)
    {
        // VACUUM INTO writes into an empty file, keeping its mode; one it created would be 0644
        // less the umask, readable by everyone for as long as it exists.
        PrivateFiles.CreateFile(target).Dispose();
        await using (var source = new SqliteConnection(connectionString))
        {
            await source.OpenAsync(cancellationToken);
            // VACUUM INTO reads one snapshot (WAL included) and, as a statement, waits out a
            // busy database like any other, where the backup API gives up at once.
            await using var vacuum = source.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target;";
            vacuum.Parameters.AddWithValue("$target", target);
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }

        // One self-contained file: the copy needs no -wal beside it.
        await using var copy = new SqliteConnection(FileConnectionString(target));
        await copy.OpenAsync(cancellationToken);
        await Execute(copy, "PRAGMA journal_mode=DELETE;");
    }

    /// <summary>Only with the site stopped: the running site would keep writing to the old pages.
    /// So unless told <paramref name="force"/>, it first asks the site's health endpoint at its
    /// configured addresses, and refuses while the site answers.</summary>
    public static async Task<int> RestoreAsync(WebApplication app, string file, bool force)
    {
        ArgumentNullException.ThrowIfNull(app);
        var backup = Path.GetFullPath(file, Environment.CurrentDirectory);
        if (!File.Exists(backup))
        {
            Console.Error.WriteLine($"{backup} does not exist.");
            return 1;
        }

        if (!force && await SiteProbe.AnsweringAtAsync(SiteProbe.ConfiguredAddresses(app.Configuration),
                ProbeTimeout, CancellationToken.None) is { } answering)
        {
            Console.Error.WriteLine($"The site is answering at {SiteProbe.Display(answering)}; stop it first, or pass --force. "
                + "The database was not touched.");
            return 1;
        }

        if (!await VerifyAsync(backup, $"Checked {backup}"))
        {
            Console.Error.WriteLine("The backup failed its checks; the database was not touched.");
            return 1;
        }

        var connectionString = DatabaseConnectionString(app);
        // The restored keys and hashes go into the existing file: make it owner-only first.
        PrivateFiles.TightenAtStartup(app, PrivateFiles.DatabaseFile(connectionString),
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PrivateFiles)));
        var generation = await OutsideWrites.ReadAsync(connectionString, CancellationToken.None);
        await using (var source = new SqliteConnection(FileConnectionString(backup, readOnly: true)))
        await using (var database = new SqliteConnection(connectionString))
        {
            await source.OpenAsync();
            source.BackupDatabase(database);
            await database.OpenAsync();
            await Execute(database, "PRAGMA journal_mode=WAL;");
        }

        // A site still serving (--force) evicts what it cached of the database it had.
        await OutsideWrites.AnnounceAsync(connectionString, generation, CancellationToken.None);
        SqliteConnection.ClearAllPools();
        Console.WriteLine("Restored. Start the site; it applies any newer migrations at start-up.");
        return 0;
    }

    private static async Task<bool> VerifyAsync(string path, string headline)
    {
        var (ok, report) = await CheckAsync(path, CancellationToken.None);
        if (!ok)
        {
            Console.Error.WriteLine($"{path}: {report}");
            return false;
        }

        Console.WriteLine(headline);
        Console.WriteLine($"  {report}");
        return true;
    }

    /// <summary>PRAGMA integrity_check and the row counts of the main tables, as one line.</summary>
    public static async Task<(bool Ok, string Report)> CheckAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(FileConnectionString(path, readOnly: true));
        await connection.OpenAsync(cancellationToken);
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        var integrity = (string?)await check.ExecuteScalarAsync(cancellationToken);
        if (integrity != "ok")
        {
            return (false, $"integrity check failed: {integrity}");
        }

        var counts = new List<string>();
        foreach (var table in CountedTables)
        {
            await using var count = connection.CreateCommand();
            // Table names come from the list above, never from input.
#pragma warning disable CA2100
            count.CommandText = $"SELECT count(*) FROM \"{table}\";";
#pragma warning restore CA2100
            counts.Add($"{table} {(long)(await count.ExecuteScalarAsync(cancellationToken) ?? 0L)}");
        }

        return (true, $"integrity ok; {string.Join(", ", counts)}");
    }

    private static string DatabaseConnectionString(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<BlogDbContext>().Database.GetConnectionString()
            ?? throw new InvalidOperationException("ConnectionStrings:Blog is not set");
    }

    private static string FileConnectionString(string path, bool readOnly = false) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
    }.ToString();

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}
