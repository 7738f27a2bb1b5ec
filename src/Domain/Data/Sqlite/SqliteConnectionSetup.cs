using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

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

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The ingest's connection: a 32 MB page cache (64 MB took a 1,000,000-article run over its
    // 400 MB budget), and fewer, larger checkpoints, so index pages that every batch touches are
    // written to the database file once per many batches. Temporary storage (the run's seen ids, the
    // sorts that build indexes after a bulk load) stays in files: in memory it grows with the corpus.
    public const string BulkWritePragmas = "PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 16384;";

    static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
