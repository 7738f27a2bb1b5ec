using System.Text.Json;
using NewsApi.Domain.Articles;

namespace NewsApi.Api.Articles;

/// <summary>An image as the file gives it.</summary>
public sealed record ImageResponse(string? Url, int? Width, int? Height, bool? IsCached, string? Title)
{
    public static ImageResponse From(ImageInfo image) => new(image.Url, image.Width, image.Height, image.IsCached, image.Title);

    public static List<ImageResponse> From(List<ImageInfo> images) => images.ConvertAll(From);
}

/// <summary>A provider as one article gives it.</summary>
public sealed record ProviderRef(string? Name, string? Domain)
{
    public static ProviderRef? From(string? name, string? domain) => name is null && domain is null ? null : new(name, domain);
}

/// <summary>A provider as one article gives it, with its images.</summary>
public sealed record ProviderDetailRef(string? Name, string? Domain, IReadOnlyList<ImageResponse> Images);

public sealed record TopicRef(string Name, string Slug);

/// <summary>One article in a list.</summary>
public sealed record ArticleSummary(
    string Id, string? Category, string Title, string? Excerpt, DateTime? PublishedDateTime, string? Type,
    int? Quality, int? Heat, string? WebUrl, string? OriginalUrl, ProviderRef? Provider,
    IReadOnlyList<string> Topics, ImageResponse? Image, int RelatedCount);

/// <summary>One article in full.</summary>
public sealed record ArticleDetail(
    string Id, string? Category, string Title, string? Excerpt, DateTime? PublishedDateTime, string? Type,
    int? Quality, int? Heat, string? WebUrl, string? OriginalUrl, string? AmpWebUrl, string? CdnAmpWebUrl,
    string? FeaturedContent, ProviderDetailRef? Provider, IReadOnlyList<TopicRef> Topics,
    ImageResponse? Image, IReadOnlyList<ImageResponse> Images, IReadOnlyList<RelatedLinkResponse> Related, int RelatedCount,
    JsonElement? Extra);

/// <summary>A link to coverage elsewhere.</summary>
public sealed record RelatedLinkResponse(
    string? Title, string? Excerpt, DateTime? PublishedDateTime, string? WebUrl, string? Type,
    ProviderRef? Provider, int? Quality, IReadOnlyList<ImageResponse> Images);
