namespace NewsApi.Domain.Articles;

/// <summary>
/// How many published articles give a provider or topic a certain name (or images), and the newest
/// of them. The ingest keeps these tallies by adding and subtracting the articles it writes, so
/// choosing a provider's name (SPEC: the one most of its published articles give, ties to the newest)
/// and counting its articles never rescans them: the cost of a batch stays the size of the batch.
/// </summary>
public sealed class CatalogVote
{
    public const string ProviderName = "provider-name";
    public const string ProviderImages = "provider-images";
    public const string TopicName = "topic-name";

    public required string Kind { get; set; }

    /// <summary>The provider key or topic slug.</summary>
    public required string Key { get; set; }

    /// <summary>The name, or the images as JSON; "" for a provider that gives no name.</summary>
    public required string Value { get; set; }

    public int Votes { get; set; }
    public DateTime? Newest { get; set; }
}
