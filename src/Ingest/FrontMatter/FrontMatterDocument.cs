using NewsApi.Domain.Articles;

namespace NewsApi.Ingest.FrontMatter;

/// <summary>The front matter of one file, read by SPEC section 1's rules; YAML stops here.</summary>
public sealed record FrontMatterDocument
{
    public required string Title { get; init; }

    /// <summary>As the file gives it; the importer falls back to the folder when null.</summary>
    public string? Category { get; init; }
    public string? Excerpt { get; init; }
    public DateTime? PublishedAtUtc { get; init; }
    public string? OriginalUrl { get; init; }
    public string? WebUrl { get; init; }
    public string? AmpWebUrl { get; init; }
    public string? CdnAmpWebUrl { get; init; }
    public string? Type { get; init; }
    public int? Quality { get; init; }
    public int? Heat { get; init; }
    public bool Published { get; init; } = true;
    public string? FeaturedContent { get; init; }
    public ProviderFrontMatter? Provider { get; init; }
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<ImageInfo> Images { get; init; } = [];
    public IReadOnlyList<RelatedFrontMatter> Related { get; init; } = [];
    public string? Secured { get; init; }

    /// <summary>Every other top-level key, as a JSON object text; null when there is none.</summary>
    public string? ExtraJson { get; init; }
}

public sealed record ProviderFrontMatter
{
    public string? Name { get; init; }
    public string? Domain { get; init; }
    public IReadOnlyList<ImageInfo> Images { get; init; } = [];

    /// <summary>Keys of the provider mapping beyond name, domain and images, as a JSON object text, or null.</summary>
    public string? ExtraJson { get; init; }
}

public sealed record RelatedFrontMatter
{
    public string? Title { get; init; }
    public string? Excerpt { get; init; }
    public DateTime? PublishedAtUtc { get; init; }
    public string? WebUrl { get; init; }
    public string? Type { get; init; }
    public ProviderFrontMatter? Provider { get; init; }
    public int? Quality { get; init; }
    public IReadOnlyList<ImageInfo> Images { get; init; } = [];

    /// <summary>Keys of the related item beyond the known ones, as a JSON object text, or null.</summary>
    public string? ExtraJson { get; init; }
}

/// <summary>Why a file was rejected; line and column are 1-based in the whole file, when known.</summary>
public sealed record FrontMatterError(string Reason, int? Line = null, int? Column = null);

/// <summary>Either a document or the error that rejected the file.</summary>
public readonly record struct FrontMatterResult(FrontMatterDocument? Document, FrontMatterError? Error)
{
    public static implicit operator FrontMatterResult(FrontMatterDocument document) => new(document, null);
    public static implicit operator FrontMatterResult(FrontMatterError error) => new(null, error);
}

/// <summary>Bounds that keep a hostile file from costing unbounded time, memory or stack.</summary>
public sealed record FrontMatterLimits
{
    public long MaxFileBytes { get; init; } = 5 * 1024 * 1024;
    public int MaxDepth { get; init; } = 32;
    public int MaxNodes { get; init; } = 100_000;

    /// <summary>
    /// Characters of text that aliases may repeat, all uses together: each use is copied when stored, and JSON may
    /// escape a character to six, so this bounds what a small file can cost (real front matter hardly uses aliases).
    /// </summary>
    public long MaxAliasText { get; init; } = 100_000;
}
