using NewsApi.Domain.Articles;
using NewsApi.Domain.Text;
using NewsApi.Ingest.FrontMatter;

namespace NewsApi.Ingest;

/// <summary>The one place where front matter becomes the stored model.</summary>
public static class ArticleMapper
{
    public static Article ToArticle(FrontMatterDocument doc, ContentFile file, string contentHash)
    {
        var id = file.Id;
        var category = doc.Category ?? file.FolderCategory;
        return new Article
        {
            Id = id,
            Source = new SourceFile { Path = file.RelativePath, Length = file.Length, ModifiedTicks = file.ModifiedTicks, ContentHash = contentHash },
            Category = category,
            CategoryKey = TextKeys.Fold(category),
            Title = doc.Title,
            TitleKey = TextKeys.Fold(doc.Title)!,
            Excerpt = doc.Excerpt,
            PublishedAtUtc = doc.PublishedAtUtc,
            OriginalUrl = doc.OriginalUrl,
            WebUrl = doc.WebUrl,
            AmpWebUrl = doc.AmpWebUrl,
            CdnAmpWebUrl = doc.CdnAmpWebUrl,
            Type = doc.Type,
            TypeKey = TextKeys.Fold(doc.Type),
            Quality = doc.Quality,
            Heat = doc.Heat,
            Published = doc.Published,
            FeaturedContent = doc.FeaturedContent,
            ProviderKey = ProviderKey(doc.Provider),
            ProviderName = doc.Provider?.Name,
            ProviderDomain = doc.Provider?.Domain,
            ProviderImages = [.. doc.Provider?.Images ?? []],
            ProviderExtraJson = doc.Provider?.ExtraJson,
            Images = [.. doc.Images],
            ExtraJson = doc.ExtraJson,
            Secured = doc.Secured,
            SearchText = TextKeys.SearchText(doc.Title, doc.Excerpt),
            RelatedCount = doc.Related.Count,
            DateAscKey = SortKey.Ascending(doc.PublishedAtUtc?.Ticks),
            DateDescKey = SortKey.Descending(doc.PublishedAtUtc?.Ticks),
            QualityAscKey = SortKey.Ascending(doc.Quality),
            QualityDescKey = SortKey.Descending(doc.Quality),
            HeatAscKey = SortKey.Ascending(doc.Heat),
            HeatDescKey = SortKey.Descending(doc.Heat),
            Topics = Topics(id, doc.Topics),
            Related = [.. doc.Related.Select((r, i) => ToRelatedLink(id, i, r))],
        };
    }

    /// <summary>SPEC: the lower-cased domain, or the lower-cased name when there is no domain.</summary>
    public static string? ProviderKey(ProviderFrontMatter? provider)
    {
        var key = !string.IsNullOrWhiteSpace(provider?.Domain) ? provider.Domain : provider?.Name;
        return string.IsNullOrWhiteSpace(key) ? null : TextKeys.Fold(key.Trim());
    }

    // Topics whose names slug to the same key are one topic: the first name wins. A name with no
    // letter or digit has no slug, so it cannot be addressed and is dropped.
    static List<ArticleTopic> Topics(string articleId, IReadOnlyList<string> names)
    {
        var topics = new List<ArticleTopic>();
        foreach (var name in names)
        {
            var slug = TextKeys.Slug(name);
            if (slug.Length > 0 && !topics.Exists(t => t.TopicSlug == slug))
            {
                topics.Add(new ArticleTopic { ArticleId = articleId, TopicSlug = slug, Name = name, Position = topics.Count });
            }
        }

        return topics;
    }

    static RelatedLink ToRelatedLink(string articleId, int position, RelatedFrontMatter related) => new()
    {
        ArticleId = articleId,
        Position = position,
        Title = related.Title,
        Excerpt = related.Excerpt,
        PublishedAtUtc = related.PublishedAtUtc,
        WebUrl = related.WebUrl,
        Type = related.Type,
        Quality = related.Quality,
        ProviderKey = ProviderKey(related.Provider),
        ProviderName = related.Provider?.Name,
        ProviderDomain = related.Provider?.Domain,
        ProviderExtraJson = related.Provider?.ExtraJson,
        Images = [.. related.Images],
        ExtraJson = related.ExtraJson,
    };
}
