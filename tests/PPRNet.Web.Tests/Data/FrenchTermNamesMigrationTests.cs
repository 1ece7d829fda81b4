using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Data;

/// <summary>A database from before French names upgrades without a hitch, and its next import
/// brings the French names of taxonomy.yml.</summary>
public sealed class FrenchTermNamesMigrationTests : IDisposable
{
    private readonly TestDatabase database = new(migratedTo: "Certainty");
    private readonly TestContent content = new();

    public void Dispose()
    {
        database.Dispose();
        content.Dispose();
    }

    [Fact]
    public async Task Existing_terms_are_named_in_english_in_french_after_the_upgrade_until_the_next_import_translates_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var before = database.NewContext())
        {
            await before.Database.ExecuteSqlRawAsync(
                "INSERT INTO Topics (Slug, Name, Retired) VALUES ('empathy', 'Empathy', 0), ('own-topic', 'Own Topic', 0);"
                + "INSERT INTO ResearchTypes (Slug, Name, Retired) VALUES ('meta-analysis', 'Meta-analysis', 0);", ct);
        }

        await using (var upgraded = database.NewContext())
        {
            await upgraded.Database.MigrateAsync(ct);
            Assert.Equal(["Empathy", "Own Topic"], await upgraded.Topics.OrderBy(t => t.Slug).Select(t => t.NameFr).ToListAsync(ct));
            Assert.Equal("Meta-analysis", await upgraded.ResearchTypes.Select(t => t.NameFr).SingleAsync(ct));
        }

        await using var db = database.NewContext();
        var report = await TestDatabase.Importer(db).ImportAsync(content.Root, ct);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        var names = await db.Topics.AsNoTracking().ToDictionaryAsync(t => t.Slug, t => t.NameFr, ct);
        Assert.Equal(("Empathie", "Own Topic"), (names["empathy"], names["own-topic"]));
        Assert.Equal("Méta-analyse", await db.ResearchTypes.AsNoTracking().Where(t => t.Slug == "meta-analysis").Select(t => t.NameFr)
            .SingleAsync(ct));
    }
}
