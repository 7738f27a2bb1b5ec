using Microsoft.AspNetCore.Mvc;
using NewsApi.Api.Common;
using NewsApi.Domain.Articles;
using NewsApi.Domain.Data;
using NewsApi.Domain.Text;

namespace NewsApi.Api.Articles;

/// <summary>
/// The article list's query string as it arrives: every value a string (or strings), so that no
/// value fails to bind and <see cref="ArticleQuery.Parse"/> can name each bad one.
/// </summary>
public sealed record ArticleQueryParameters(
    [property: FromQuery(Name = "page")] string? Page,
    [property: FromQuery(Name = "pageSize")] string? PageSize,
    [property: FromQuery(Name = "minQuality")] string? MinQuality,
    [property: FromQuery(Name = "maxQuality")] string? MaxQuality,
    [property: FromQuery(Name = "minHeat")] string? MinHeat,
    [property: FromQuery(Name = "maxHeat")] string? MaxHeat,
    [property: FromQuery(Name = "topic")] string[]? Topic,
    [property: FromQuery(Name = "provider")] string? Provider,
    [property: FromQuery(Name = "type")] string? Type,
    [property: FromQuery(Name = "category")] string? Category,
    [property: FromQuery(Name = "from")] string? From,
    [property: FromQuery(Name = "to")] string? To,
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "sort")] string? Sort);

