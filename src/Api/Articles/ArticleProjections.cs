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

    public static ArticleDetail ToDetail(ArticleDetailRow r) => new(
        r.Id, r.Category, r.Title, r.Excerpt, r.PublishedAtUtc, r.Type, r.Quality, r.Heat, r.WebUrl, r.OriginalUrl, r.AmpWebUrl, r.CdnAmpWebUrl,
        r.FeaturedContent,
        r.ProviderName is null && r.ProviderDomain is null && r.ProviderImages.Count == 0
            ? null
            : new ProviderDetailRef(r.ProviderName, r.ProviderDomain, ImageResponse.From(r.ProviderImages)),
        r.Topics.ConvertAll(t => new TopicRef(t.Name, t.TopicSlug)), r.Images.Count > 0 ? ImageResponse.From(r.Images[0]) : null,
        ImageResponse.From(r.Images), r.Related.ConvertAll(ToResponse), r.RelatedCount,
        r.ExtraJson is null ? null : JsonSerializer.Deserialize<JsonElement>(r.ExtraJson));

    public static RelatedLinkResponse ToResponse(RelatedLink r) => new(
        r.Title, r.Excerpt, r.PublishedAtUtc, r.WebUrl, r.Type, ProviderRef.From(r.ProviderName, r.ProviderDomain),
        r.Quality, ImageResponse.From(r.Images));
}
