using Microsoft.Data.Sqlite;
using PPRNet.Web.Mail;

namespace PPRNet.Web.Setup;

/// <summary>The database holds the data-protection keys (which can mint sign-in cookies and mail
/// links), the password hashes and every subscriber's address, and so do its -wal and -shm, its
/// backups and mail written to a folder. Only the site's own user may read them: files 0600,
/// folders 0700, set explicitly, because the process umask (0022 on most systems, anything under a
/// careless service manager) would otherwise decide. Nothing here runs on Windows, which has no
/// Unix modes.</summary>
public static partial class PrivateFiles
{
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates a folder for private files, and any missing parents, owner-only. A folder
    /// that already exists is left as it is: it may be the operator's, shared on purpose.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows() || Directory.Exists(path))
        {
            Directory.CreateDirectory(path);
            return;
        }

        // One level at a time from the first that exists: Directory.CreateDirectory(path, mode)
        // gives the mode to the last folder only, and missing parents 0777 less the umask.
        var missing = new Stack<string>();
        for (var folder = Path.GetFullPath(path); !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)!)
        {
            missing.Push(folder);
        }

        foreach (var folder in missing)
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
            File.SetUnixFileMode(folder, OwnerOnlyFolder); // the umask may only take bits away, but it decides none here
        }
    }

    /// <summary>A new file, owner-only before its first byte is written; fails if it exists.</summary>
    public static FileStream CreateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (OperatingSystem.IsWindows())
        {
            return new FileStream(path, options);
        }

        options.UnixCreateMode = OwnerOnlyFile;
        var stream = new FileStream(path, options);
        File.SetUnixFileMode(stream.SafeFileHandle, OwnerOnlyFile);
        return stream;
    }

    /// <summary>Creates the database's folder and an empty database file, owner-only, before
    /// SQLite first opens it: SQLite would create it 0644 less the umask, and it gives the -wal,
    /// -shm and -journal files it creates later the mode of the database file. An empty file is
    /// a new database to SQLite.</summary>
    public static void CreateDatabaseFile(string path)
    {
        CreateFolder(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            return;
        }

        try
        {
            CreateFile(path).Dispose();
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; start-up tightens it if it needs to be.
        }
    }

    /// <summary>The database file of a connection string, or null for an in-memory database.</summary>
    public static string? DatabaseFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.DataSource is { Length: > 0 } source && source != ":memory:" && builder.Mode != SqliteOpenMode.Memory
            && !source.StartsWith("file:", StringComparison.Ordinal)
            ? source
            : null;
    }

    /// <summary>The database with the files SQLite keeps beside it.</summary>
    public static IEnumerable<string> DatabaseFiles(string database) =>
        [database, database + "-wal", database + "-shm", database + "-journal"];

    /// <summary>At start-up: takes group and other permissions off what an earlier version of the
    /// site, a copy or an operator left readable by others: the database and its companions, the
    /// site's own App_Data folder, scheduled backups and mail in the pickup folder. Folders the
    /// operator configured elsewhere keep their mode (they may be shared on purpose); their files
    /// are tightened. Says in one line what it changed, and nothing when nothing needed it.</summary>
    public static void TightenAtStartup(IHost host, string? database, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var files = new List<string>();
        if (database is not null)
        {
            files.AddRange(DatabaseFiles(database));
        }

        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var environment = host.Services.GetRequiredService<IHostEnvironment>();
        if (ScheduledBackups.ConfiguredFolder(configuration, environment) is { } backups && Directory.Exists(backups))
        {
            files.AddRange(Directory.EnumerateFiles(backups, ScheduledBackups.Pattern));
        }

        var pickup = MailOptions.Bind(configuration).PickupPath(environment);
        if (Directory.Exists(pickup))
        {
            files.AddRange(Directory.EnumerateFiles(pickup, "*.eml"));
        }

        var changed = new List<string>();
        var appData = Path.Combine(environment.ContentRootPath, "App_Data");
        foreach (var path in files.Prepend(appData))
        {
            try
            {
                if (Tighten(path) is { } change)
                {
                    changed.Add(change);
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                // Someone else's file: the site still starts, and the operator is told.
                LogNotTightened(logger, path, e.Message);
            }
        }

        if (changed.Count > 0)
        {
            LogTightened(logger, changed.Count, string.Join(", ", changed));
        }
    }

    /// <summary>Takes group and other permissions off one file or folder, if it exists and has any;
    /// returns what changed ("PATH (644 -> 600)").</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string? Tighten(string path)
    {
        UnixFileMode mode;
        try
        {
            mode = File.GetUnixFileMode(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        if ((mode & Others) == 0)
        {
            return null;
        }

        var tightened = mode & ~Others;
        File.SetUnixFileMode(path, tightened);
        return $"{path} ({Octal(mode)} -> {Octal(tightened)})";
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(3, '0');

    [LoggerMessage(Level = LogLevel.Information, Message = "Made {Count} private files owner-only that others could read: {Changes}")]
    private static partial void LogTightened(ILogger logger, int count, string changes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not make {Path} owner-only: {Problem}")]
    private static partial void LogNotTightened(ILogger logger, string path, string problem);
}
