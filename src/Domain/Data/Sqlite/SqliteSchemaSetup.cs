using Microsoft.EntityFrameworkCore;

namespace NewsApi.Domain.Data.Sqlite;

static class SqliteSchemaSetup
{
    // A writer killed inside Migrate() leaves its lock row behind, and the next Migrate() would
    // wait for it forever. We are the only writer, so a row found before we start is stale.
    public static async Task ClearStaleMigrationLockAsync(NewsDbContext db, CancellationToken ct)
    {
        var hasLockTable = await db.Database
            .SqlQueryRaw<int>("SELECT count(*) AS Value FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'")
            .SingleAsync(ct);
        if (hasLockTable > 0)
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM __EFMigrationsLock", ct);
        }
    }

    // The planner picks between the sort indexes and the filter indexes by their statistics; a
    // bounded ANALYZE keeps them current in a fraction of a second even at a million rows.
    public static Task AnalyzeAsync(NewsDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 2000; ANALYZE;", ct);

    // WAL lets the API read while the ingest writes; the mode is stored in the file, so set it once.
    public static Task UseWriteAheadLogAsync(NewsDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", ct);

    public static async Task<HashSet<string>> IndexNamesAsync(NewsDbContext db, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'index'").ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
}
