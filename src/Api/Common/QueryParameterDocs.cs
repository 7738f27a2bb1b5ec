using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using NewsApi.Api.Articles;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NewsApi.Api.Common;

/// <summary>
/// Query values bind as strings so that bad ones get SPEC's problem document; this filter gives the
/// OpenAPI document their real types, ranges, defaults and enums, so clients generated from it are typed.
/// </summary>
sealed class QueryParameterDocs : IOperationFilter
{
    sealed record Doc(string Description, JsonSchemaType Type, string? Format = null, int? Minimum = null, int? Maximum = null,
        JsonNode? Default = null, IReadOnlyList<string>? Enum = null, int? MaxLength = null, bool Array = false);

    static readonly Dictionary<string, Doc> Common = new(StringComparer.Ordinal)
    {
        ["page"] = new("1-based page number; a page past the last answers 200 with no items.", JsonSchemaType.Integer, "int32", Minimum: 1, Maximum: int.MaxValue, Default: 1),
        ["pageSize"] = new("Items per page, 1 to 100.", JsonSchemaType.Integer, "int32", Minimum: 1, Maximum: PageRequest.MaxPageSize, Default: PageRequest.DefaultPageSize),
        ["minQuality"] = new("Lowest quality to include (inclusive).", JsonSchemaType.Integer, "int32"),
        ["maxQuality"] = new("Highest quality to include (inclusive); not below minQuality.", JsonSchemaType.Integer, "int32"),
        ["minHeat"] = new("Lowest heat to include (inclusive); heat may be negative.", JsonSchemaType.Integer, "int32"),
        ["maxHeat"] = new("Highest heat to include (inclusive); not below minHeat.", JsonSchemaType.Integer, "int32"),
        ["topic"] = new("Topic name or slug ('AWS AI' or 'aws-ai'); repeat it to match articles in any of several topics.", JsonSchemaType.String, Array: true),
        ["provider"] = new("Provider domain, e.g. techrepublic.com (case-insensitive).", JsonSchemaType.String),
        ["type"] = new("Article type, e.g. article, video, course (exact, case-insensitive).", JsonSchemaType.String),
        ["category"] = new("Category, e.g. news (exact, case-insensitive).", JsonSchemaType.String),
        ["from"] = new("Published at or after this instant: yyyy-MM-dd or an RFC 3339 date-time (UTC when it has no offset).", JsonSchemaType.String, "date-time"),
        ["to"] = new("Published before this instant (exclusive): yyyy-MM-dd or an RFC 3339 date-time; not before 'from'.", JsonSchemaType.String, "date-time"),
        ["sort"] = new("Sort order; '-' means descending. Ties go by id, and articles without the value come last.", JsonSchemaType.String,
            Default: "-publishedDateTime", Enum: ArticleQuery.Sorts),
    };

    static readonly Dictionary<string, Doc> ArticleQ = new(StringComparer.Ordinal)
    {
        ["q"] = new("Words that must all occur in the title or excerpt, each as a whole word or a word prefix (case-insensitive).", JsonSchemaType.String, MaxLength: ArticleQueryLimits.MaxQLength),
    };

    static readonly Dictionary<string, Doc> Catalog = new(StringComparer.Ordinal)
    {
        ["q"] = new("Only those whose name contains this text (case-insensitive).", JsonSchemaType.String, MaxLength: ArticleQueryLimits.MaxQLength),
        ["sort"] = new("'-articleCount' (most published articles first) or 'name'.", JsonSchemaType.String, Default: "-articleCount", Enum: CatalogQuery.Sorts),
    };

    static readonly Dictionary<string, string> PathDocs = new(StringComparer.Ordinal)
    {
        ["id"] = "Article id: the file name without its extension.",
        ["domain"] = "Provider domain (case-insensitive), or its lower-cased name when it has no domain.",
        ["slug"] = "Topic slug, e.g. aws-ai (a name such as 'AWS AI' is slugged first).",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var isCatalogList = context.ApiDescription.ParameterDescriptions.Any(p => p.Type == typeof(string) && p.Name == "q")
            && !context.ApiDescription.ParameterDescriptions.Any(p => p.Name == "minQuality");
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Path && PathDocs.TryGetValue(parameter.Name!, out var pathDoc))
            {
                parameter.Description = pathDoc;
                continue;
            }

            var doc = (isCatalogList ? Catalog : ArticleQ).GetValueOrDefault(parameter.Name!) ?? Common.GetValueOrDefault(parameter.Name!);
            if (doc is not null)
            {
                parameter.Description = doc.Description;
                parameter.Schema = Schema(doc);
            }
        }
    }

    static OpenApiSchema Schema(Doc doc)
    {
        var schema = new OpenApiSchema
        {
            Type = doc.Type,
            Format = doc.Format,
            Minimum = doc.Minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Maximum = doc.Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Default = doc.Default,
            MaxLength = doc.MaxLength,
            Enum = doc.Enum?.Select(v => (JsonNode)JsonValue.Create(v)!).ToList(),
        };
        return doc.Array ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema } : schema;
    }
}
