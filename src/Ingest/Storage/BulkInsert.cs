using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using NewsApi.Domain.Data;

namespace NewsApi.Ingest.Storage;

/// <summary>
/// A prepared INSERT (or, with <c>upsert</c>, INSERT … ON CONFLICT DO UPDATE) for one entity type,
/// built from the EF Core model (table, columns, value converters and type mappings), so the ingest
/// writes rows exactly as EF Core would, without the change tracker's cost per entity. Navigations
/// are not followed: insert each type on its own. The SQL is as valid for PostgreSQL as for SQLite;
/// where the provider offers it (<see cref="PositionalInsert"/>), values are bound by position instead
/// of through the command's named parameters (<paramref name="positional"/>: false only to compare the two).
/// </summary>
sealed class BulkInsert<T>(DbContext db, bool upsert = false, bool positional = true) : IAsyncDisposable where T : class
{
    // Built at the first insert: a run with nothing to write (the usual re-ingest) skips compiling
    // ~250 property getters, ~75 ms at start.
    Statement? _statement;

    sealed record Statement(DbCommand Command, List<(Func<T, object?> Read, DbParameter Parameter, RelationalTypeMapping Mapping)> Columns)
    {
        public PositionalInsert? Positional { get; set; }
    }

    Statement Prepare()
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var statement = new Statement(db.Database.GetDbConnection().CreateCommand(), []);

        var names = new List<string>();
        foreach (var property in entityType.GetProperties())
        {
            var getter = property.GetGetter();
            Add(statement, property, table, entity => getter.GetClrValue(entity), names);
        }

        foreach (var complex in entityType.GetComplexProperties())
        {
            foreach (var property in complex.ComplexType.GetProperties())
            {
                var getter = property.GetGetter();
                Add(statement, property, table, entity => getter.GetClrValueUsingContainingEntity(entity), names);
            }
        }

        statement.Command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name)} ({string.Join(", ", names.Select(n => sql.DelimitIdentifier(n)))}) " +
            $"VALUES ({string.Join(", ", statement.Columns.Select(c => c.Parameter.ParameterName))})";
        if (upsert)
        {
            var keys = entityType.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(table)!).ToList();
            var updates = names.Except(keys).Select(n => $"{sql.DelimitIdentifier(n)} = excluded.{sql.DelimitIdentifier(n)}");
            statement.Command.CommandText += $" ON CONFLICT ({string.Join(", ", keys.Select(k => sql.DelimitIdentifier(k)))}) DO UPDATE SET {string.Join(", ", updates)}";
        }

        statement.Positional = positional ? PositionalInsert.TryPrepare(db, statement.Command.CommandText) : null;
        return statement;
    }

    static void Add(Statement statement, IProperty property, StoreObjectIdentifier table, Func<T, object?> read, List<string> names)
    {
        var mapping = property.GetRelationalTypeMapping();
        var parameter = mapping.CreateParameter(statement.Command, "@p" + statement.Columns.Count, null, property.IsNullable);
        statement.Command.Parameters.Add(parameter);
        statement.Columns.Add((read, parameter, mapping));
        names.Add(property.GetColumnName(table)!);
    }

    public async Task InsertAsync(T entity, DbTransaction transaction, CancellationToken ct)
    {
        var statement = _statement ??= Prepare();
        var (command, columns) = statement;
        if (statement.Positional is { } positional)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                positional.Bind(i, ProviderValue(columns[i].Read, columns[i].Mapping, entity));
            }

            positional.Execute();
            return;
        }

        command.Transaction = transaction;
        foreach (var (read, parameter, mapping) in columns)
        {
            parameter.Value = ProviderValue(read, mapping, entity) ?? DBNull.Value;
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    static object? ProviderValue(Func<T, object?> read, RelationalTypeMapping mapping, T entity) =>
        read(entity) is { } value ? mapping.Converter?.ConvertToProvider(value) ?? value : null;

    public async ValueTask DisposeAsync()
    {
        if (_statement is not null)
        {
            _statement.Positional?.Dispose();
            await _statement.Command.DisposeAsync();
        }
    }
}
