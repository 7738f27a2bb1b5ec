using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsApi.Domain;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Tests;

/// <summary>
/// A read snapshot, and the version read that every GET makes in it, give back the connection they
/// opened: the API takes one per GET from pooled DbContexts, and a connection left open there is a
/// SQLite connection (and its page cache) held by an idle context, beyond the reads that
/// <c>MaxConcurrentReads</c> lets run.
/// </summary>
public sealed class ReadSnapshotConnectionTests : IDisposable
{
    readonly string _path = Path.Combine(Path.GetTempPath(), "newsapi-snapshot-" + Guid.NewGuid().ToString("N") + ".db");

    string ConnectionString => $"Data Source={_path}";

    [Fact]
    public async Task ASnapshotClosesTheConnectionItOpened()
    {
        await using var db = await MigratedAsync();

        await using (await ReadSnapshot.BeginAsync(db, CancellationToken.None))
        {
            Assert.Equal(0, await db.Articles.CountAsync());
            Assert.NotNull(db.Database.CurrentTransaction);
        }

        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
        Assert.Null(db.Database.CurrentTransaction);
    }

    [Fact]
    public async Task ASnapshotLeavesOpenAConnectionItsCallerOpened()
    {
        await using var db = await MigratedAsync();
        await db.Database.OpenConnectionAsync();

        await using (await ReadSnapshot.BeginAsync(db, CancellationToken.None))
        {
            Assert.Equal(0, await db.Articles.CountAsync());
        }

        Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
        await db.Database.CloseConnectionAsync();
        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
    }

    [Fact]
    public async Task TheVersionIsReadInTheSnapshotAndGivesBackItsConnection()
    {
        await using var db = await MigratedAsync();
        await db.Database.ExecuteSqlRawAsync("UPDATE ContentVersions SET Version = 42");

        Assert.Equal(42, await ContentVersions.CurrentAsync(db, CancellationToken.None));
        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);

        await using (await ReadSnapshot.BeginAsync(db, CancellationToken.None))
        {
            Assert.Equal(42, await ContentVersions.CurrentAsync(db, CancellationToken.None));
            await using var writer = await MigratedAsync();
            await writer.Database.ExecuteSqlRawAsync("UPDATE ContentVersions SET Version = 43");
            Assert.Equal(42, await ContentVersions.CurrentAsync(db, CancellationToken.None));
            Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
        }

        Assert.Equal(43, await ContentVersions.CurrentAsync(db, CancellationToken.None));
    }

    // Without the row no ingest could raise the version, and every cache keyed by it would serve stale content.
    [Fact]
    public async Task AMissingVersionRowIsAnErrorNotVersionZero()
    {
        await using var db = await MigratedAsync();
        await db.Database.ExecuteSqlRawAsync("DELETE FROM ContentVersions");

        await Assert.ThrowsAsync<InvalidOperationException>(() => ContentVersions.CurrentAsync(db, CancellationToken.None));
    }

    async Task<NewsDbContext> MigratedAsync()
    {
        var db = new NewsDbContext(DataServiceCollectionExtensions.CreateOptions(ConnectionString));
        await DatabaseSchema.MigrateAsync(db);
        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
        return db;
    }

    public void Dispose()
    {
        // Only this file's pool: other tests' pooled connections stay as they are.
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
