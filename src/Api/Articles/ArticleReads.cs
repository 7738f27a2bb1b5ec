using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Articles;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Articles;

/// <summary>
/// The related-link reads, compiled once: translating a LINQ query again on every request (parameter
/// extraction, the query cache's hashing of the expression) cost more CPU than running its SQL. The
/// detail is read by <see cref="ArticleDetails"/>.
/// </summary>
static class ArticleReads
{
    /// <summary>A published article's number of related links (each is a row of RelatedLinks), or null when there is no such article.</summary>
    public static readonly Func<NewsDbContext, string, CancellationToken, Task<int?>> RelatedCount =
        EF.CompileAsyncQuery((NewsDbContext db, string id, CancellationToken ct) => db.Articles
            .Where(a => a.Id == id && a.Published)
            .Select(a => (int?)a.RelatedCount)
            .SingleOrDefault());

    public static readonly Func<NewsDbContext, string, int, int, IAsyncEnumerable<RelatedLink>> RelatedPage =
        EF.CompileAsyncQuery((NewsDbContext db, string id, int offset, int size) => db.RelatedLinks.AsNoTracking()
            .Where(r => r.ArticleId == id)
            .OrderBy(r => r.Position)
            .Skip(offset)
            .Take(size));
}
