using System.Linq.Expressions;
using System.Text.Json;
using NewsApi.Domain.Articles;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Articles;

/// <summary>
/// What the database returns for each response shape: only the columns a shape needs, no tracking.
/// Images arrive as lists from their JSON column and are shaped in memory.
/// </summary>
static class ArticleProjections
{
    public static readonly Expression<Func<Article, ArticleListRow>> Summary = a => new ArticleListRow(
        a.Id, a.Category, a.Title, a.Excerpt, a.PublishedAtUtc, a.Type, a.Quality, a.Heat, a.WebUrl, a.OriginalUrl,
        a.ProviderName, a.ProviderDomain,
        a.Topics.OrderBy(t => t.Position).Select(t => t.Name).ToList(),
        ArticleListRow.First(a.Images), a.RelatedCount);

    public static ArticleSummary ToSummary(ArticleListRow r) => new(
        r.Id, r.Category, r.Title, r.Excerpt, r.PublishedAtUtc, r.Type, r.Quality, r.Heat, r.WebUrl, r.OriginalUrl,
        ProviderRef.From(r.ProviderName, r.ProviderDomain), r.Topics,
        r.Image is null ? null : ImageResponse.From(r.Image), r.RelatedCount);

    public sealed record DetailRow(
        string Id, string? Category, string Title, string? Excerpt, DateTime? PublishedAtUtc, string? Type,
        int? Quality, int? Heat, string? WebUrl, string? OriginalUrl, string? AmpWebUrl, string? CdnAmpWebUrl,
        string? FeaturedContent, string? ProviderName, string? ProviderDomain, List<ImageInfo> ProviderImages,
        List<TopicRef> Topics, List<ImageInfo> Images, List<RelatedLink> Related, int RelatedCount, string? ExtraJson)
    {
        public ArticleDetail ToResponse() => new(
            Id, Category, Title, Excerpt, PublishedAtUtc, Type, Quality, Heat, WebUrl, OriginalUrl, AmpWebUrl, CdnAmpWebUrl,
            FeaturedContent,
            ProviderName is null && ProviderDomain is null && ProviderImages.Count == 0
                ? null
                : new ProviderDetailRef(ProviderName, ProviderDomain, ImageResponse.From(ProviderImages)),
            Topics, Images.Count > 0 ? ImageResponse.From(Images[0]) : null, ImageResponse.From(Images), Related.ConvertAll(ArticleProjections.ToResponse), RelatedCount,
            ExtraJson is null ? null : JsonSerializer.Deserialize<JsonElement>(ExtraJson));
    }

    public static readonly Expression<Func<Article, DetailRow>> Detail = a => new DetailRow(
        a.Id, a.Category, a.Title, a.Excerpt, a.PublishedAtUtc, a.Type, a.Quality, a.Heat, a.WebUrl, a.OriginalUrl,
        a.AmpWebUrl, a.CdnAmpWebUrl, a.FeaturedContent, a.ProviderName, a.ProviderDomain, a.ProviderImages,
        a.Topics.OrderBy(t => t.Position).Select(t => new TopicRef(t.Name, t.TopicSlug)).ToList(),
        a.Images, a.Related.OrderBy(r => r.Position).ToList(), a.RelatedCount, a.ExtraJson);

    public static RelatedLinkResponse ToResponse(RelatedLink r) => new(
        r.Title, r.Excerpt, r.PublishedAtUtc, r.WebUrl, r.Type, ProviderRef.From(r.ProviderName, r.ProviderDomain),
        r.Quality, ImageResponse.From(r.Images));
}
