using Microsoft.AspNetCore.Http.HttpResults;
using NewsApi.Api.Common;
using NewsApi.Api.Http;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Articles;

public static class ArticlesApi
{
    /// <summary>The article list's endpoint name (<see cref="ListFile.ListFilePages"/> answers some of its requests).</summary>
    internal const string ListName = nameof(ListArticles);

    public static RouteGroupBuilder MapArticles(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/articles").WithTags("Articles").EndTimeoutAtAnswer();
        group.MapGet("/", ListArticles).WithName(ListName)
            .WithSummary("Published articles, newest first")
            .WithDescription("A page of article summaries; every filter is optional and they combine with AND.")
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetArticle).WithName(nameof(GetArticle))
            .WithSummary("One published article in full")
            .WithDescription("Summary fields plus images, featured content, AMP URLs, the provider with its images, topics, related links and every extra front-matter key.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/related", ListRelatedLinks).WithName(nameof(ListRelatedLinks))
            .WithSummary("A page of an article's related links, in the file's order")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    static async Task<Results<ArticlePage, ValidationProblem>> ListArticles(
        [AsParameters] ArticleQueryParameters parameters, NewsDbContext db, ArticlePages pages, HttpContext context, CancellationToken ct)
    {
        if (!ArticlePages.TryRead(parameters, out var query, out var invalid))
        {
            return invalid;
        }

        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        return await pages.PageAsync(ArticleScope.All, query, context, ct);
    }

    static async Task<Results<Ok<ArticleDetail>, ProblemHttpResult>> GetArticle(string id, NewsDbContext db, HttpContext context, CancellationToken ct)
    {
        id = PathSegments.Decode(context, id);
        // Three reads: the row, its topics and its related links must come from one state.
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        var row = await ArticleDetails.ReadAsync(db, id, ct);
        return row is null ? Problems.NotFound("article", id) : TypedResults.Ok(ArticleProjections.ToDetail(row));
    }

    static async Task<Results<Ok<PagedList<RelatedLinkResponse>>, ValidationProblem, ProblemHttpResult>> ListRelatedLinks(
        string id, [AsParameters] PageParameters parameters, NewsDbContext db, HttpContext context, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var paging = errors.Page(parameters.Page, parameters.PageSize);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        id = PathSegments.Decode(context, id);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        if (await ArticleDetails.RelatedCountAsync(db, id, ct) is not { } total)
        {
            return Problems.NotFound("article", id);
        }

        var rows = paging.Offset < total
            ? await ArticleDetails.RelatedPageAsync(db, id, (int)paging.Offset, paging.PageSize, ct)
            : [];
        var page = new PagedList<RelatedLinkResponse>(rows.ConvertAll(ArticleProjections.ToResponse), paging.Page, paging.PageSize, total);
        PageLinks.Add(context, page);
        return TypedResults.Ok(page);
    }
}
