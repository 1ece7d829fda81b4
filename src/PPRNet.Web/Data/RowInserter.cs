using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PPRNet.Web.Data;

/// <summary>Inserts many new rows of one entity type through one compiled statement, inside the
/// context's transaction. EF's own insert tracks every row, builds its command again and reads
/// back every generated value; for a large import that was most of the time. The table, columns,
/// conversions and foreign keys all come from the EF model, so the mapping is still written only
/// in the configurations, and a column left at its unset value gets the column's default, as EF
/// leaves it to the database. Nothing here is tracked: the caller owns what the cache must forget.</summary>
public sealed class RowInserter : IAsyncDisposable
{
    private readonly DbContext db;
    private readonly DbCommand command;
    private readonly List<(IProperty Property, DbParameter Parameter)> columns;
    private readonly IProperty? generatedKey;

    private RowInserter(DbContext db, DbCommand command, List<(IProperty, DbParameter)> columns, IProperty? generatedKey)
    {
        this.db = db;
        this.command = command;
        this.columns = columns;
        this.generatedKey = generatedKey;
    }

    /// <summary>A statement for rows of <paramref name="entityType"/>, compiled on the context's
    /// open connection and enlisted in its current transaction.</summary>
    public static async Task<RowInserter> PrepareAsync(DbContext db, IEntityType entityType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entityType);
        var table = entityType.GetTableName()
            ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var defaults = await ColumnDefaultsAsync(connection, db.Database.CurrentTransaction?.GetDbTransaction(), table,
            cancellationToken);

        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var generatedKey = entityType.FindPrimaryKey() is { Properties: [var key] } && key.ValueGenerated == ValueGenerated.OnAdd
            ? key
            : null;
        var columns = new List<(IProperty, DbParameter)>();
        var names = new List<string>();
        var values = new List<string>();
        foreach (var property in entityType.GetProperties().Where(p => p != generatedKey))
        {
            var column = property.GetColumnName(store)
                ?? throw new InvalidOperationException($"{entityType.DisplayName()}.{property.Name} has no column in {table}.");
            var parameter = ((RelationalTypeMapping)property.GetTypeMapping()).CreateParameter(command, $"$p{columns.Count}", null,
                property.IsNullable || defaults.ContainsKey(column));
            command.Parameters.Add(parameter);
            columns.Add((property, parameter));
            names.Add(Quote(column));
            values.Add(defaults.TryGetValue(column, out var fallback)
                ? $"COALESCE({parameter.ParameterName}, {fallback})"
                : parameter.ParameterName);
        }

        command.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", values)})"
            + (generatedKey is null ? "" : $" RETURNING {Quote(generatedKey.GetColumnName(store)!)}");
        await command.PrepareAsync(cancellationToken);
        return new RowInserter(db, command, columns, generatedKey);
    }

    /// <summary>Inserts <paramref name="entity"/> (an instance of the entity type, or a property
    /// bag for a join table) and returns the key the database generated, or 0.</summary>
    public async Task<long> InsertAsync(object entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        foreach (var (property, parameter) in columns)
        {
            parameter.Value = ProviderValue(property, entity) ?? DBNull.Value;
        }

        if (generatedKey is null)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return 0;
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await command.DisposeAsync();
        await db.Database.CloseConnectionAsync();
    }

    /// <summary>The value as the column stores it; null where the database's default applies.</summary>
    private static object? ProviderValue(IProperty property, object entity)
    {
        var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
        // A foreign key left unset beside its navigation is the navigation's key, as EF's fix-up makes it.
        if (Equals(value, property.Sentinel) && property.GetContainingForeignKeys()
                .FirstOrDefault(fk => fk.DependentToPrincipal is not null) is { } foreignKey
            && foreignKey.DependentToPrincipal!.GetGetter().GetClrValueUsingContainingEntity(entity) is { } principal)
        {
            var index = foreignKey.Properties.ToList().IndexOf(property);
            value = foreignKey.PrincipalKey.Properties[index].GetGetter().GetClrValueUsingContainingEntity(principal);
        }

        if (value is null || (Equals(value, property.Sentinel) && property.ValueGenerated != ValueGenerated.Never))
        {
            return null;
        }

        var converter = property.GetTypeMapping().Converter;
        var stored = converter is null ? value : converter.ConvertToProvider(value);
        return stored is Enum
            ? Convert.ChangeType(stored, Enum.GetUnderlyingType(stored.GetType()), System.Globalization.CultureInfo.InvariantCulture)
            : stored;
    }

    /// <summary>Each column's default as the table declares it (SQL text), read from SQLite itself.</summary>
    private static async Task<Dictionary<string, string>> ColumnDefaultsAsync(
        DbConnection connection, DbTransaction? transaction, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name, dflt_value FROM pragma_table_info($table) WHERE dflt_value IS NOT NULL";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$table";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            defaults[reader.GetString(0)] = reader.GetString(1);
        }

        return defaults;
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
