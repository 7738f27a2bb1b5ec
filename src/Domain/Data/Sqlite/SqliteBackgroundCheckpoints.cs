using Microsoft.Data.Sqlite;

namespace NewsApi.Domain.Data.Sqlite;

/// <summary>
/// Copies the write-ahead log into the database file on a connection and thread of its own, while a
/// bulk writer runs: the writer's own checkpoints (every <c>wal_autocheckpoint</c> pages) would stop its
/// inserts and index builds to copy every page a second time. A passive checkpoint never blocks the
/// writer or readers; the writer's automatic checkpoint stays as the backstop.
/// </summary>
sealed class SqliteBackgroundCheckpoints : IAsyncDisposable
{
    readonly SqliteConnection _connection;
    readonly CancellationTokenSource _stop = new();
    readonly Task _loop;

    SqliteBackgroundCheckpoints(SqliteConnection connection)
    {
        _connection = connection;
        _loop = Task.Run(LoopAsync);
    }

    public static async Task<SqliteBackgroundCheckpoints> StartAsync(string connectionString, CancellationToken ct)
    {
        // Not pooled: the connection must close, not wait in the pool, when the run is done.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        return new SqliteBackgroundCheckpoints(connection);
    }

    // One passive checkpoint copies all the log it can; between them the writer adds ~1 MB per 20 ms.
    // A fixed pause, not a retry while log is left: frames that a reader's snapshot still needs
    // cannot be copied, and retrying at once would spin for as long as that reader reads.
    async Task LoopAsync()
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await command.ExecuteNonQueryAsync(_stop.Token);
                await Task.Delay(Pause, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SqliteException)
            {
                // Busy or failed: the writer's own checkpoints still run; try again after the pause.
                await Task.Delay(Pause, CancellationToken.None);
            }
        }
    }

    static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await _connection.DisposeAsync();
        _stop.Dispose();
    }
}
