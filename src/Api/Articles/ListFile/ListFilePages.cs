using System.Buffers;
using System.Globalization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Routing;
using NewsApi.Api.Common;
using NewsApi.Api.Http;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Articles.ListFile;

/// <summary>
/// Answers a request for <c>/api/articles</c> that asks for nothing but a page (<c>page</c>,
/// <c>pageSize</c>) from the list file (<see cref="ArticleListFiles"/>) when the database is still
/// at the file's version: one positioned read, with no read gate and no snapshot, and the same
/// body, ETag, <c>Link</c> and 304 as the endpoint gives. Anything else, or any doubt (a bad
/// value, a repeated key, another key, no file of the current version), goes on to the endpoint.
/// Sits where <see cref="ConditionalGets"/> would take the request, after compression and CORS.
/// </summary>
public sealed class ListFilePages(RequestDelegate next, ArticleListFiles files, ContentVersionProbe versions, ContentTags tags)
{
    const string JsonType = "application/json; charset=utf-8";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        return files.Current is { } file
            && HttpMethods.IsGet(request.Method)
            && context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == ArticlesApi.ListName
            && TryReadPage(request.Query, out var paging)
            && versions.Current() == file.Version
                ? ServeAsync(context, file, paging)
                : next(context);
    }

    // What ArticlesApi's binding and ArticleQuery.Parse read, for a query that holds only paging.
    static bool TryReadPage(IQueryCollection query, out PageRequest paging)
    {
        string? page = null, pageSize = null;
        paging = null!;
        foreach (var (key, values) in query)
        {
            if (values.Count != 1)
            {
                return false;
            }

            if (key.Equals("page", StringComparison.OrdinalIgnoreCase))
            {
                page = values[0];
            }
            else if (key.Equals("pageSize", StringComparison.OrdinalIgnoreCase))
            {
                pageSize = values[0];
            }
            else
            {
                return false;
            }
        }

        var errors = new QueryErrors();
        paging = errors.Page(page, pageSize);
        return !errors.Any;
    }

    async Task ServeAsync(HttpContext context, ArticleListFiles.VersionFile file, PageRequest paging)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonType;
        response.Headers.ETag = file.ETag;
        response.Headers.CacheControl = tags.CacheControl;
        var items = file.Items;
        var totalPages = PageRequest.PageCount(items.Count, paging.PageSize);
        PageLinks.Add(context, paging.Page, totalPages);
        if (ContentTags.Matches(context.Request, file.Tag))
        {
            ContentTags.AnswerNotModified(response);
            return;
        }

        // PagedList<ArticleSummary> as the serializer writes it: {"items":[, the items (each with a
        // comma after it), then ],"page":… written over the last item's comma.
        var prefix = "{\"items\":["u8;
        var length = items.Length(paging.Offset, paging.PageSize);
        var body = ArrayPool<byte>.Shared.Rent(prefix.Length + length + 128);
        try
        {
            prefix.CopyTo(body);
            var at = prefix.Length;
            items.ReadItems(paging.Offset, paging.PageSize, body.AsSpan(at, length));
            at += length == 0 ? 0 : length - 1;
            Utf8.TryWrite(body.AsSpan(at), CultureInfo.InvariantCulture,
                $"],\"page\":{paging.Page},\"pageSize\":{paging.PageSize},\"totalCount\":{items.Count},\"totalPages\":{totalPages}}}", out var written);
            await response.Body.WriteAsync(body.AsMemory(0, at + written), context.RequestAborted);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }
}
