using System.Buffers;
using System.IO.Hashing;
using Microsoft.Win32.SafeHandles;
using NewsApi.Domain.Articles;
using NewsApi.Ingest.FrontMatter;
using NewsApi.Ingest.Storage;

namespace NewsApi.Ingest;

/// <summary>
/// What reading one file found, before deciding its fate: the CPU-bound part, run in parallel. A file
/// that parsed is also turned into its rows here, so the single writer only decides and writes. Only
/// the rows are kept, not the parsed document or the article: a batch waits for the writer through
/// garbage collections, and whatever it holds is copied by each of them.
/// </summary>
sealed record FilePreparation(bool SameStat, string? ContentHash, bool Parsed, FrontMatterError? ParseError, FrontMatterError? ReadError, ArticleRows? Rows = null)
{
    /// <summary>The stored version is this file, unchanged by size and time (nothing was read).</summary>
    public static readonly FilePreparation Unchanged = new(true, null, false, null, null);

    /// <summary>
    /// Reads, hashes and (unless the hash shows the stored version is current) parses a file.
    /// Only the result is kept, never the bytes, so a batch of large files stays small.
    /// </summary>
    public static FilePreparation Prepare(
        ContentFile file, StoredSource? stored, FrontMatterLimits limits, Func<Article, ArticleRows>? toRows, bool forceParse = false)
    {
        var storedHere = stored is not null && stored.Path == file.RelativePath;
        if (!forceParse && storedHere && stored!.Length == file.Length && stored.ModifiedTicks == file.ModifiedTicks)
        {
            return Unchanged;
        }

        if (file.Length > limits.MaxFileBytes)
        {
            return new(false, null, false, null, new FrontMatterError($"file is {file.Length} bytes, over the limit of {limits.MaxFileBytes}"));
        }

        // The bytes go to a pooled buffer: nothing made from them keeps them, and a new array per
        // file was ~8% of the ingest's garbage.
        byte[]? buffer = null;
        try
        {
            using var handle = File.OpenHandle(file.FullPath);
            var length = RandomAccess.GetLength(handle);
            if (length > limits.MaxFileBytes)
            {
                return new(false, null, false, null, new FrontMatterError($"file is {length} bytes, over the limit of {limits.MaxFileBytes}"));
            }

            buffer = ArrayPool<byte>.Shared.Rent((int)length);
            var bytes = buffer.AsSpan(0, ReadAll(handle, buffer.AsSpan(0, (int)length)));
            var hash = Convert.ToHexStringLower(XxHash128.Hash(bytes));
            if (!forceParse && storedHere && stored!.ContentHash == hash)
            {
                return new(false, hash, false, null, null);
            }

            var (document, error) = FrontMatterParser.Parse(bytes, limits);
            var rows = document is not null && toRows is not null ? toRows(ArticleMapper.ToArticle(document, file, hash)) : null;
            return new(false, hash, true, error, null, rows);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(false, null, false, null, new FrontMatterError($"cannot read the file: {e.Message}"));
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Reads until the span is full or the file ends (it may have shrunk since it was measured).</summary>
    static int ReadAll(SafeFileHandle handle, Span<byte> into)
    {
        var total = 0;
        while (total < into.Length && RandomAccess.Read(handle, into[total..], total) is var read and > 0)
        {
            total += read;
        }

        return total;
    }
}

/// <summary>The stored version of an article's file, as the ingest compares it.</summary>
sealed record StoredSource(string Id, string Path, long Length, long ModifiedTicks, string ContentHash);
