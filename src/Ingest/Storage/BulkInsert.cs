using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using NewsApi.Domain.Data;

namespace NewsApi.Ingest.Storage;

/// <summary>
/// A prepared INSERT (or, with <c>upsert</c>, INSERT … ON CONFLICT DO UPDATE) for one entity type,
/// built from the EF Core model (<see cref="RowShape{T}"/>: table, columns, value converters and type
/// mappings), so the ingest writes rows exactly as EF Core would, without the change tracker's cost per
/// entity. Navigations are not followed: insert each type on its own. The SQL is as valid for PostgreSQL
/// as for SQLite; where the provider offers it (<see cref="PositionalInsert"/>), values are bound by
/// position instead of through the command's named parameters (<paramref name="positional"/>: false
/// only to compare the two).
/// </summary>
sealed class BulkInsert<T>(DbContext db, bool upsert = false, bool positional = true) : IAsyncDisposable where T : class
{
    // Prepared at the first insert, like the shape's getters.
    Statement? _statement;

    sealed record Statement(DbCommand Command, List<DbParameter> Parameters, PositionalInsert? Positional);

    /// <summary>The rows this statement writes; <see cref="RowShape{T}.Values"/> may run on any thread.</summary>
    public RowShape<T> Shape { get; } = new(db.Model);

    Statement Prepare()
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var command = db.Database.GetDbConnection().CreateCommand();
        var parameters = Shape.Columns
            .Select((column, i) => column.Mapping.CreateParameter(command, "@p" + i, null, column.Property.IsNullable))
            .ToList();
        command.Parameters.AddRange(parameters.ToArray());
        var names = Shape.Columns.Select(c => c.Name).ToList();
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(Shape.Table.Name)} ({string.Join(", ", names.Select(n => sql.DelimitIdentifier(n)))}) " +
            $"VALUES ({string.Join(", ", parameters.Select(p => p.ParameterName))})";
        if (upsert)
        {
            var keys = Shape.EntityType.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(Shape.Table)!).ToList();
            var updates = names.Except(keys).Select(n => $"{sql.DelimitIdentifier(n)} = excluded.{sql.DelimitIdentifier(n)}");
            command.CommandText += $" ON CONFLICT ({string.Join(", ", keys.Select(k => sql.DelimitIdentifier(k)))}) DO UPDATE SET {string.Join(", ", updates)}";
        }

        return new(command, parameters, positional ? PositionalInsert.TryPrepare(db, command.CommandText) : null);
    }

    public Task InsertAsync(T entity, DbTransaction transaction, CancellationToken ct) => InsertAsync(Shape.Values(entity), transaction, ct);

    /// <summary>Inserts a row given as its <see cref="RowShape{T}.Values"/>.</summary>
    public async Task InsertAsync(object?[] values, DbTransaction transaction, CancellationToken ct)
    {
        var (command, parameters, positional) = _statement ??= Prepare();
        if (positional is not null)
        {
            for (var i = 0; i < values.Length; i++)
            {
                positional.Bind(i, values[i]);
            }

            positional.Execute();
            return;
        }

        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Inserts the row packed at <paramref name="offset"/> (<see cref="PackedRows"/>); returns the offset after it.</summary>
    public async ValueTask<int> InsertAsync(byte[] packed, int offset, DbTransaction transaction, CancellationToken ct)
    {
        var columns = Shape.Columns.Count;
        if ((_statement ??= Prepare()).Positional is { } positional)
        {
            for (var i = 0; i < columns; i++)
            {
                offset = PackedRows.Bind(packed, offset, positional, i);
            }

            positional.Execute();
            return offset;
        }

        var values = new object?[columns];
        for (var i = 0; i < columns; i++)
        {
            values[i] = PackedRows.Read(packed, ref offset);
        }

        await InsertAsync(values, transaction, ct);
        return offset;
    }

    public async ValueTask DisposeAsync()
    {
        if (_statement is not null)
        {
            _statement.Positional?.Dispose();
            await _statement.Command.DisposeAsync();
        }
    }
}
