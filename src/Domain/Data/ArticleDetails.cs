using NewsApi.Domain.Data.Sqlite;

namespace NewsApi.Domain.Data;

/// <summary>One article's detail without EF Core's query pipeline: the hot path of <c>/api/articles/{id}</c>.</summary>
public static class ArticleDetails
{
    /// <summary>The published article with this id and its topics and related links, or null; run in the caller's transaction, which must be open.</summary>
    public static Task<ArticleDetailRow?> ReadAsync(NewsDbContext db, string id, CancellationToken ct) =>
        Task.FromResult(SqliteArticleDetails.Read(db, id));
}
