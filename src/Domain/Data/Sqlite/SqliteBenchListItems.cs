using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace NewsApi.Domain.Data.Sqlite;

/// <summary>
/// The benchmark-only table of list items rendered as JSON in the default order (<c>k</c> = 1, 2, …),
/// which <c>bench/ceiling.sh</c> adds to a copy of a database; read on statements prepared once per
/// native connection, like <see cref="SqliteListRows"/>.
/// </summary>
static class SqliteBenchListItems
{
    const string CountSql = """SELECT max("k") FROM "BenchListItems" """;
    const string PageSql = """SELECT "j" FROM "BenchListItems" WHERE "k" > ?1 ORDER BY "k" LIMIT ?2""";

    static readonly ConditionalWeakTable<sqlite3, Statements> Prepared = [];

    /// <summary>How many items the table holds, or null when this database has no such table.</summary>
    public static int? Count(NewsDbContext db)
    {
        if (StatementsOf(db) is not { } statements)
        {
            return null;
        }

        try
        {
            return raw.sqlite3_step(statements.Count) == raw.SQLITE_ROW ? raw.sqlite3_column_int(statements.Count, 0) : 0;
        }
        finally
        {
            raw.sqlite3_reset(statements.Count);
        }
    }

    /// <summary>Writes the items after the first <paramref name="offset"/>, at most <paramref name="size"/>, as JSON values.</summary>
    public static void Write(NewsDbContext db, long offset, int size, Utf8JsonWriter json)
    {
        var page = (StatementsOf(db) ?? throw new InvalidOperationException("the database has no BenchListItems table")).Page;
        try
        {
            raw.sqlite3_bind_int64(page, 1, offset);
            raw.sqlite3_bind_int(page, 2, size);
            while (raw.sqlite3_step(page) == raw.SQLITE_ROW)
            {
                json.WriteRawValue(raw.sqlite3_column_blob(page, 0), skipInputValidation: true);
            }
        }
        finally
        {
            raw.sqlite3_reset(page);
        }
    }

    // Null while the table is missing (asked again next time: the table may be added later).
    static Statements? StatementsOf(NewsDbContext db)
    {
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle ?? throw new InvalidOperationException("the connection is not open");
        if (Prepared.TryGetValue(handle, out var statements))
        {
            return statements;
        }

        if (raw.sqlite3_prepare_v2(handle, CountSql, out var count) != raw.SQLITE_OK)
        {
            count.Dispose();
            return null;
        }

        if (raw.sqlite3_prepare_v2(handle, PageSql, out var pageStatement) != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), raw.sqlite3_extended_errcode(handle));
        }

        return Prepared.GetValue(handle, _ => new Statements(count, pageStatement));
    }

    sealed record Statements(sqlite3_stmt Count, sqlite3_stmt Page);
}
