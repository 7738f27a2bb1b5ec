using System.Security.Cryptography;
using NewsApi.Domain.Articles;
using NewsApi.Ingest.FrontMatter;

namespace NewsApi.Ingest;

/// <summary>
/// What reading one file found, before deciding its fate: the CPU-bound part, run in parallel. A file
/// that parsed is also mapped to its <see cref="Article"/> here, so the single writer only decides and writes.
/// </summary>
sealed record FilePreparation(bool SameStat, string? Sha256, FrontMatterResult? Parsed, FrontMatterError? ReadError, Article? Article = null)
{
    /// <summary>The stored version is this file, unchanged by size and time (nothing was read).</summary>
    public static readonly FilePreparation Unchanged = new(true, null, null, null);

    /// <summary>
    /// Reads, hashes and (unless the hash shows the stored version is current) parses a file.
    /// Only the result is kept, never the bytes, so a batch of large files stays small.
    /// </summary>
    public static FilePreparation Prepare(ContentFile file, StoredSource? stored, FrontMatterLimits limits, bool forceParse = false)
    {
        var storedHere = stored is not null && stored.Path == file.RelativePath;
        if (!forceParse && storedHere && stored!.Length == file.Length && stored.ModifiedTicks == file.ModifiedTicks)
        {
            return Unchanged;
        }

        if (file.Length > limits.MaxFileBytes)
        {
            return new(false, null, null, new FrontMatterError($"file is {file.Length} bytes, over the limit of {limits.MaxFileBytes}"));
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(false, null, null, new FrontMatterError($"cannot read the file: {e.Message}"));
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var parsed = !forceParse && storedHere && stored!.Sha256 == sha256 ? (FrontMatterResult?)null : FrontMatterParser.Parse(bytes, limits);
        return new(false, sha256, parsed, null, parsed?.Document is { } document ? ArticleMapper.ToArticle(document, file, sha256) : null);
    }
}

/// <summary>The stored version of an article's file, as the ingest compares it.</summary>
sealed record StoredSource(string Id, string Path, long Length, long ModifiedTicks, string Sha256);
