namespace NewsApi.Domain.Articles;

/// <summary>Where an article came from, and enough to tell cheaply whether its file changed.</summary>
public sealed class SourceFile
{
    /// <summary>Path relative to the content root, with '/' separators.</summary>
    public required string Path { get; set; }
    public long Length { get; set; }
    public long ModifiedTicks { get; set; }

    /// <summary>
    /// XXH128 of the file's bytes, lower-case hex: tells a file whose time changed from one whose bytes
    /// did. Not a security check (whoever writes the file chooses its content anyway), so not SHA-256,
    /// which took ~7 µs per 2 KB file on a CPU without SHA instructions, ~4% of the ingest's CPU.
    /// </summary>
    public required string ContentHash { get; set; }
}
