using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace NewsApi.Domain.Data.Sqlite;

/// <summary>
/// Statements of the read hot paths, prepared once per native connection and run on EF Core's open
/// connection, so in its transaction. A statement written as one SQL text per request was prepared
/// anew each time (for a list page, about a quarter of reading its 20 rows), and EF Core's query
/// pipeline compiles a shaper delegate on every execution. Microsoft.Data.Sqlite finalizes a
/// command's statements whenever its connection goes back to the pool, so these live on SQLite's
/// own handle, which the pool keeps open: a handle serves one connection at a time, and its
/// statements with it.
/// </summary>
sealed class SqlitePrepared
{
    // Keyed weakly by the handle: when the pool closes a handle, its statements are collected with it
    // (their finalizers finish SQLite's close of the handle).
    static readonly ConditionalWeakTable<sqlite3, SqlitePrepared> ByHandle = [];

    readonly sqlite3 _db;
    readonly Dictionary<string, sqlite3_stmt> _statements = new(StringComparer.Ordinal);

    SqlitePrepared(sqlite3 db) => _db = db;

    /// <summary>The statements of <paramref name="db"/>'s open connection.</summary>
    public static SqlitePrepared Of(NewsDbContext db) =>
        ByHandle.GetValue(
            ((SqliteConnection)db.Database.GetDbConnection()).Handle ?? throw new InvalidOperationException("the connection is not open"),
            handle => new SqlitePrepared(handle));

    /// <summary>Starts a run of <paramref name="sql"/> with <paramref name="key"/> bound to ?1; disposing the run resets the statement for the next.</summary>
    public Run Start(string sql, long key)
    {
        var statement = Prepare(sql);
        raw.sqlite3_bind_int64(statement, 1, key);
        return new Run(this, statement);
    }

    /// <inheritdoc cref="Start(string, long)"/>
    public Run Start(string sql, string key)
    {
        var statement = Prepare(sql);
        raw.sqlite3_bind_text(statement, 1, key);
        return new Run(this, statement);
    }

    sqlite3_stmt Prepare(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            var result = raw.sqlite3_prepare_v2(_db, sql, out statement);
            if (result != raw.SQLITE_OK)
            {
                throw Error(result);
            }

            _statements[sql] = statement;
        }

        return statement;
    }

    SqliteException Error(int result) => new(raw.sqlite3_errmsg(_db).utf8_to_string(), result, raw.sqlite3_extended_errcode(_db));

    /// <summary>One execution of a statement: step it, read the row's columns; disposing resets it.</summary>
    public readonly struct Run(SqlitePrepared owner, sqlite3_stmt statement) : IDisposable
    {
        /// <summary>Binds a further parameter (<c>?2</c>, …) before the first step.</summary>
        public void Bind(int parameter, long value) => raw.sqlite3_bind_int64(statement, parameter, value);

        public bool Step() => raw.sqlite3_step(statement) switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            var result => throw owner.Error(result),
        };

        public bool IsNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

        public string? Text(int column) => IsNull(column) ? null : raw.sqlite3_column_text(statement, column).utf8_to_string();

        public int? Number(int column) => IsNull(column) ? null : raw.sqlite3_column_int(statement, column);

        public int Int(int column) => raw.sqlite3_column_int(statement, column);

        /// <summary>The column's bytes (text as UTF-8), valid until the next step or reset.</summary>
        public ReadOnlySpan<byte> Bytes(int column) => raw.sqlite3_column_blob(statement, column);

        // Stored as Microsoft.Data.Sqlite writes a DateTime (text, UTC by our converter), read back as it reads one.
        public DateTime? Date(int column) =>
            Text(column) is { } text ? DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture), DateTimeKind.Utc) : null;

        // The binding stays until the next Start binds over it.
        public void Dispose() => raw.sqlite3_reset(statement);
    }
}
