using System.Globalization;
using System.Text;

namespace NewsApi.CheckBodies;

/// <summary>One request and what its answer must be.</summary>
sealed class Case
{
    public required string Kind { get; init; }
    public required string Url { get; init; }
    public int Status { get; init; } = 200;

    /// <summary>Set for the article lists (<c>/api/articles</c>, a topic's, a provider's).</summary>
    public ArticleFilter? Filter { get; init; }

    /// <summary>A paged response: its page, page size, total and the item keys of the page, in order.</summary>
    public bool Paged { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
    public string ItemKey { get; init; } = "id";
    public long? TotalCount { get; set; }
    public IReadOnlyList<string>? Keys { get; set; }

    /// <summary>For provider and topic lists: each item's expected articleCount, by its key.</summary>
    public Func<string, long>? ArticleCountOf { get; set; }

    /// <summary>For one article, provider or topic: expected scalar fields of the body.</summary>
    public Dictionary<string, object?> Fields { get; } = new(StringComparer.Ordinal);
}

/// <summary>An article list's query, as both a URL and a SQL condition.</summary>
sealed class ArticleFilter
{
    public int? MinQuality { get; set; }
    public int? MaxQuality { get; set; }
    public int? MinHeat { get; set; }
    public int? MaxHeat { get; set; }

    /// <summary>Values as sent (a name or a slug, any case) and the slugs they must match.</summary>
    public List<(string Given, string Slug)> Topics { get; } = [];
    public string? Provider { get; set; }
    public string? Type { get; set; }
    public string? Category { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Q { get; set; }
    public string? Sort { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }

    /// <summary>The topic or provider whose article list this is (the path, not a filter), if any.</summary>
    public string? ScopeTopicSlug { get; set; }
    public string? ScopeProviderKey { get; set; }

    public string QueryString()
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                parts.Add(name + "=" + Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!));
            }
        }

        Add("page", Page);
        Add("pageSize", PageSize);
        Add("minQuality", MinQuality);
        Add("maxQuality", MaxQuality);
        Add("minHeat", MinHeat);
        Add("maxHeat", MaxHeat);
        foreach (var (given, _) in Topics)
        {
            Add("topic", given);
        }

        Add("provider", Provider);
        Add("type", Type);
        Add("category", Category);
        Add("from", From);
        Add("to", To);
        Add("q", Q);
        Add("sort", Sort);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>SPEC section 3's filters in plain SQL over the stored columns; <c>q</c> is handled apart.</summary>
    public string Where(List<(string Name, object Value)> parameters)
    {
        var sql = new StringBuilder("a.Published = 1");
        void Add(string condition, object value)
        {
            var name = "@p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add((name, value));
            sql.Append(" AND ").Append(condition.Replace("@v", name, StringComparison.Ordinal));
        }

        if (MinQuality is { } minQuality) { Add("a.Quality >= @v", minQuality); }
        if (MaxQuality is { } maxQuality) { Add("a.Quality <= @v", maxQuality); }
        if (MinHeat is { } minHeat) { Add("a.Heat >= @v", minHeat); }
        if (MaxHeat is { } maxHeat) { Add("a.Heat <= @v", maxHeat); }
        if (Provider is { } provider) { Add("a.ProviderKey = @v", provider.ToLowerInvariant()); }
        if (ScopeProviderKey is { } scopeProvider) { Add("a.ProviderKey = @v", scopeProvider); }

        // SQLite's lower() folds ASCII only; the generated types and categories are ASCII.
        if (Type is { } type) { Add("lower(a.Type) = @v", type.ToLowerInvariant()); }
        if (Category is { } category) { Add("lower(a.Category) = @v", category.ToLowerInvariant()); }

        // Stored as 'yyyy-MM-dd HH:mm:ss' UTC text, which sorts as time does.
        if (From is { } from) { Add("a.PublishedAtUtc >= @v", from + " 00:00:00"); }
        if (To is { } to) { Add("a.PublishedAtUtc < @v", to + " 00:00:00"); }
        if (Topics.Count > 0)
        {
            var names = new List<string>();
            foreach (var (_, slug) in Topics)
            {
                var name = "@p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
                parameters.Add((name, slug));
                names.Add(name);
            }

            sql.Append(" AND EXISTS (SELECT 1 FROM ArticleTopics t WHERE t.ArticleId = a.Id AND t.TopicSlug IN (")
                .Append(string.Join(", ", names)).Append("))");
        }

        if (ScopeTopicSlug is { } scopeTopic)
        {
            Add("EXISTS (SELECT 1 FROM ArticleTopics t WHERE t.ArticleId = a.Id AND t.TopicSlug = @v)", scopeTopic);
        }

        return sql.ToString();
    }

    /// <summary>SPEC's order: no value last in both directions, ties by id (ordinal, as SQLite compares text).</summary>
    public string OrderBy() => (Sort ?? "-publishedDateTime") switch
    {
        "publishedDateTime" => "a.PublishedAtUtc IS NULL, a.PublishedAtUtc, a.Id",
        "-quality" => "a.Quality IS NULL, a.Quality DESC, a.Id",
        "quality" => "a.Quality IS NULL, a.Quality, a.Id",
        "-heat" => "a.Heat IS NULL, a.Heat DESC, a.Id",
        "heat" => "a.Heat IS NULL, a.Heat, a.Id",

        // TitleKey is the stored case-folded title (lower-cased with invariant rules).
        "title" => "a.TitleKey, a.Id",
        "-title" => "a.TitleKey DESC, a.Id",
        _ => "a.PublishedAtUtc IS NULL, a.PublishedAtUtc DESC, a.Id",
    };
}
