namespace NewsApi.Domain.Articles;

/// <summary>A topic, derived from the articles that name it, recomputed by the ingest like <see cref="Provider"/>.</summary>
public sealed class Topic
{
    public required string Slug { get; set; }
    public required string Name { get; set; }

    /// <summary>The name lower-cased, for case-insensitive sort and search.</summary>
    public required string NameKey { get; set; }
    public int ArticleCount { get; set; }
}
