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
public sealed class ListFilePages(RequestDelegate next, ArticleListFiles files, ContentVersionProbe versions, ContentTags tags, ArticlePageCounts pageCounts)
{
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
        pageCounts.FromListFile();
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = FilePageBody.ContentType;
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

        await FilePageBody.WriteAsync(response, items, items.Positions(paging.Offset, paging.PageSize), paging, items.Count, context.RequestAborted);
    }
}
