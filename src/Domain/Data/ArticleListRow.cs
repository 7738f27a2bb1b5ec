using NewsApi.Domain.Articles;

namespace NewsApi.Domain.Data;

/// <summary>The columns of one article that a list shows: what a page reads, and nothing more.</summary>
public sealed record ArticleListRow(
    string Id, string? Category, string Title, string? Excerpt, DateTime? PublishedAtUtc, string? Type,
    int? Quality, int? Heat, string? WebUrl, string? OriginalUrl, string? ProviderName, string? ProviderDomain,
    List<string> Topics, List<ImageInfo> Images, int RelatedCount);
