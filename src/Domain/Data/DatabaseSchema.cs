using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
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
        var applied = await SqliteSchemaSetup.AppliedMigrationsAsync(db, ct);
        if (db.Database.GetMigrations().All(applied.Contains))
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

    /// <summary>Starts copying the write-ahead log into the file beside a bulk writer; dispose it when the writer is done.</summary>
    public static async Task<IAsyncDisposable> StartBackgroundCheckpointsAsync(NewsDbContext db, CancellationToken ct = default) =>
        await SqliteBackgroundCheckpoints.StartAsync(db.Database.GetConnectionString()!, ct);

    /// <summary>
    /// Drops the model's secondary indexes (never a key or a unique index) and suspends the full-text
    /// index, so that a load into an empty database builds each index once, sorted, at the end
    /// (<see cref="CreateMissingIndexesAsync"/>) instead of row by row. Readers meanwhile see the same
    /// rows, only slower, and a search finds none of the new ones until the end.
    /// </summary>
    public static async Task DropSecondaryIndexesAsync(NewsDbContext db, CancellationToken ct = default)
    {
        // A drop needs only the names, which the compiled model has.
        await ExecuteAsync(db, SecondaryIndexes(db.Model).Select(i => new DropIndexOperation { Name = i.Name, Table = i.Table.Name, Schema = i.Table.Schema }), db.Model, ct);
        await SqliteArticleSearch.SuspendIndexingAsync(db, ct);
    }

    /// <summary>
    /// Creates the secondary indexes that the database lacks and catches the full-text index up: after
    /// a bulk load, and at every writer start, since a writer killed during a bulk load leaves them dropped.
    /// </summary>
    public static async Task CreateMissingIndexesAsync(NewsDbContext db, CancellationToken ct = default)
    {
        var existing = await SqliteSchemaSetup.IndexNamesAsync(db, ct);
        if (!SecondaryIndexes(db.Model).All(i => existing.Contains(i.Name)))
        {
            var model = DesignTimeModel(db);
            var missing = SecondaryIndexes(model).Where(i => !existing.Contains(i.Name)).Select(CreateIndexOperation.CreateFrom);
            await SqliteSchemaSetup.WithParallelSortsAsync(db, () => ExecuteAsync(db, missing, model, ct), ct);
        }

        await SqliteArticleSearch.ResumeIndexingAsync(db, ct);
    }

    /// <summary>
    /// Builds, on the thread pool, what <see cref="CreateMissingIndexesAsync"/> needs to write the
    /// indexes' DDL (the model built from the configurations, ~0.2 s), so that the end of a bulk load
    /// on these options does not wait for it on one core.
    /// </summary>
    public static Task PrepareIndexDefinitionsAsync(DbContextOptions<NewsDbContext> options) => Task.Run(() =>
    {
        using var db = new NewsDbContext(options);
        _ = DesignTimeModel(db);
    });

    static async Task ExecuteAsync(NewsDbContext db, IEnumerable<MigrationOperation> operations, IModel model, CancellationToken ct)
    {
        var commands = db.GetService<IMigrationsSqlGenerator>().Generate(operations.ToList(), model);
        foreach (var command in commands)
        {
            await db.Database.ExecuteSqlRawAsync(command.CommandText, ct);
        }
    }

    // The compiled model (db.Model) names the indexes but leaves out what only DDL needs, such as a
    // column's sort order; the model built from the configurations has it all but takes ~0.3 s to build.
    static IModel DesignTimeModel(NewsDbContext db) => db.GetService<IDesignTimeModel>().Model;

    static IEnumerable<ITableIndex> SecondaryIndexes(IModel model) =>
        model.GetRelationalModel().Tables.SelectMany(t => t.Indexes).Where(i => !i.IsUnique);
}
