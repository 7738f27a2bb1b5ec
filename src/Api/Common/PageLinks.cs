using System.Globalization;
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
        if (totalPages <= 0 && page <= 1)
        {
            return;
        }

        var target = Target(context.Request);
        var links = new List<string>(4);
        if (totalPages > 0)
        {
            links.Add(Link(target, 1, "first"));
        }

        if (page > 1)
        {
            links.Add(Link(target, page - 1, "prev"));
        }

        if (page < totalPages)
        {
            links.Add(Link(target, page + 1, "next"));
        }

        if (totalPages > 0)
        {
            links.Add(Link(target, totalPages, "last"));
        }

        context.Response.Headers.Link = new StringValues(string.Join(", ", links));
    }

    static string Link(string target, int page, string rel) =>
        string.Create(CultureInfo.InvariantCulture, $"<{target}{page}>; rel=\"{rel}\"");

    // Every link is the request's path and query with page last, set anew: relative to the host, as
    // the request's Host header is client input and is not echoed. Built once for the four links.
    static string Target(HttpRequest request)
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

        var others = query.ToQueryString().Value;
        return PathSegments.Encoded(request) + (string.IsNullOrEmpty(others) ? "?page=" : others + "&page=");
    }
}
