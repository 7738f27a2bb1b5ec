using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using NewsApi.Api.Articles;
using NewsApi.Api.Providers;
using NewsApi.Api.Topics;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NewsApi.Api.Common;

/// <summary>
/// Response schemas as clients should read them: every property is always present (null when the
/// file has none), so all are required; and an example for each, as Swagger UI shows it.
/// </summary>
sealed class ResponseSchemas : ISchemaFilter
{
    const string Image = """{"url": "https://www.techrepublic.com/wp-content/uploads/2023/08/featured.jpg", "width": 1400, "height": 785, "isCached": true, "title": null}""";

    static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(ImageResponse)] = Image,
        [typeof(ProviderRef)] = """{"name": "TechRepublic", "domain": "techrepublic.com"}""",
        [typeof(TopicRef)] = """{"name": "AWS AI", "slug": "aws-ai"}""",
        [typeof(ArticleSummary)] = $$"""
            {"id": "2023-08-22-top-10-generative-ai-related-skills-and-hires-in-2023", "category": "news",
             "title": "Upwork Reveals Top 10 Generative AI-Related Skills and Hires in 2023",
             "excerpt": "Encouraging people to learn and understand generative AI is an important place to start.",
             "publishedDateTime": "2023-08-22T21:22:00Z", "type": "article", "quality": 67, "heat": 100,
             "webUrl": "https://www.techrepublic.com/article/top-10-generative-ai-related-skills-and-hires-in-2023/",
             "originalUrl": "https://www.techrepublic.com/article/top-10-generative-ai-related-skills-and-hires-in-2023/",
             "provider": {"name": "TechRepublic", "domain": "techrepublic.com"}, "topics": ["AI"],
             "image": {{Image}}, "relatedCount": 3}
            """,
        [typeof(RelatedLinkResponse)] = """
            {"title": "AI skills most sought by employers revealed in new Upwork report",
             "excerpt": "Businesses are searching for workers skilled in the use of generative AI tools.",
             "publishedDateTime": "2023-08-23T12:00:00Z", "webUrl": "https://www.aol.com/finance/ai-skills-most-sought-employers-120004372.html",
             "type": "article", "provider": {"name": "AOL", "domain": "aol.com"}, "quality": 39, "images": []}
            """,
        [typeof(ProviderResponse)] = """
            {"domain": "techrepublic.com", "name": "TechRepublic", "articleCount": 12,
             "images": [{"url": "https://everyday-cc.github.io/ai/assets/images/organizations/techrepublic.com-50x50.jpg", "width": 50, "height": 50, "isCached": null, "title": null}]}
            """,
        [typeof(TopicResponse)] = """{"slug": "aws-ai", "name": "AWS AI", "articleCount": 42}""",
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        // A nullable object property is an allOf wrapper around the type's own schema, which has the example.
        if (schema is not OpenApiSchema concrete || concrete.AllOf is { Count: > 0 }
            || context.Type.Namespace?.StartsWith("NewsApi.Api", StringComparison.Ordinal) != true)
        {
            return;
        }

        if (concrete.Properties is { Count: > 0 } properties)
        {
            concrete.Required = new HashSet<string>(properties.Keys, StringComparer.Ordinal);
        }

        if (Examples.TryGetValue(context.Type, out var example))
        {
            concrete.Example = JsonNode.Parse(example);
        }
    }
}
