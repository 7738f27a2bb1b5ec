namespace NewsApi.Domain.Articles;

/// <summary>One front-matter file of the content root, as stored.</summary>
public sealed class Article
{
    /// <summary>The file name without its extension: SPEC's article id.</summary>
    public required string Id { get; set; }

    public required SourceFile Source { get; set; }

    public string? Category { get; set; }
    public string? CategoryKey { get; set; }
    public required string Title { get; set; }
    public required string TitleKey { get; set; }
    public string? Excerpt { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
    public string? OriginalUrl { get; set; }
    public string? WebUrl { get; set; }
    public string? AmpWebUrl { get; set; }
    public string? CdnAmpWebUrl { get; set; }
    public string? Type { get; set; }
    public string? TypeKey { get; set; }
    public int? Quality { get; set; }
    public int? Heat { get; set; }
    public bool Published { get; set; } = true;
    public string? FeaturedContent { get; set; }

    /// <summary>The provider as this file gives it; <see cref="ProviderKey"/> joins it to <see cref="Provider"/>.</summary>
    public string? ProviderKey { get; set; }
    public string? ProviderName { get; set; }
    public string? ProviderDomain { get; set; }
    public List<ImageInfo> ProviderImages { get; set; } = [];
    public string? ProviderExtraJson { get; set; }

    public List<ImageInfo> Images { get; set; } = [];

    /// <summary>Every front-matter key the model has no column for, as a JSON object.</summary>
    public string? ExtraJson { get; set; }

    /// <summary>Opaque blob of the source system: stored, never served.</summary>
    public string? Secured { get; set; }

    /// <summary>Lower-cased words of title and excerpt, space-separated, for word-prefix search.</summary>
    public required string SearchText { get; set; }

    public int RelatedCount { get; set; }

    // Sort keys (see SortKey): set by the ingest from PublishedAtUtc, Quality and Heat.
    public long DateAscKey { get; set; }
    public long DateDescKey { get; set; }
    public long QualityAscKey { get; set; }
    public long QualityDescKey { get; set; }
    public long HeatAscKey { get; set; }
    public long HeatDescKey { get; set; }

    public List<ArticleTopic> Topics { get; set; } = [];
    public List<RelatedLink> Related { get; set; } = [];
}
