using NewsApi.Domain.Articles;

namespace NewsApi.Domain.Data;

/// <summary>The columns of one article that a list shows: what a page reads, and nothing more.</summary>
public sealed record ArticleListRow(
    string Id, string? Category, string Title, string? Excerpt, DateTime? PublishedAtUtc, string? Type,
    int? Quality, int? Heat, string? WebUrl, string? OriginalUrl, string? ProviderName, string? ProviderDomain,
    List<string> Topics, ImageInfo? Image, int RelatedCount)
{
    /// <summary>The image a list shows: the article's first.</summary>
    public static ImageInfo? First(List<ImageInfo> images) => images.Count > 0 ? images[0] : null;
}
