using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace NewsApi.Ingest.Storage;

/// <summary>
/// An entity type's table row as the EF Core model stores it: the table, its columns, and each
/// column's value as the provider takes it (value converters applied). Immutable once built, so rows
/// can be converted on any thread: the ingest converts them beside the parsing, off the single writer.
/// </summary>
sealed class RowShape<T>(IModel model) where T : class
{
    // Built at the first use: a run with nothing to write (the usual re-ingest) skips compiling
    // ~250 property getters, ~75 ms at start.
    readonly Lazy<Built> _built = new(() => Build(model));

    public sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping, Func<T, object?> Read);

    sealed record Built(StoreObjectIdentifier Table, IEntityType EntityType, List<Column> Columns);

    public StoreObjectIdentifier Table => _built.Value.Table;

    public IEntityType EntityType => _built.Value.EntityType;

    public IReadOnlyList<Column> Columns => _built.Value.Columns;

    /// <summary>The entity's column values, in <see cref="Columns"/> order, as the provider stores them.</summary>
    public object?[] Values(T entity)
    {
        var columns = _built.Value.Columns;
        var values = new object?[columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var (_, _, mapping, read) = columns[i];
            values[i] = read(entity) is { } value ? mapping.Converter?.ConvertToProvider(value) ?? value : null;
        }

        return values;
    }

    /// <summary>The position in <see cref="Columns"/> of the column that stores <paramref name="propertyName"/>.</summary>
    public int IndexOf(string propertyName) =>
        _built.Value.Columns.FindIndex(c => c.Property.Name == propertyName) is var index and >= 0
            ? index
            : throw new ArgumentException($"{typeof(T).Name} stores no property {propertyName}", nameof(propertyName));

    static Built Build(IModel model)
    {
        var entityType = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = new List<Column>();
        foreach (var property in entityType.GetProperties())
        {
            var getter = property.GetGetter();
            columns.Add(new(property.GetColumnName(table)!, property, property.GetRelationalTypeMapping(), entity => getter.GetClrValue(entity)));
        }

        foreach (var complex in entityType.GetComplexProperties())
        {
            foreach (var property in complex.ComplexType.GetProperties())
            {
                var getter = property.GetGetter();
                columns.Add(new(property.GetColumnName(table)!, property, property.GetRelationalTypeMapping(), entity => getter.GetClrValueUsingContainingEntity(entity)));
            }
        }

        return new(table, entityType, columns);
    }
}
