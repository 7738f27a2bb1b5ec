using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NewsApi.Domain.Data.Sqlite;

/// <summary>
/// The content version read on read-only native connections kept open, the statement prepared once:
/// no pool, no EF Core, no explicit transaction (one statement reads one consistent state).
/// </summary>
sealed class SqliteContentVersionProbe(string connectionString) : ContentVersionProbe
{
    const string Sql = """SELECT "Version" FROM "ContentVersions" WHERE "Id" = 1""";

    readonly string _path = new SqliteConnectionStringBuilder(connectionString).DataSource;
    readonly ConcurrentBag<Statement> _idle = [];

    static SqliteContentVersionProbe() => Batteries_V2.Init();

    public override long Current()
    {
        var statement = _idle.TryTake(out var idle) ? idle : Statement.Open(_path);
        try
        {
            return statement.Read();
        }
        finally
        {
            _idle.Add(statement);
        }
    }

    public override void Dispose()
    {
        while (_idle.TryTake(out var statement))
        {
            statement.Dispose();
        }
    }

    sealed class Statement(sqlite3 db, sqlite3_stmt select) : IDisposable
    {
        public static Statement Open(string path)
        {
            Check(raw.sqlite3_open_v2(path, out var db, raw.SQLITE_OPEN_READONLY, null), db);
            raw.sqlite3_busy_timeout(db, 10_000);
            Check(raw.sqlite3_prepare_v2(db, Sql, out var select), db);
            return new Statement(db, select);
        }

        public long Read()
        {
            try
            {
                var result = raw.sqlite3_step(select);
                Check(result == raw.SQLITE_DONE ? raw.SQLITE_ERROR : result, db, "the content version row is missing");
                return raw.sqlite3_column_int64(select, 0);
            }
            finally
            {
                raw.sqlite3_reset(select);
            }
        }

        public void Dispose()
        {
            select.Dispose();
            db.Dispose();
        }

        static void Check(int result, sqlite3 db, string? message = null)
        {
            if (result is not (raw.SQLITE_OK or raw.SQLITE_ROW))
            {
                throw new SqliteException(message ?? raw.sqlite3_errmsg(db).utf8_to_string(), result);
            }
        }
    }
}
