using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace NewsApi.Domain.Data.Sqlite;

/// <summary>
/// Per-connection SQLite settings. WAL itself is set once on the file by <see cref="DatabaseSchema"/>;
/// these must be set on every connection.
/// </summary>
sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();

    // Readers wait for a writer's checkpoint instead of failing; NORMAL is durable enough in WAL mode
    // (a power cut may lose the last commit, never consistency). The page cache is per connection and
    // the API pools one per concurrent request (32 connections held 8 MB each in a soak), so it stays
    // small; the OS caches the file for all of them.
    const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -2000;";

    // A pooled connection keeps its native handle, and the handle its settings: each handle is set
    // up once, not at every open (the API opens a connection per request).
    static readonly ConditionalWeakTable<sqlite3, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpen(connection))
        {
            Apply(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, Configured);

    // The ingest's connection: a 16 MB page cache (with 32 MB a 1,000,000-article run peaked at
    // 382-390 MiB against its 400 MB budget, with 16 MB at 352-367 MiB and no slower), and fewer,
    // larger checkpoints, so index pages that every batch touches are written to the database file
    // once per many batches. Temporary storage (the run's seen ids, the
    // sorts that build indexes after a bulk load) stays in files: in memory it grows with the corpus.
    const string BulkWritePragmas = "PRAGMA cache_size = -16384; PRAGMA wal_autocheckpoint = 16384;";

    /// <summary>The bulk settings on the open connection; its next open (from the pool) gets the usual ones again.</summary>
    public static async Task PrepareForBulkWritesAsync(NewsDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(BulkWritePragmas, ct);
        if (db.Database.GetDbConnection() is SqliteConnection { Handle: { } handle })
        {
            Configured.Remove(handle);
        }
    }

    static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
