using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Data;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// The ingest copies the write-ahead log into the database file on a connection of its own, so its
/// writer does not stop to do it. Here the writer never checkpoints (<c>wal_autocheckpoint = 0</c>):
/// only the background checkpoints can bring its pages into the file.
/// </summary>
public sealed class BackgroundCheckpointTests : IDisposable
{
    readonly TempWorkspace _workspace = new();

    [Fact]
    public async Task PagesAWriterCommitsReachTheFileWhileItKeepsWriting()
    {
        await using var db = _workspace.OpenDb();
        await db.Database.OpenConnectionAsync();
        await DatabaseSchema.MigrateAsync(db);
        var writer = (SqliteConnection)db.Database.GetDbConnection();
        Execute(writer, "PRAGMA wal_autocheckpoint = 0; CREATE TABLE filler(x BLOB)");
        var before = new FileInfo(_workspace.DatabasePath).Length;

        await using (await DatabaseSchema.StartBackgroundCheckpointsAsync(db))
        {
            for (var batch = 0; batch < 20; batch++)
            {
                Execute(writer, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO filler SELECT randomblob(1000) FROM n");
            }

            // ~4 MB committed to the log; the file grows only as checkpoints copy it there.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (new FileInfo(_workspace.DatabasePath).Length < before + 3_000_000 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }

        Assert.True(new FileInfo(_workspace.DatabasePath).Length >= before + 3_000_000, "the log was not copied into the file");
        Assert.Equal(4000L, Convert.ToInt64(Scalar(writer, "SELECT count(*) FROM filler")));
        Assert.Equal("ok", Scalar(writer, "PRAGMA integrity_check"));
    }

    [Fact]
    public async Task StoppingThemWithoutAWriteAheadLogIsHarmless()
    {
        await using var db = _workspace.OpenDb();
        await db.Database.OpenConnectionAsync();
        Execute((SqliteConnection)db.Database.GetDbConnection(), "PRAGMA journal_mode = DELETE; CREATE TABLE t(x)");

        await using (await DatabaseSchema.StartBackgroundCheckpointsAsync(db))
        {
            await Task.Delay(100);
        }

        Assert.Equal("delete", Scalar((SqliteConnection)db.Database.GetDbConnection(), "PRAGMA journal_mode"));
    }

    static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose() => _workspace.Dispose();
}
