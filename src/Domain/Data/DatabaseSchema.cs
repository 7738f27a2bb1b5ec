using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Data.Sqlite;

namespace NewsApi.Domain.Data;

/// <summary>
/// Creates or upgrades the schema. Only the writer calls it: the ingest, or the API when it loads
/// its own sample content (the local default); in compose the ingest owns the database.
/// </summary>
public static class DatabaseSchema
{
    public static async Task MigrateAsync(NewsDbContext db, CancellationToken ct = default)
    {
        // Migrate only when pending: Migrate() takes a lock row even when there is nothing to do,
        // so calling it always would make every start write.
        var pending = await db.Database.GetPendingMigrationsAsync(ct);
        if (!pending.Any())
        {
            return;
        }

        await SqliteSchemaSetup.ClearStaleMigrationLockAsync(db, ct);
        await db.Database.MigrateAsync(ct);
        await SqliteSchemaSetup.UseWriteAheadLogAsync(db, ct);
    }

    /// <summary>Refreshes the query planner's statistics after a run that changed content.</summary>
    public static Task AnalyzeAsync(NewsDbContext db, CancellationToken ct = default) => SqliteSchemaSetup.AnalyzeAsync(db, ct);

    /// <summary>Tunes an open connection for a long run of batched writes (the ingest).</summary>
    public static Task PrepareForBulkWritesAsync(NewsDbContext db, CancellationToken ct = default) =>
        SqliteConnectionSetup.PrepareForBulkWritesAsync(db, ct);
}
