using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Articles;

namespace NewsApi.Domain.Data;

public static class ContentVersions
{
    /// <summary>The content's version in the current snapshot.</summary>
    public static Task<long> CurrentAsync(NewsDbContext db, CancellationToken ct) => Current(db, ct);

    // Compiled once: every API request reads it, and EF Core's per-call query lookup costs more than the read.
    static readonly Func<NewsDbContext, CancellationToken, Task<long>> Current = EF.CompileAsyncQuery(
        (NewsDbContext db, CancellationToken ct) => db.ContentVersions.Where(v => v.Id == ContentVersion.SingletonId).Select(v => v.Version).Single());

    /// <summary>
    /// Marks the current transaction's changes as a new version: the clock in milliseconds, or one
    /// more than the last if that is later. A rebuilt database thus never repeats an old number,
    /// so an ETag a client kept from the old one cannot match by accident.
    /// </summary>
    public static Task BumpAsync(NewsDbContext db, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return db.ContentVersions.Where(v => v.Id == ContentVersion.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version < now ? now : v.Version + 1), ct);
    }
}
