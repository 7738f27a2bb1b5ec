using System.Buffers;
using System.Globalization;
using System.Text.Unicode;
using NewsApi.Api.Common;

namespace NewsApi.Api.Articles.ListFile;

/// <summary>
/// A page of article summaries in the bytes the serializer writes for a
/// <see cref="PagedList{T}"/> of <see cref="ArticleSummary"/>, its items copied from the list file's
/// lines (which that serializer wrote) rather than read from the database and rendered again.
/// </summary>
static class FilePageBody
{
    /// <summary>The content type the serializer's answer carries.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>The page of <paramref name="rows"/> (positions in the file, in the page's order) out of <paramref name="totalCount"/>.</summary>
    public static async Task WriteAsync(HttpResponse response, ListItemsFile items, IReadOnlyList<int> rows, PageRequest paging, int totalCount, CancellationToken ct)
    {
        // {"items":[, the items (each with a comma after it), then ],"page":… written over the last item's comma.
        var prefix = "{\"items\":["u8;
        var length = items.Length(rows);
        var body = ArrayPool<byte>.Shared.Rent(prefix.Length + length + 128);
        try
        {
            prefix.CopyTo(body);
            var at = prefix.Length;
            items.ReadItems(rows, body.AsSpan(at, length));
            at += length == 0 ? 0 : length - 1;
            Utf8.TryWrite(body.AsSpan(at), CultureInfo.InvariantCulture,
                $"],\"page\":{paging.Page},\"pageSize\":{paging.PageSize},\"totalCount\":{totalCount},\"totalPages\":{PageRequest.PageCount(totalCount, paging.PageSize)}}}",
                out var written);
            // Its length is known: the response goes out in one piece rather than chunked (the
            // compression middleware drops it when it compresses; a 304 drops it too).
            response.ContentLength = at + written;
            await response.Body.WriteAsync(body.AsMemory(0, at + written), ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }
}
