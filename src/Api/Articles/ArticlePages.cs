using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Common;
using NewsApi.Domain.Articles;

namespace NewsApi.Api.Articles;

/// <summary>The article list that <c>/api/articles</c>, a provider's and a topic's articles all serve.</summary>
public static class ArticlePages
{
    public static bool TryParse(ArticleQueryParameters parameters, [NotNullWhen(true)] out ArticleQuery? query, [NotNullWhen(false)] out ValidationProblem? invalid)
    {
        var errors = new QueryErrors();
        query = ArticleQuery.Parse(parameters, errors);
        invalid = errors.Any ? Problems.Invalid(errors) : null;
        return invalid is null;
    }

    /// <summary>A page of <paramref name="scope"/>; call it inside a <c>ReadSnapshot</c>.</summary>
    public static async Task<Ok<PagedList<ArticleSummary>>> PageAsync(IQueryable<Article> scope, ArticleQuery query, HttpContext context, CancellationToken ct)
    {
        var page = await query.Filter(scope.AsNoTracking())
            .ToPageAsync(query.Order, ArticleProjections.Summary, row => row.ToResponse(), query.Paging, ct);
        PageLinks.Add(context, page);
        return TypedResults.Ok(page);
    }
}
