using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Common;
using NewsApi.Domain.Articles;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Articles;

/// <summary>The article list that <c>/api/articles</c>, a provider's and a topic's articles all serve.</summary>
public sealed class ArticlePages(NewsDbContext db, CountCache counts)
{
    public static bool TryRead(ArticleQueryParameters parameters, [NotNullWhen(true)] out ArticleQuery? query, [NotNullWhen(false)] out ValidationProblem? invalid)
    {
        var errors = new QueryErrors();
        query = ArticleQuery.Parse(parameters, errors);
        invalid = errors.Any ? Problems.Invalid(errors) : null;
        return invalid is null;
    }

    /// <summary>
    /// A page of <paramref name="scope"/> (named by <paramref name="scopeKey"/>); call it inside a
    /// <c>ReadSnapshot</c>. The page's ids come from the sort's index alone, even deep in the list,
    /// and only those rows are then read in full.
    /// </summary>
    public async Task<Ok<PagedList<ArticleSummary>>> PageAsync(IQueryable<Article> scope, string scopeKey, ArticleQuery query, HttpContext context, CancellationToken ct)
    {
        var filtered = query.Filter(scope.AsNoTracking(), db);
        var version = await ContentVersions.CurrentAsync(db, ct);
        var total = await counts.GetOrCountAsync(version, scopeKey + "\u001d" + query.FilterKey, () => filtered.CountAsync(ct));
        var paging = query.Paging;
        var items = new List<ArticleSummary>();
        if (paging.Offset < total)
        {
            var ids = await query.Order(filtered).Select(a => a.Id).Skip((int)paging.Offset).Take(paging.PageSize).ToListAsync(ct);
            var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(ArticleProjections.Summary).ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, ct);
            items = ids.ConvertAll(id => rows[id].ToResponse());
        }

        var page = new PagedList<ArticleSummary>(items, paging.Page, paging.PageSize, total);
        PageLinks.Add(context, page);
        return TypedResults.Ok(page);
    }
}
