using NewsApi.Api.Common;

namespace NewsApi.Api.Extensions;

public static class SwaggerExtensions
{
    public static IServiceCollection AddSwaggerDocs(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new Microsoft.OpenApi.OpenApiInfo
            {
                Title = "NewsApi",
                Version = "v1",
                Description = "News articles, their related links, providers and topics, read from a folder of front-matter markdown files. " +
                    "Only published articles are served. Errors are RFC 9457 problem documents.",
            });
            options.SupportNonNullableReferenceTypes();
            // OpenAPI 3.0 ignores siblings of a $ref, so a nullable object (an article's provider or image) needs allOf to say so.
            options.UseAllOfToExtendReferenceSchemas();
            options.OperationFilter<QueryParameterDocs>();
            options.SchemaFilter<ResponseSchemas>();
        });
        return services;
    }

    public static WebApplication UseSwaggerDocs(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options => options.DocumentTitle = "NewsApi");
        return app;
    }
}
