using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>The start-up's own check for migrations the database lacks (it reads EF's history
/// table directly): a database from an older release is brought up to date by the first command
/// that opens it.</summary>
public sealed class SchemaUpgradeTests : IDisposable
{
    private readonly string database = AppCommand.NewDatabasePath();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "pprnet-tests", $"export-{Guid.NewGuid():N}");

    public void Dispose()
    {
        AppCommand.DeleteDatabase(database);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private BlogDbContext NewContext() => new(new DbContextOptionsBuilder<BlogDbContext>().UseSqlite($"Data Source={database}").Options);

    [Fact]
    public async Task A_database_one_migration_behind_gets_the_missing_migration_from_the_next_command()
    {
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        string[] known;
        await using (var older = NewContext())
        {
            known = older.Database.GetMigrations().ToArray();
            await older.GetService<IMigrator>().MigrateAsync(known[^2], ct);
            Assert.DoesNotContain(known[^1], await older.Database.GetAppliedMigrationsAsync(ct));
        }

        var (exitCode, output) = await AppCommand.RunAsync(database, ["export", folder]);

        Assert.True(exitCode == 0, output);
        await using var upgraded = NewContext();
        Assert.Equal(known, await upgraded.Database.GetAppliedMigrationsAsync(ct));
    }
}
