using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;
using NewsApi.Api.Http;

namespace NewsApi.Api.Common;

/// <summary>RFC 8288 <c>Link</c> header for a page: first and last when there is a page, prev and next around it.</summary>
public static class PageLinks
{
    public static void Add<T>(HttpContext context, PagedList<T> page) => Add(context, page.Page, page.TotalPages);

    public static void Add(HttpContext context, int page, int totalPages)
    {
        var links = new List<string>();
        if (totalPages > 0)
        {
            links.Add(Link(context.Request, 1, "first"));
        }

        if (page > 1)
        {
            links.Add(Link(context.Request, page - 1, "prev"));
        }

        if (page < totalPages)
        {
            links.Add(Link(context.Request, page + 1, "next"));
        }

        if (totalPages > 0)
        {
            links.Add(Link(context.Request, totalPages, "last"));
        }

        if (links.Count > 0)
        {
            context.Response.Headers.Link = new StringValues(string.Join(", ", links));
        }
    }

    // Relative to the host: the request's Host header is client input, so it is not echoed.
    static string Link(HttpRequest request, int page, string rel)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in request.Query)
        {
            if (!key.Equals("page", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var value in values)
                {
                    query.Add(key, value ?? "");
                }
            }
        }

        query.Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return $"<{PathSegments.Encoded(request)}{query.ToQueryString()}>; rel=\"{rel}\"";
    }
}
