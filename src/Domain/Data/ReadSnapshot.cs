using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Data.Sqlite;

namespace NewsApi.Domain.Data;

/// <summary>
/// Runs a request's queries (a count and its page) against one snapshot of the database, so a
/// total never comes from before an ingest batch and its page from after it.
/// </summary>
public static class ReadSnapshot
{
    public static Task<IAsyncDisposable> BeginAsync(NewsDbContext db, CancellationToken ct) =>
        SqliteReadSnapshot.BeginAsync(db, ct);
}
