using NewsApi.Domain.Articles;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Articles;

/// <summary>The articles a list starts from, before its query's filters: all, one provider's or one topic's.</summary>
public sealed record ArticleScope(string Key, string? ProviderKey, string? TopicSlug)
{
    public static readonly ArticleScope All = new("all", null, null);

    public static ArticleScope Provider(string key) => new("provider:" + key, key, null);

    public static ArticleScope Topic(string slug) => new("topic:" + slug, null, slug);

    public IQueryable<Article> Apply(NewsDbContext db)
    {
        if (ProviderKey is { } provider)
        {
            return db.Articles.Where(a => a.ProviderKey == provider);
        }

        if (TopicSlug is { } slug)
        {
            var inTopic = db.ArticleTopics.Where(t => t.TopicSlug == slug).Select(t => t.ArticleId);
            return db.Articles.Where(a => inTopic.Contains(a.Id));
        }

        return db.Articles;
    }
}
