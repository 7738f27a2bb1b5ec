using NewsApi.Domain.Data.Sqlite;

namespace NewsApi.Domain.Data;

public static class ArticleSearch
{
    /// <summary>Ids of the articles whose title or excerpt has, for every word, a word starting with it.</summary>
    public static IQueryable<string> MatchingIds(NewsDbContext db, IReadOnlyList<string> words) =>
        SqliteArticleSearch.MatchingIds(db, words);
}
