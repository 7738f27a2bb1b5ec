using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsApi.Domain.Data.Sqlite;

static class SqliteReadSnapshot
{
    // A deferred transaction takes no lock until its first read and never a write lock: a plain
    // BeginTransaction() in Microsoft.Data.Sqlite is BEGIN IMMEDIATE, which would block the ingest.
    public static async Task<IAsyncDisposable> BeginAsync(NewsDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return Joined.Instance;
        }

        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = connection.BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, ct);
        return new Snapshot(db, transaction);
    }

    sealed class Joined : IAsyncDisposable
    {
        public static readonly Joined Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    sealed class Snapshot(NewsDbContext db, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }
}
