using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
        var joined = await db.Database.UseTransactionAsync(transaction, ct);
        return new Snapshot(db, transaction, joined!);
    }

    sealed class Joined : IAsyncDisposable
    {
        public static readonly Joined Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    // EF Core opens the connection once more when it joins a transaction, and closes it when its
    // wrapper is disposed (not when the transaction is merely unset): without that, the connection
    // stayed open in the pooled DbContext after every request, one per context ever used.
    sealed class Snapshot(NewsDbContext db, SqliteTransaction transaction, IDbContextTransaction joined) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await joined.DisposeAsync();
                await transaction.DisposeAsync();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
