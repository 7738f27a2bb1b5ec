namespace NewsApi.Domain.Articles;

/// <summary>A link to coverage elsewhere, a row of its article in file order.</summary>
public sealed class RelatedLink
{
    public required string ArticleId { get; set; }
    public int Position { get; set; }
    public string? Title { get; set; }
    public string? Excerpt { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
    public string? WebUrl { get; set; }
    public string? Type { get; set; }
    public int? Quality { get; set; }
    public string? ProviderKey { get; set; }
    public string? ProviderName { get; set; }
    public string? ProviderDomain { get; set; }
    public string? ProviderExtraJson { get; set; }
    public List<ImageInfo> Images { get; set; } = [];

    /// <summary>Keys of the related item the model has no column for, as a JSON object.</summary>
    public string? ExtraJson { get; set; }
}
