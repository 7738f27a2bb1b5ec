using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace NewsApi.Domain.Data.Sqlite;

static class SqliteSchemaSetup
{
    // A writer killed inside Migrate() leaves its lock row behind, and the next Migrate() would
    // wait for it forever. We are the only writer, so a row found before we start is stale.
    public static async Task ClearStaleMigrationLockAsync(NewsDbContext db, CancellationToken ct)
    {
        if (await ExistsAsync(db, "table", "__EFMigrationsLock", ct))
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM __EFMigrationsLock", ct);
        }
    }

    // The planner picks between the sort indexes and the filter indexes by their statistics; a
    // bounded ANALYZE keeps them current in a fraction of a second even at a million rows.
    public static Task AnalyzeAsync(NewsDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 2000; ANALYZE;", ct);

    // Building an index sorts the keys of every row. Given a 1 MB sort buffer instead of the page
    // cache's 16 MB, SQLite hands each filled buffer to a worker thread and goes on scanning, then
    // merges the sorted runs, so the core the load leaves idle sorts too: the indexes of 100,000
    // articles took 2.2 s instead of 2.9 s in the sqlite3 CLI (bench/README.md, ingest).
    public static async Task WithParallelSortsAsync(NewsDbContext db, Func<Task> build, CancellationToken ct)
    {
        var cacheSize = long.Parse((await TextColumnAsync(db, "PRAGMA cache_size", ct))[0], CultureInfo.InvariantCulture);
        var sorting = string.Create(CultureInfo.InvariantCulture, $"PRAGMA threads = {Math.Clamp(Environment.ProcessorCount, 1, 4)}; PRAGMA cache_size = -1024;");
        var after = string.Create(CultureInfo.InvariantCulture, $"PRAGMA threads = 0; PRAGMA cache_size = {cacheSize};");
        await db.Database.ExecuteSqlRawAsync(sorting, ct);
        try
        {
            await build();
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync(after, CancellationToken.None);
        }
    }

    // WAL lets the API read while the ingest writes; the mode is stored in the file, so set it once.
    public static Task UseWriteAheadLogAsync(NewsDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", ct);

    public static async Task<HashSet<string>> IndexNamesAsync(NewsDbContext db, CancellationToken ct) =>
        (await TextColumnAsync(db, "SELECT name FROM sqlite_master WHERE type = 'index'", ct)).ToHashSet(StringComparer.Ordinal);

    // What EF Core's GetAppliedMigrations reads, without the model of the history table that it builds first.
    public static async Task<List<string>> AppliedMigrationsAsync(NewsDbContext db, CancellationToken ct) =>
        await ExistsAsync(db, "table", HistoryRepository.DefaultTableName, ct)
            ? await TextColumnAsync(db, $"SELECT MigrationId FROM {HistoryRepository.DefaultTableName}", ct)
            : [];

    /// <summary>Whether the schema has an object of this type ('table', 'index', 'trigger') and name (our own constants, never user text).</summary>
    public static async Task<bool> ExistsAsync(NewsDbContext db, string type, string name, CancellationToken ct) =>
        (await TextColumnAsync(db, $"SELECT name FROM sqlite_master WHERE type = '{type}' AND name = '{name}'", ct)).Count > 0;

    // A plain command rather than SqlQueryRaw: EF Core compiles a query for each new one, and these
    // few look-ups at start cost ~0.1 s that way.
    static async Task<List<string>> TextColumnAsync(NewsDbContext db, string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(ct);
            var values = new List<string>();
            while (await reader.ReadAsync(ct))
            {
                values.Add(reader.GetString(0));
            }

            return values;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
