using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using PPRNet.Web.Admin;
using PPRNet.Web.Data;
using PPRNet.Web.Import;
using PPRNet.Web.Search;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Setup;

public static partial class DatabaseStartup
{
    /// <summary>Everything a serving site needs of its database: <see cref="PrepareSchemaAsync(IHost)"/>,
    /// rows rendered by an older pipeline rendered again, the roles, and, when configured, the
    /// content folder imported.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool importContent)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var loggers = scope.ServiceProvider.GetRequiredService<ILoggerFactory>();
        await PrepareSchemaAsync(app, db, loggers);
        await RenderUpgrade.RunAsync(db, scope.ServiceProvider.GetRequiredService<SummaryWriter>(),
            scope.ServiceProvider.GetRequiredService<MarkdownRenderer>(),
            loggers.CreateLogger(typeof(RenderUpgrade)), CancellationToken.None);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var options = scope.ServiceProvider.GetRequiredService<IOptions<ContentOptions>>().Value;
        if (importContent && options.ImportOnStartup)
        {
            var folder = ContentFolder(app.Environment, options);
            await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(folder);
        }
    }

    /// <summary>What the import and export commands need, and no more (a re-import of an unchanged
    /// archive is mostly start-up): the private files owner-only, the schema up to date, SQLite in
    /// WAL (readers never wait for the importer), and the search index and archive tallies in place.
    /// Re-rendering and the roles wait for the site's own start.</summary>
    public static async Task PrepareSchemaAsync(this IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var scope = host.Services.CreateAsyncScope();
        await PrepareSchemaAsync(host, scope.ServiceProvider.GetRequiredService<BlogDbContext>(),
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
    }

    private static async Task PrepareSchemaAsync(IHost host, BlogDbContext db, ILoggerFactory loggers)
    {
        // Before SQLite first opens the database, so a -wal or -shm left readable by others is
        // tightened before it is written to again.
        PrivateFiles.TightenAtStartup(host, PrivateFiles.DatabaseFile(db.Database.GetConnectionString()!),
            loggers.CreateLogger(typeof(PrivateFiles)));
        if (await HasPendingMigrationsAsync(db))
        {
            await db.Database.MigrateAsync();
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await SearchIndex.EnsureAsync(db, loggers.CreateLogger(typeof(SearchIndex)), CancellationToken.None);
        await ArchiveTallies.EnsureAsync(db, loggers.CreateLogger(typeof(ArchiveTallies)), CancellationToken.None);
    }

    /// <summary>Whether the code has a migration the database lacks. EF's own answer builds a model
    /// of its history table from every convention first (75 ms of every start, more than reading
    /// an unchanged archive's 10,000 file dates); the table is EF's default one and is read directly.
    /// Migrating itself is still EF's.</summary>
    private static async Task<bool> HasPendingMigrationsAsync(BlogDbContext db)
    {
        var table = HistoryRepository.DefaultTableName;
        if (await db.Database.ReadNumberAsync(
                $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'", CancellationToken.None) == 0)
        {
            return true;
        }

        var applied = (await db.Database.ReadRowsAsync($"SELECT MigrationId FROM \"{table}\"", row => row.GetString(0),
            CancellationToken.None)).ToHashSet(StringComparer.Ordinal);
        return db.Database.GetMigrations().Any(id => !applied.Contains(id));
    }

    public static string ContentFolder(IHostEnvironment environment, ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        return Path.GetFullPath(options.Path, environment.ContentRootPath);
    }
}
