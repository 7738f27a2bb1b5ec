using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Data.Sqlite;

namespace NewsApi.Domain.Data;

/// <summary>
/// An INSERT prepared once and run once per row, its values (already converted to the provider's
/// types) bound by position. Only where the provider has a faster way than its commands.
/// </summary>
public abstract class PositionalInsert : IDisposable
{
    /// <summary>The statement prepared on the database's own handle, or null: then use a command.</summary>
    public static PositionalInsert? TryPrepare(DbContext db, string sql) =>
        db.Database.GetDbConnection() is SqliteConnection sqlite ? new SqliteInsertStatement(sqlite, sql) : null;

    /// <summary>Binds the value of the statement's parameter at <paramref name="index"/> (0-based, in order of appearance).</summary>
    public abstract void Bind(int index, object? value);

    public abstract void BindNull(int index);

    /// <summary>Binds text already encoded as UTF-8.</summary>
    public abstract void BindText(int index, ReadOnlySpan<byte> utf8);

    public abstract void BindBlob(int index, ReadOnlySpan<byte> bytes);

    public abstract void BindInt64(int index, long value);

    public abstract void BindDouble(int index, double value);

    public abstract void BindDateTime(int index, DateTime value);

    /// <summary>Runs the statement with the bound values, in the connection's current transaction.</summary>
    public abstract void Execute();

    public abstract void Dispose();
}
