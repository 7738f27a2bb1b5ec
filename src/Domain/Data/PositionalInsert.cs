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

    /// <summary>Runs the statement with the bound values, in the connection's current transaction.</summary>
    public abstract void Execute();

    public abstract void Dispose();
}
