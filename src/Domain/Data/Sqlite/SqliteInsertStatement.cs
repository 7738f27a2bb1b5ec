using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NewsApi.Domain.Data.Sqlite;

/// <summary>
/// An INSERT on SQLite's own statement handle. Microsoft.Data.Sqlite binds each parameter by name at
/// every run (a search among the statement's names, each name converted to UTF-8 first): for the
/// ingest's 37-column article rows that was about a third of a row's cost (bench/README.md, ingest).
/// </summary>
sealed class SqliteInsertStatement : PositionalInsert
{
    readonly sqlite3 _db;
    readonly sqlite3_stmt _statement;

    // Text is bound as UTF-8, the database's encoding: bound as UTF-16, SQLite copies it and then
    // translates the copy (~2% of a full load's CPU, on the single writer).
    byte[] _utf8 = new byte[4096];

    public SqliteInsertStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public override void Bind(int index, object? value)
    {
        switch (value)
        {
            case null: BindNull(index); break;
            case string text: BindText(index, text); break;
            case long number: BindInt64(index, number); break;
            case int number: BindInt64(index, number); break;
            case bool flag: BindInt64(index, flag ? 1 : 0); break;
            case double number: BindDouble(index, number); break;
            case byte[] bytes: BindBlob(index, bytes); break;
            case DateTime time: BindDateTime(index, time); break;
            default: throw new NotSupportedException($"no SQLite binding for a {value.GetType().Name}");
        }
    }

    public override void BindNull(int index) => Check(raw.sqlite3_bind_null(_statement, index + 1));

    public override void BindText(int index, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(_statement, index + 1, utf8));

    public override void BindBlob(int index, ReadOnlySpan<byte> bytes) => Check(raw.sqlite3_bind_blob(_statement, index + 1, bytes));

    public override void BindInt64(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index + 1, value));

    public override void BindDouble(int index, double value) => Check(raw.sqlite3_bind_double(_statement, index + 1, value));

    // Microsoft.Data.Sqlite's text form, so that rows compare and sort as EF Core wrote them.
    public override void BindDateTime(int index, DateTime value)
    {
        Span<byte> text = stackalloc byte[32];
        value.TryFormat(text, out var length, "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        BindText(index, text[..length]);
    }

    void BindText(int index, string text)
    {
        if (_utf8.Length < Encoding.UTF8.GetMaxByteCount(text.Length))
        {
            _utf8 = new byte[Math.Max(Encoding.UTF8.GetMaxByteCount(text.Length), _utf8.Length * 2)];
        }

        // A lone surrogate becomes U+FFFD, as Microsoft.Data.Sqlite's commands store it.
        var length = Encoding.UTF8.GetBytes(text, _utf8);
        BindText(index, _utf8.AsSpan(0, length));
    }

    public override void Execute()
    {
        var result = raw.sqlite3_step(_statement);
        try
        {
            Check(result);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public override void Dispose() => _statement.Dispose();

    void Check(int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), result, raw.sqlite3_extended_errcode(_db));
        }
    }
}
