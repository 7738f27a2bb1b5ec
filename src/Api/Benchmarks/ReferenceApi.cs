using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsApi.Api.Articles;
using NewsApi.Api.Common;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Benchmarks;

/// <summary>
/// The benchmarks' yardstick, on only when <c>NewsApi:BenchmarkReference</c> is true: the first
/// page of <c>/api/articles</c>, rendered once and then served as constant bytes, so a load test
/// can give every figure as a ratio to what the framework itself does on the same machine.
/// </summary>
public static class ReferenceApi
{
    public static IEndpointRouteBuilder MapBenchmarkReference(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (configuration.GetValue("NewsApi:BenchmarkReference", false))
        {
            var page = new Lazy<Task<byte[]>>(() => RenderFirstPageAsync(app.ServiceProvider));
            app.MapGet("/bench/reference", async () => TypedResults.Bytes(await page.Value, "application/json; charset=utf-8"))
                .ExcludeFromDescription();
            app.MapCeilings(page);
            if (configuration["NewsApi:BenchListFile"] is { Length: > 0 } listFile)
            {
                app.MapFileCeiling(listFile);
            }
        }

        return app;
    }

    static async Task<byte[]> RenderFirstPageAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var query = new ArticleQuery(new PageRequest(1, PageRequest.DefaultPageSize), null, null, null, null, [], null, null, null, null, null, [], ArticleQuery.Sorts[0]);
        var filtered = query.Filter(db.Articles.AsNoTracking(), db);
        var rows = await query.Order(filtered).Take(PageRequest.DefaultPageSize).Select(ArticleProjections.Summary).ToListAsync();
        var page = new PagedList<ArticleSummary>(rows.ConvertAll(ArticleProjections.ToSummary), 1, PageRequest.DefaultPageSize, await filtered.CountAsync());
        var options = scope.ServiceProvider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return JsonSerializer.SerializeToUtf8Bytes(page, options);
    }
}
