using System.Buffers;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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

    public sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping, Func<T, object?> Read, Action<T, ArrayBufferWriter<byte>> Pack);

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
            values[i] = ProviderValue(columns[i].Mapping.Converter, columns[i].Read, entity);
        }

        return values;
    }

    /// <summary>Packs the entity's column values, in <see cref="Columns"/> order, as <see cref="Values"/> gives them (<see cref="PackedRows"/>).</summary>
    public void Pack(T entity, ArrayBufferWriter<byte> buffer)
    {
        foreach (var column in _built.Value.Columns)
        {
            column.Pack(entity, buffer);
        }
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
            columns.Add(NewColumn(table, property, entity => getter.GetClrValue(entity), property.PropertyInfo));
        }

        foreach (var complex in entityType.GetComplexProperties())
        {
            foreach (var property in complex.ComplexType.GetProperties())
            {
                var getter = property.GetGetter();
                columns.Add(NewColumn(table, property, entity => getter.GetClrValueUsingContainingEntity(entity), complex.PropertyInfo, property.PropertyInfo));
            }
        }

        return new(table, entityType, columns);
    }

    // A converter is never given null: a null model value is stored as NULL (as EF Core stores it).
    static object? ProviderValue(ValueConverter? converter, Func<T, object?> read, T entity) =>
        read(entity) is { } value ? converter?.ConvertToProvider(value) ?? value : null;

    static Column NewColumn(StoreObjectIdentifier table, IProperty property, Func<T, object?> read, params PropertyInfo?[] path)
    {
        var mapping = property.GetRelationalTypeMapping();
        return new(property.GetColumnName(table)!, property, mapping, read, CompilePack(mapping.Converter, read, path));
    }

    /// <summary>
    /// Writes a column's value with the packing method of its provider type, through its converter's
    /// expression: no box for a number or a date, no call through the model's getter interface. A
    /// property without a CLR member (a shadow property) or a member not readable is packed as <see cref="Values"/> does.
    /// </summary>
    static Action<T, ArrayBufferWriter<byte>> CompilePack(ValueConverter? converter, Func<T, object?> read, PropertyInfo?[] path)
    {
        var entity = Expression.Parameter(typeof(T), "entity");
        var buffer = Expression.Parameter(typeof(ArrayBufferWriter<byte>), "buffer");
        if (path.Any(p => p?.GetMethod is not { IsPublic: true }))
        {
            return (e, b) => PackedRows.Write(b, ProviderValue(converter, read, e));
        }

        Expression model = entity;
        foreach (var member in path)
        {
            model = Expression.Property(model, member!);
        }

        // As ProviderValue: a null model value is NULL, without the converter.
        var value = Expression.Variable(model.Type, "value");
        Expression present = Nullable.GetUnderlyingType(model.Type) is { } underlying ? Expression.Convert(value, underlying) : value;
        if (converter is not null)
        {
            var convert = converter.ConvertToProviderExpression;
            present = Expression.Invoke(convert, Expression.Convert(present, convert.Parameters[0].Type));
        }

        // A provider type without a packing method of its own goes through Write(object), which names it.
        var write = PackMethod(present.Type) is { } typed
            ? Expression.Call(typed, buffer, present)
            : Expression.Call(PackMethod(typeof(object))!, buffer, Expression.Convert(present, typeof(object)));
        var isNull = model.Type.IsValueType
            ? Nullable.GetUnderlyingType(model.Type) is null ? null : Expression.Equal(value, Expression.Constant(null, model.Type))
            : Expression.ReferenceEqual(value, Expression.Constant(null));
        var body = isNull is null
            ? (Expression)write
            : Expression.Condition(isNull, Expression.Call(typeof(PackedRows).GetMethod(nameof(PackedRows.WriteNull))!, buffer), write);
        return Expression.Lambda<Action<T, ArrayBufferWriter<byte>>>(
            Expression.Block([value], Expression.Assign(value, model), body), entity, buffer).Compile();
    }

    static MethodInfo? PackMethod(Type valueType) =>
        typeof(PackedRows).GetMethod(nameof(PackedRows.Write), [typeof(ArrayBufferWriter<byte>), valueType]);
}
