using NewsApi.Domain.Articles;

namespace NewsApi.Domain.Data;

/// <summary>The columns of one article that its detail shows, with its topics and related links in file order.</summary>
public sealed record ArticleDetailRow(
    string Id, string? Category, string Title, string? Excerpt, DateTime? PublishedAtUtc, string? Type,
    int? Quality, int? Heat, string? WebUrl, string? OriginalUrl, string? AmpWebUrl, string? CdnAmpWebUrl,
    string? FeaturedContent, string? ProviderName, string? ProviderDomain, List<ImageInfo> ProviderImages,
    List<ArticleTopic> Topics, List<ImageInfo> Images, List<RelatedLink> Related, int RelatedCount, string? ExtraJson);
