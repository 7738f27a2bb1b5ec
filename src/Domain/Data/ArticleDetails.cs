using NewsApi.Domain.Articles;
using NewsApi.Domain.Data.Sqlite;

namespace NewsApi.Domain.Data;

/// <summary>
/// One article's detail and related links without EF Core's query pipeline: the hot paths of
/// <c>/api/articles/{id}</c> and <c>/api/articles/{id}/related</c>. Each runs in the caller's
/// transaction, which must be open.
/// </summary>
public static class ArticleDetails
{
    /// <summary>The published article with this id and its topics and related links, or null.</summary>
    public static Task<ArticleDetailRow?> ReadAsync(NewsDbContext db, string id, CancellationToken ct) =>
        Task.FromResult(SqliteArticleDetails.Read(db, id));

    /// <summary>A published article's number of related links (each is a row of RelatedLinks), or null when there is no such article.</summary>
    public static Task<int?> RelatedCountAsync(NewsDbContext db, string id, CancellationToken ct) =>
        Task.FromResult(SqliteArticleDetails.RelatedCount(db, id));

    /// <summary>A page of the article's related links, in file order.</summary>
    public static Task<List<RelatedLink>> RelatedPageAsync(NewsDbContext db, string id, int offset, int size, CancellationToken ct) =>
        Task.FromResult(SqliteArticleDetails.RelatedPage(db, id, offset, size));
}