/// <summary>A validated article query: SPEC section 3's filters, sort and page.</summary>
public sealed record ArticleQuery(
    PageRequest Paging,
    int? MinQuality, int? MaxQuality, int? MinHeat, int? MaxHeat,
    IReadOnlyList<string> TopicSlugs, string? ProviderKey, string? TypeKey, string? CategoryKey,
    DateTime? From, DateTime? To, IReadOnlyList<string> Words, string Sort)
{
    public static readonly IReadOnlyList<string> Sorts =
        ["-publishedDateTime", "publishedDateTime", "-quality", "quality", "-heat", "heat", "title", "-title"];

    public const int MaxQLength = ArticleQueryLimits.MaxQLength;

    public static ArticleQuery Parse(ArticleQueryParameters p, QueryErrors errors)
    {
        var paging = errors.Page(p.Page, p.PageSize);
        var minQuality = errors.WholeNumber("minQuality", p.MinQuality);
        var maxQuality = errors.WholeNumber("maxQuality", p.MaxQuality);
        var minHeat = errors.WholeNumber("minHeat", p.MinHeat);
        var maxHeat = errors.WholeNumber("maxHeat", p.MaxHeat);
        var from = errors.Instant("from", p.From);
        var to = errors.Instant("to", p.To);
        var q = errors.Text("q", p.Q, MaxQLength);
        var sort = errors.Choice("sort", p.Sort, Sorts);

        if (minQuality > maxQuality)
        {
            errors.Add("minQuality", "'minQuality' must not be greater than 'maxQuality'.");
        }

        if (minHeat > maxHeat)
        {
            errors.Add("minHeat", "'minHeat' must not be greater than 'maxHeat'.");
        }

        if (from > to)
        {
            errors.Add("from", "'from' must not be after 'to'.");
        }

        var topics = (p.Topic ?? [])
            .Where(t => !string.IsNullOrEmpty(t))
            .Select(TextKeys.Slug)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new ArticleQuery(
            paging, minQuality, maxQuality, minHeat, maxHeat, topics,
            Key(p.Provider), Key(p.Type), Key(p.Category), from, to,
            q is null ? [] : DistinctPrefixes(TextKeys.Words(q)), sort);
    }

    // A word that starts another word is implied by it ("cloud" by "clouds"): dropping it keeps the
    // meaning and spares the index a wide prefix scan per duplicate.
    static List<string> DistinctPrefixes(List<string> words) =>
        [.. words.Distinct(StringComparer.Ordinal).Where(w => !words.Exists(o => o.Length > w.Length && o.StartsWith(w, StringComparison.Ordinal)))];

    static string? Key(string? value) => string.IsNullOrEmpty(value) ? null : TextKeys.Fold(value.Trim());

    /// <summary>The published articles that pass every filter, unordered.</summary>
    public IQueryable<Article> Filter(IQueryable<Article> articles, NewsDbContext db)
    {
        articles = articles.Where(a => a.Published);
        if (MinQuality is { } minQuality) { articles = articles.Where(a => a.Quality >= minQuality); }
        if (MaxQuality is { } maxQuality) { articles = articles.Where(a => a.Quality <= maxQuality); }
        if (MinHeat is { } minHeat) { articles = articles.Where(a => a.Heat >= minHeat); }
        if (MaxHeat is { } maxHeat) { articles = articles.Where(a => a.Heat <= maxHeat); }
        if (ProviderKey is { } provider) { articles = articles.Where(a => a.ProviderKey == provider); }
        if (TypeKey is { } type) { articles = articles.Where(a => a.TypeKey == type); }
        if (CategoryKey is { } category) { articles = articles.Where(a => a.CategoryKey == category); }
        if (From is { } from) { articles = articles.Where(a => a.PublishedAtUtc >= from); }
        if (To is { } to) { articles = articles.Where(a => a.PublishedAtUtc < to); }
        // As "Id IN (…)": the topic's and the search's few ids drive the lookup, not a scan of every article.
        if (TopicSlugs.Count > 0)
        {
            var slugs = TopicSlugs;
            var inTopics = db.ArticleTopics.Where(t => slugs.Contains(t.TopicSlug)).Select(t => t.ArticleId);
            articles = articles.Where(a => inTopics.Contains(a.Id));
        }

        if (Words.Count > 0)
        {
            var found = ArticleSearch.MatchingIds(db, Words);
            articles = articles.Where(a => found.Contains(a.Id));
        }

        return articles;
    }

    /// <summary>SPEC's sort: articles without a value last in both directions, ties by id (see <see cref="SortKey"/>).</summary>
    public IOrderedQueryable<Article> Order(IQueryable<Article> articles) => Sort switch
    {
        "publishedDateTime" => articles.OrderBy(a => a.DateAscKey).ThenBy(a => a.Id),
        "-quality" => articles.OrderBy(a => a.QualityDescKey).ThenBy(a => a.Id),
        "quality" => articles.OrderBy(a => a.QualityAscKey).ThenBy(a => a.Id),
        "-heat" => articles.OrderBy(a => a.HeatDescKey).ThenBy(a => a.Id),
        "heat" => articles.OrderBy(a => a.HeatAscKey).ThenBy(a => a.Id),
        "title" => articles.OrderBy(a => a.TitleKey).ThenBy(a => a.Id),
        "-title" => articles.OrderByDescending(a => a.TitleKey).ThenBy(a => a.Id),
        _ => articles.OrderBy(a => a.DateDescKey).ThenBy(a => a.Id),
    };

    /// <summary>
    /// <see cref="Order"/> as stored columns, for a reader that orders by name (the list index reads
    /// each sort from the database this way); the two must agree, which the parity tests check.
    /// </summary>
    public static IReadOnlyList<(string Property, bool Descending)> SortColumns(string sort) => sort switch
    {
        "publishedDateTime" => [(nameof(Article.DateAscKey), false), (nameof(Article.Id), false)],
        "-quality" => [(nameof(Article.QualityDescKey), false), (nameof(Article.Id), false)],
        "quality" => [(nameof(Article.QualityAscKey), false), (nameof(Article.Id), false)],
        "-heat" => [(nameof(Article.HeatDescKey), false), (nameof(Article.Id), false)],
        "heat" => [(nameof(Article.HeatAscKey), false), (nameof(Article.Id), false)],
        "title" => [(nameof(Article.TitleKey), false), (nameof(Article.Id), false)],
        "-title" => [(nameof(Article.TitleKey), true), (nameof(Article.Id), false)],
        _ => [(nameof(Article.DateDescKey), false), (nameof(Article.Id), false)],
    };

    /// <summary>What identifies the filtered set, whatever its page and order: the key of its cached count.</summary>
    public string FilterKey => string.Join('\u001f',
        MinQuality, MaxQuality, MinHeat, MaxHeat, string.Join('\u001e', TopicSlugs), ProviderKey, TypeKey, CategoryKey,
        From?.Ticks, To?.Ticks, string.Join('\u001e', Words));
}
