namespace NewsApi.Domain.Articles;

/// <summary>
/// One row whose number the ingest raises in every batch that changes content, in that batch's
/// transaction: readers key their caches by it, so a cached count is never one of another snapshot.
/// </summary>
public sealed class ContentVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long Version { get; set; }
}
