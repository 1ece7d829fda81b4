using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PPRNet.Web.Admin;
using PPRNet.Web.Data;
using PPRNet.Web.Import;
using PPRNet.Web.Search;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Setup;

public static partial class DatabaseStartup
{
    /// <summary>Everything a serving site needs of its database: <see cref="PrepareSchemaAsync(WebApplication)"/>,
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
            var folder = ContentFolder(app, options);
            await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(folder);
        }
    }

    /// <summary>What the import and export commands need, and no more (a re-import of an unchanged
    /// archive is mostly start-up): the private files owner-only, the schema up to date, SQLite in
    /// WAL (readers never wait for the importer), and the search index and archive tallies in place.
    /// Re-rendering and the roles wait for the site's own start.</summary>
    public static async Task PrepareSchemaAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await PrepareSchemaAsync(app, scope.ServiceProvider.GetRequiredService<BlogDbContext>(),
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
    }

    private static async Task PrepareSchemaAsync(WebApplication app, BlogDbContext db, ILoggerFactory loggers)
    {
        // Before SQLite first opens the database, so a -wal or -shm left readable by others is
        // tightened before it is written to again.
        PrivateFiles.TightenAtStartup(app, PrivateFiles.DatabaseFile(db.Database.GetConnectionString()!),
            loggers.CreateLogger(typeof(PrivateFiles)));
        // Asking what is pending reads the history table alone; migrating also builds the whole
        // model from its configuration to compare with the last migration, 0.3 s of every start.
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await db.Database.MigrateAsync();
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await SearchIndex.EnsureAsync(db, loggers.CreateLogger(typeof(SearchIndex)), CancellationToken.None);
        await ArchiveTallies.EnsureAsync(db, loggers.CreateLogger(typeof(ArchiveTallies)), CancellationToken.None);
    }

    public static string ContentFolder(WebApplication app, ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        return Path.GetFullPath(options.Path, app.Environment.ContentRootPath);
    }
}
