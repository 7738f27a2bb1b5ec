namespace NewsApi.Api.Tests;

// The response shapes of SPEC section 3, as a client reads them.

public sealed record PageOf<T>(List<T> Items, int Page, int PageSize, int TotalCount, int TotalPages);

public sealed record ImageDto(string? Url, int? Width, int? Height, bool? IsCached, string? Title);

public sealed record ProviderRefDto(string? Name, string? Domain);

public sealed record SummaryDto(
    string Id, string? Category, string Title, string? Excerpt, DateTime? PublishedDateTime, string? Type,
    int? Quality, int? Heat, string? WebUrl, string? OriginalUrl, ProviderRefDto? Provider, List<string> Topics,
    ImageDto? Image, int RelatedCount);

public sealed record RelatedDto(
    string? Title, string? Excerpt, DateTime? PublishedDateTime, string? WebUrl, string? Type, ProviderRefDto? Provider,
    int? Quality, List<ImageDto> Images);

public sealed record ProviderDto(string Domain, string? Name, int ArticleCount, List<ImageDto> Images);

public sealed record TopicDto(string Slug, string Name, int ArticleCount);
