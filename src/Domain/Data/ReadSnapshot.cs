using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Data.Sqlite;

namespace NewsApi.Domain.Data;

/// <summary>
/// Runs a request's queries (a count and its page) against one snapshot of the database, so a
/// total never comes from before an ingest batch and its page from after it. Inside an open snapshot
/// (the API opens one per GET, see ConditionalGets) it joins that one: disposing it then ends nothing.
/// </summary>
public static class ReadSnapshot
{
    public static Task<IAsyncDisposable> BeginAsync(NewsDbContext db, CancellationToken ct) =>
        SqliteReadSnapshot.BeginAsync(db, ct);
}
