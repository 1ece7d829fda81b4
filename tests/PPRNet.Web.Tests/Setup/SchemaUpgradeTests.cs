using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Setup;

/// <summary>The start-up's own check for migrations the database lacks (it reads EF's history
/// table directly): a database from an older release is brought up to date by the first command
/// that opens it.</summary>
public sealed class SchemaUpgradeTests : IDisposable
{
    private static readonly string[] Known = MigrationsInCode();

    private readonly TestDatabase database = new(migratedTo: Known[^2]);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "pprnet-tests", $"export-{Guid.NewGuid():N}");

    public void Dispose()
    {
        database.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Every migration the code has, oldest first: a context knows them without opening its database.</summary>
    private static string[] MigrationsInCode()
    {
        using var db = new BlogDbContext(new DbContextOptionsBuilder<BlogDbContext>().UseSqlite("Data Source=:memory:").Options);
        return [.. db.Database.GetMigrations()];
    }

    [Fact]
    public async Task A_database_one_migration_behind_gets_the_missing_migration_from_the_next_command()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var older = database.NewContext())
        {
            Assert.DoesNotContain(Known[^1], await older.Database.GetAppliedMigrationsAsync(ct));
        }

        var (exitCode, output) = await AppCommand.RunAsync(database.Path, ["export", folder]);

        Assert.True(exitCode == 0, output);
        await using var upgraded = database.NewContext();
        Assert.Equal(Known, await upgraded.Database.GetAppliedMigrationsAsync(ct));
    }
}
