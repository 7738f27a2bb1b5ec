using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Articles;
using NewsApi.Api.Common;
using NewsApi.Api.Http;
using NewsApi.Domain.Articles;
using NewsApi.Domain.Data;
using NewsApi.Domain.Text;

namespace NewsApi.Api.Providers;

public static class ProvidersApi
{
    public static RouteGroupBuilder MapProviders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/providers").WithTags("Providers").EndTimeoutAtAnswer();
        group.MapGet("/", ListProviders).WithName(nameof(ListProviders))
            .WithSummary("Providers with at least one published article, most articles first")
            .ProducesValidationProblem();
        group.MapGet("/{domain}", GetProvider).WithName(nameof(GetProvider))
            .WithSummary("One provider, by its domain")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{domain}/articles", ListProviderArticles).WithName(nameof(ListProviderArticles))
            .WithSummary("A page of a provider's published articles (same parameters as /api/articles)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    static async Task<Results<Ok<PagedList<ProviderResponse>>, ValidationProblem>> ListProviders(
        [AsParameters] CatalogQueryParameters parameters, NewsDbContext db, SnapshotVersion versions, CatalogLists<ProviderResponse> lists,
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
            var providers = db.Providers.AsNoTracking().Where(p => p.ArticleCount > 0);
            var rows = await (sort == "name"
                ? providers.OrderBy(p => p.NameKey == null).ThenBy(p => p.NameKey).ThenBy(p => p.Key)
                : providers.OrderByDescending(p => p.ArticleCount).ThenBy(p => p.Key)).ToListAsync(ct);
            return rows.ConvertAll(p => new CatalogLists<ProviderResponse>.Entry(p.NameKey, ToResponse(p)));
        });
        PageLinks.Add(context, page);
        return TypedResults.Ok(page);
    }

    static async Task<Results<Ok<ProviderResponse>, ProblemHttpResult>> GetProvider(string domain, NewsDbContext db, HttpContext context, CancellationToken ct)
    {
        domain = PathSegments.Decode(context, domain);
        var key = Key(domain);
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Key == key && p.ArticleCount > 0, ct);
        return provider is null ? Problems.NotFound("provider", domain) : TypedResults.Ok(ToResponse(provider));
    }

    static async Task<Results<ArticlePage, ValidationProblem, ProblemHttpResult>> ListProviderArticles(
        string domain, [AsParameters] ArticleQueryParameters parameters, NewsDbContext db, ArticlePages pages, HttpContext context, CancellationToken ct)
    {
        if (!ArticlePages.TryRead(parameters, out var query, out var invalid))
        {
            return invalid;
        }

        domain = PathSegments.Decode(context, domain);
        var key = Key(domain);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        var scope = ArticleScope.Provider(key);
        if (!await pages.HasArticlesAsync(scope, c => db.Providers.AnyAsync(p => p.Key == key && p.ArticleCount > 0, c), ct))
        {
            return Problems.NotFound("provider", domain);
        }

        return await pages.PageAsync(scope, query, context, ct);
    }

    static string Key(string domain) => TextKeys.Fold(domain.Trim())!;

    static ProviderResponse ToResponse(Provider p) => new(p.Key, p.Name, p.ArticleCount, ImageResponse.From(p.Images));
}
