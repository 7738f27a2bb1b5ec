using NewsApi.Api.Articles;

namespace NewsApi.Api.Providers;

/// <summary>A publisher: its name and images are those most of its published articles give.</summary>
public sealed record ProviderResponse(string Domain, string? Name, int ArticleCount, IReadOnlyList<ImageResponse> Images);
