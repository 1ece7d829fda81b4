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

    // Written here rather than with ToDebugString, whose order of some members differed between
    // runs of the same build: every list is sorted ordinally and every number written invariantly.
    private static string Shape(IModel model) => Describe(model, e => e.GetProperties()
            .Select(p => Invariant($"{p.Name} {p.ClrType} null={p.IsNullable} token={p.IsConcurrencyToken} generated={p.ValueGenerated}"))
        .Concat(e.GetKeys().Select(k => $"key {Names(k.Properties)} primary={k.IsPrimaryKey()}"))
        .Concat(e.GetForeignKeys().Select(f =>
            $"fk {Names(f.Properties)} -> {f.PrincipalEntityType.Name} {f.DeleteBehavior} required={f.IsRequired} unique={f.IsUnique}"))
        .Concat(e.GetNavigations().Select(n => $"navigation {n.Name} -> {n.TargetEntityType.Name}"))
        .Concat(e.GetSkipNavigations().Select(n => $"skip navigation {n.Name} -> {n.TargetEntityType.Name}"))
        .Concat(e.GetIndexes().Select(i => $"index {Names(i.Properties)} unique={i.IsUnique}")));

    private static string Storage(IModel model) => Describe(model, e => e.GetProperties()
            .Select(p => Invariant($"{e.GetTableName()}.{p.GetColumnName()} {p.GetRelationalTypeMapping().StoreType} ")
                + Invariant($"{p.GetTypeMapping().Converter?.ProviderClrType} null={p.IsNullable} max={p.GetMaxLength()}"))
        .Concat(e.GetIndexes().Select(i => $"index {i.GetDatabaseName()} unique={i.IsUnique} filter={i.GetFilter()}")));

    private static string Describe(IModel model, Func<IEntityType, IEnumerable<string>> lines) => string.Join('\n', model.GetEntityTypes()
        .OrderBy(e => e.Name, StringComparer.Ordinal)
        .SelectMany(e => lines(e).Order(StringComparer.Ordinal).Prepend($"{e.Name} : {e.BaseType?.Name}")));

    private static string Names(IEnumerable<IReadOnlyPropertyBase> properties) => string.Join(",", properties.Select(p => p.Name));

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    [Fact]
    public void Every_model_change_has_its_migration()
    {
        using var db = NewContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes no migration holds: dotnet ef migrations add <Name> -p src/PPRNet.Web -s src/PPRNet.Web");
    }
}
