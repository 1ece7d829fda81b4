using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Import;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Tests.Support;

/// <summary>A real SQLite database file, migrated, for tests below the HTTP layer.</summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>A new database with the latest schema, or with an older release's: migrated only up
    /// to <paramref name="migratedTo"/>, for tests of what an upgrade does to existing rows.</summary>
    public TestDatabase(string? migratedTo = null)
    {
        Path = AppCommand.NewDatabasePath();
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var db = NewContext();
        if (migratedTo is null)
        {
            db.Database.Migrate();
        }
        else
        {
            db.GetService<IMigrator>().Migrate(migratedTo);
        }
    }

    public string Path { get; }

    public BlogDbContext NewContext() =>
        new(new DbContextOptionsBuilder<BlogDbContext>().UseSqlite($"Data Source={Path}").Options);

    public static ContentImporter Importer(BlogDbContext db)
    {
        var renderer = new MarkdownRenderer();
        var clock = TimeProvider.System;
        return new ContentImporter(db, new SummaryWriter(renderer, clock),
            new MonthIntroImporter(db, renderer, clock, NullLogger<MonthIntroImporter>.Instance), new RevisionLog(db, clock),
            new AuditLog(db, clock, NullLogger<AuditLog>.Instance), clock, NullLogger<ContentImporter>.Instance);
    }

    public async Task<ImportReport> ImportAsync(string folder)
    {
        await using var db = NewContext();
        return await Importer(db).ImportAsync(folder, TestContext.Current.CancellationToken);
    }

    /// <summary>A summary as stored, with its topics and research type.</summary>
    public async Task<Summary> SummaryAsync(string month, string slug)
    {
        await using var db = NewContext();
        return await db.Summaries.Include(s => s.Topics).Include(s => s.ResearchType)
            .SingleAsync(s => s.Month == month && s.Slug == slug, TestContext.Current.CancellationToken);
    }

    public void Dispose() => AppCommand.DeleteDatabase(Path);
}
