using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using PPRNet.Web.Data;

namespace PPRNet.Web.Tests.Data;

/// <summary>The app runs on the compiled model in Data/CompiledModel (it saves building the model
/// from the configurations at every start), so a change to an entity or its configuration must
/// regenerate it, and start-up migrates only when a migration is pending, so every model change
/// must have its migration. Either omission fails here, with the command that mends it.</summary>
public sealed class CompiledModelTests
{
    private const string Regenerate =
        "dotnet ef dbcontext optimize -p src/PPRNet.Web -s src/PPRNet.Web -o Data/CompiledModel -n PPRNet.Web.Data.CompiledModel";

    private static BlogDbContext NewContext() =>
        new(new DbContextOptionsBuilder<BlogDbContext>().UseSqlite("Data Source=:memory:").Options);

    [Fact]
    public void The_compiled_model_is_the_one_the_configurations_build()
    {
        using var db = NewContext();
        var configured = db.GetService<IDesignTimeModel>().Model;
        var compiled = db.Model;

        Assert.IsType<PPRNet.Web.Data.CompiledModel.BlogDbContextModel>(compiled);
        // Entity types, properties, keys, relationships and indexes as EF sees them...
        Assert.True(Shape(configured) == Shape(compiled), $"The compiled model is out of date; regenerate it: {Regenerate}");
        // ...and the tables, columns (their types and conversions) and indexes as SQLite gets them.
        Assert.True(Storage(configured) == Storage(compiled), $"The compiled model is out of date; regenerate it: {Regenerate}");
    }

    private static string Shape(IModel model) => model.ToDebugString(MetadataDebugStringOptions.ShortDefault);

    private static string Storage(IModel model) => string.Join('\n', model.GetEntityTypes()
        .OrderBy(e => e.Name, StringComparer.Ordinal)
        .SelectMany(e => e.GetProperties()
            .Select(p => $"{e.GetTableName()}.{p.GetColumnName()} {p.GetRelationalTypeMapping().StoreType} "
                + $"{p.GetTypeMapping().Converter?.ProviderClrType} null={p.IsNullable} max={p.GetMaxLength()}")
            .Concat(e.GetIndexes()
                .Select(i => $"{e.GetTableName()} index {i.GetDatabaseName()} unique={i.IsUnique} filter={i.GetFilter()}"))));

    [Fact]
    public void Every_model_change_has_its_migration()
    {
        using var db = NewContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes no migration holds: dotnet ef migrations add <Name> -p src/PPRNet.Web -s src/PPRNet.Web");
    }
}
