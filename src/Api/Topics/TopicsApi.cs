using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Articles;
using NewsApi.Api.Common;
using NewsApi.Api.Http;
using NewsApi.Domain.Articles;
using NewsApi.Domain.Data;
using NewsApi.Domain.Text;

namespace NewsApi.Api.Topics;

public static class TopicsApi
{
    public static RouteGroupBuilder MapTopics(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/topics").WithTags("Topics").EndTimeoutAtAnswer();
        group.MapGet("/", ListTopics).WithName(nameof(ListTopics))
            .WithSummary("Topics with at least one published article, most articles first")
            .ProducesValidationProblem();
        group.MapGet("/{slug}", GetTopic).WithName(nameof(GetTopic))
            .WithSummary("One topic, by its slug (a name is slugged first: 'AWS AI' finds aws-ai)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{slug}/articles", ListTopicArticles).WithName(nameof(ListTopicArticles))
            .WithSummary("A page of a topic's published articles (same parameters as /api/articles)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    static async Task<Results<Ok<PagedList<TopicResponse>>, ValidationProblem>> ListTopics(
        [AsParameters] CatalogQueryParameters parameters, NewsDbContext db, SnapshotVersion versions, CatalogLists<TopicResponse> lists,
        HttpContext context, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var query = CatalogQuery.Parse(parameters, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        var page = await lists.PageAsync(await versions.CurrentAsync(ct), query, async sort =>
        {
            var topics = db.Topics.AsNoTracking().Where(t => t.ArticleCount > 0);
            var rows = await (sort == "name"
                ? topics.OrderBy(t => t.NameKey).ThenBy(t => t.Slug)
                : topics.OrderByDescending(t => t.ArticleCount).ThenBy(t => t.Slug)).ToListAsync(ct);
            return rows.ConvertAll(t => new CatalogLists<TopicResponse>.Entry(t.NameKey, ToResponse(t)));
        });
        PageLinks.Add(context, page);
        return TypedResults.Ok(page);
    }

    static async Task<Results<Ok<TopicResponse>, ProblemHttpResult>> GetTopic(string slug, NewsDbContext db, HttpContext context, CancellationToken ct)
    {
        slug = PathSegments.Decode(context, slug);
        var key = TextKeys.Slug(slug);
        var topic = await db.Topics.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == key && t.ArticleCount > 0, ct);
        return topic is null ? Problems.NotFound("topic", slug) : TypedResults.Ok(ToResponse(topic));
    }

    static async Task<Results<ArticlePage, ValidationProblem, ProblemHttpResult>> ListTopicArticles(
        string slug, [AsParameters] ArticleQueryParameters parameters, NewsDbContext db, ArticlePages pages, HttpContext context, CancellationToken ct)
    {
        if (!ArticlePages.TryRead(parameters, out var query, out var invalid))
        {
            return invalid;
        }

        slug = PathSegments.Decode(context, slug);
        var key = TextKeys.Slug(slug);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        var scope = ArticleScope.Topic(key);
        if (!await pages.HasArticlesAsync(scope, c => db.Topics.AnyAsync(t => t.Slug == key && t.ArticleCount > 0, c), ct))
        {
            return Problems.NotFound("topic", slug);
        }

        return await pages.PageAsync(scope, query, context, ct);
    }

    static TopicResponse ToResponse(Topic t) => new(t.Slug, t.Name, t.ArticleCount);
}
