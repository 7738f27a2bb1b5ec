using NewsApi.Api.Articles;
using NewsApi.Api.Articles.Index;
using NewsApi.Api.Articles.ListFile;
using NewsApi.Api.Common;
using NewsApi.Domain;

namespace NewsApi.Api.Extensions;

public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddNewsApi(this IServiceCollection services)
    {
        services.AddNewsDb(provider =>
            provider.GetRequiredService<IConfiguration>().GetConnectionString("News") ?? DataServiceCollectionExtensions.DefaultConnectionString);
        services.AddSingleton<CountCache>();
        services.AddScoped<ArticlePages>();
        services.AddSingleton<ArticlePageCounts>();
        services.AddSingleton(typeof(CatalogLists<>));
        services.AddSingleton<ArticleListIndexes>();
        services.AddSingleton<ArticleListFiles>();
        services.AddHostedService<ListIndexStartup>();
        services.AddHostedService<NativeMemoryTrim>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemHandling>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
