namespace NewsApi.CorpusGenerator;

/// <summary>One article's front matter, field by field, in the order the real files write them.</summary>
internal sealed class GeneratedArticle
{
    public required string Id { get; init; }
    /// <summary>Null in a few files: the ingest then takes it from the _news folder.</summary>
    public string? Category { get; init; }
    public required string Title { get; init; }
    public string? Excerpt { get; init; }
    public required DateTime PublishedAt { get; init; }
    public required string OriginalUrl { get; init; }
    public string? WebUrl { get; init; }
    public string? AmpWebUrl { get; init; }
    public string? CdnAmpWebUrl { get; init; }
    public required string Type { get; init; }
    public int? Quality { get; init; }
    public required int Heat { get; init; }
    public required bool Published { get; init; }
    public string? FeaturedContent { get; init; }
    public required ProviderInfo Provider { get; init; }

    /// <summary>The provider's name as this file writes it, which is not always the usual one.</summary>
    public required string ProviderName { get; init; }

    public required IReadOnlyList<string> Topics { get; init; }
    public required IReadOnlyList<GeneratedImage> Images { get; init; }
    public required IReadOnlyList<GeneratedRelated> Related { get; init; }
    public ExtraFields? Extra { get; init; }
    public required string Secured { get; init; }
}

internal sealed record GeneratedImage(string Url, int Width, int Height, bool IsCached, string? Title);

internal sealed record GeneratedRelated(
    string Title, string? Excerpt, DateTime PublishedAt, string WebUrl, string Type, ProviderInfo Provider, int? Quality,
    IReadOnlyList<GeneratedImage> Images);

/// <summary>Keys SPEC does not know; the ingest must keep them under <c>extra</c>.</summary>
internal sealed record ExtraFields(string? Author, IReadOnlyList<string>? Tags, int? ReadingTime, string? Sponsor);
