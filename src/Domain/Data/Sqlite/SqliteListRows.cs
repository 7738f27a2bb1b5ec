using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Articles;
using SQLitePCL;

namespace NewsApi.Domain.Data.Sqlite;

/// <summary>
/// A list page's rows read by search key on statements prepared once per native connection. A page
/// written as one SQL text per request (its keys in the text) was prepared anew each time, and
/// preparing cost about a quarter of reading its 20 rows. Microsoft.Data.Sqlite finalizes a command's
/// statements whenever its connection goes back to the pool, so these live on SQLite's own handle,
/// which the pool keeps open: a handle serves one connection at a time, and its statements with it.
/// </summary>
static class SqliteListRows
{
    const string RowSql = """
        SELECT "Id", "Category", "Title", "Excerpt", "PublishedAtUtc", "Type", "Quality", "Heat",
               "WebUrl", "OriginalUrl", "ProviderName", "ProviderDomain", "Images", "RelatedCount"
        FROM "Articles" WHERE rowid = ?1
        """;

    const string TopicsSql = """
        SELECT t."Name" FROM "Articles" AS a JOIN "ArticleTopics" AS t ON t."ArticleId" = a."Id"
        WHERE a.rowid = ?1 ORDER BY t."Position"
        """;

    // Keyed weakly by the handle: when the pool closes a handle, its statements are collected with it
    // (their finalizers finish SQLite's close of the handle).
    static readonly ConditionalWeakTable<sqlite3, Statements> Prepared = [];

    /// <summary>
    /// The list columns of each key's article (a key with no article is left out), read on EF Core's
    /// open connection, so in its snapshot.
    /// </summary>
    public static Dictionary<long, ArticleListRow> Read(NewsDbContext db, IReadOnlyList<long> keys, bool withTopics)
    {
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle ?? throw new InvalidOperationException("the connection is not open");
        var statements = Prepared.GetValue(handle, h => new Statements(h));
        var rows = new Dictionary<long, ArticleListRow>(keys.Count);
        foreach (var key in keys)
        {
            if (statements.Row(key) is { } row)
            {
                if (withTopics)
                {
                    statements.AddTopics(key, row.Topics);
                }

                rows[key] = row;
            }
        }

        return rows;
    }

    sealed class Statements(sqlite3 db)
    {
        readonly sqlite3_stmt _row = Prepare(db, RowSql);
        readonly sqlite3_stmt _topics = Prepare(db, TopicsSql);

        public ArticleListRow? Row(long key)
        {
            try
            {
                raw.sqlite3_bind_int64(_row, 1, key);
                if (Step(_row) is false)
                {
                    return null;
                }

                var s = _row;
                return new ArticleListRow(
                    Text(s, 0)!, Text(s, 1), Text(s, 2)!, Text(s, 3), Date(s, 4), Text(s, 5), Number(s, 6), Number(s, 7),
                    Text(s, 8), Text(s, 9), Text(s, 10), Text(s, 11), [],
                    raw.sqlite3_column_type(s, 12) == raw.SQLITE_NULL ? null : ImageJson.First(raw.sqlite3_column_blob(s, 12)),
                    raw.sqlite3_column_int(s, 13));
            }
            finally
            {
                raw.sqlite3_reset(_row);
            }
        }

        public void AddTopics(long key, List<string> names)
        {
            try
            {
                raw.sqlite3_bind_int64(_topics, 1, key);
                while (Step(_topics))
                {
                    names.Add(Text(_topics, 0)!);
                }
            }
            finally
            {
                raw.sqlite3_reset(_topics);
            }
        }

        bool Step(sqlite3_stmt statement) => raw.sqlite3_step(statement) switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            var result => throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), result, raw.sqlite3_extended_errcode(db)),
        };

        static sqlite3_stmt Prepare(sqlite3 db, string sql)
        {
            var result = raw.sqlite3_prepare_v2(db, sql, out var statement);
            return result == raw.SQLITE_OK
                ? statement
                : throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), result, raw.sqlite3_extended_errcode(db));
        }

        static string? Text(sqlite3_stmt s, int column) =>
            raw.sqlite3_column_type(s, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(s, column).utf8_to_string();

        static int? Number(sqlite3_stmt s, int column) =>
            raw.sqlite3_column_type(s, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int(s, column);

        // Stored as Microsoft.Data.Sqlite writes a DateTime (text, UTC by our converter), read back as it reads one.
        static DateTime? Date(sqlite3_stmt s, int column) =>
            Text(s, column) is { } text ? DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture), DateTimeKind.Utc) : null;
    }
}
