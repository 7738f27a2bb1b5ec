using NewsApi.Domain.Data.Sqlite;

namespace NewsApi.Domain.Data;

/// <summary>
/// Word search, and the keys the search knows articles by: a search key is a number that names one
/// stored article for as long as the article is unchanged (on SQLite, its rowid). In-memory indexes
/// keep keys instead of ids; every query here runs in the caller's transaction, if any.
/// </summary>
public static class ArticleSearch
{
    /// <summary>Ids of the articles whose title or excerpt has, for every word, a word starting with it.</summary>
    public static IQueryable<string> MatchingIds(NewsDbContext db, IReadOnlyList<string> words) =>
        SqliteArticleSearch.MatchingIds(db, words);

    /// <summary>Search keys of the same articles as <see cref="MatchingIds"/> (published or not), read synchronously.</summary>
    public static IEnumerable<long> MatchingKeys(NewsDbContext db, IReadOnlyList<string> words) =>
        SqliteArticleSearch.MatchingKeys(db, words);

    /// <summary>
    /// The search key of every published article, in the order of <paramref name="order"/> (property
    /// names of <see cref="Articles.Article"/>, each ascending or descending), with the value of
    /// <paramref name="valueProperty"/> when one is named; articles whose first ordering property is
    /// null are left out. Read synchronously: it is millions of rows.
    /// </summary>
    public static IEnumerable<(long Key, T? Value)> PublishedKeys<T>(
        NewsDbContext db, string? valueProperty, IReadOnlyList<(string Property, bool Descending)> order) =>
        SqliteArticleSearch.PublishedKeys<T>(db, valueProperty, order);

    /// <summary>How many articles are published, counted in a sort index rather than in the wide rows.</summary>
    public static Task<int> PublishedCountAsync(NewsDbContext db, CancellationToken ct) =>
        SqliteArticleSearch.PublishedCountAsync(db, ct);

    /// <summary>Every article's topics (slug, the article's name for it, its position in the file) with the article's search key (published or not).</summary>
    public static IEnumerable<(string Slug, long Key, string Name, int Position)> TopicKeys(NewsDbContext db) =>
        SqliteArticleSearch.TopicKeys(db);

    /// <summary>
    /// The list columns of the articles with these search keys, by key, with their topics in their
    /// file's order when <paramref name="withTopics"/> (else the topic lists are empty, for a caller
    /// that knows them), without EF Core's query pipeline: the hot path of every list.
    /// </summary>
    public static Task<Dictionary<long, ArticleListRow>> ListRowsByKeysAsync(NewsDbContext db, IReadOnlyList<long> keys, bool withTopics, CancellationToken ct) =>
        Task.FromResult(SqliteListRows.Read(db, keys, withTopics));
}
