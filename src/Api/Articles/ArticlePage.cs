using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using NewsApi.Api.Articles.ListFile;
using NewsApi.Api.Common;

namespace NewsApi.Api.Articles;

/// <summary>
/// A page of article summaries, documented as a <see cref="PagedList{T}"/> of
/// <see cref="ArticleSummary"/>: either rendered by the serializer, or, when the list file is of the
/// page's version, its rows' lines copied from the file (the same bytes; see <see cref="FilePageBody"/>).
/// </summary>
public sealed class ArticlePage : IResult, IEndpointMetadataProvider
{
    readonly Func<HttpContext, Task> _write;

    ArticlePage(PageRequest paging, int totalCount, Func<HttpContext, Task> write) =>
        (Page, TotalPages, _write) = (paging.Page, PageRequest.PageCount(totalCount, paging.PageSize), write);

    public int Page { get; }

    public int TotalPages { get; }

    public static ArticlePage Rendered(PagedList<ArticleSummary> page) =>
        new(new PageRequest(page.Page, page.PageSize), page.TotalCount, TypedResults.Ok(page).ExecuteAsync);

    /// <summary>The page of <paramref name="rows"/>, positions in <paramref name="items"/> (rows of the list index of the file's version).</summary>
    public static ArticlePage Copied(ListItemsFile items, IReadOnlyList<int> rows, PageRequest paging, int totalCount) =>
        new(paging, totalCount, context =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = FilePageBody.ContentType;
            return FilePageBody.WriteAsync(context.Response, items, rows, paging, totalCount, context.RequestAborted);
        });

    public Task ExecuteAsync(HttpContext httpContext) => _write(httpContext);

    /// <summary>What <c>Ok&lt;PagedList&lt;ArticleSummary&gt;&gt;</c> tells OpenAPI.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(PagedList<ArticleSummary>), ["application/json"]));
}
