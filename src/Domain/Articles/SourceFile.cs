namespace NewsApi.Domain.Articles;

/// <summary>Where an article came from, and enough to tell cheaply whether its file changed.</summary>
public sealed class SourceFile
{
    /// <summary>Path relative to the content root, with '/' separators.</summary>
    public required string Path { get; set; }
    public long Length { get; set; }
    public long ModifiedTicks { get; set; }

    /// <summary>SHA-256 of the file's bytes, lower-case hex.</summary>
    public required string Sha256 { get; set; }
}
