namespace NewsApi.Domain.Articles;

/// <summary>
/// A publisher, derived from the articles that name it: the ingest recomputes a provider's row
/// whenever one of its articles changes. Name and images are those most of its published articles give.
/// </summary>
public sealed class Provider
{
    /// <summary>The lower-cased domain, or the lower-cased name when articles give no domain; served as its domain.</summary>
    public required string Key { get; set; }
    public string? Name { get; set; }

    /// <summary>The name lower-cased, for case-insensitive sort and search.</summary>
    public string? NameKey { get; set; }
    public List<ImageInfo> Images { get; set; } = [];
    public int ArticleCount { get; set; }
}
