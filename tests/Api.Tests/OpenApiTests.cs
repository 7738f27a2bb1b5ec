using System.Net;
using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace NewsApi.Api.Tests;

/// <summary>The OpenAPI document lists SPEC section 3's endpoints and parameters, typed and described.</summary>
public sealed class OpenApiTests(FixtureApiFactory fixture) : IClassFixture<FixtureApiFactory>
{
    readonly HttpClient _client = fixture.CreateClient();

    static readonly string[] ArticleParameters =
        ["page", "pageSize", "minQuality", "maxQuality", "minHeat", "maxHeat", "topic", "provider", "type", "category", "from", "to", "q", "sort"];

    static readonly string[] CatalogParameters = ["page", "pageSize", "q", "sort"];

    static readonly string[] ArticleSorts = ["-publishedDateTime", "publishedDateTime", "-quality", "quality", "-heat", "heat", "title", "-title"];

    static readonly string[] CatalogSorts = ["-articleCount", "name"];

    static readonly string[] IntegerParameters = ["page", "pageSize", "minQuality", "maxQuality", "minHeat", "maxHeat"];

    /// <summary>Each endpoint of SPEC section 3 with the query and path parameters it takes.</summary>
    public static readonly TheoryData<string, string[], string[]> Endpoints = new()
    {
        { "/api/articles", ArticleParameters, [] },
        { "/api/articles/{id}", [], ["id"] },
        { "/api/articles/{id}/related", ["page", "pageSize"], ["id"] },
        { "/api/providers", CatalogParameters, [] },
        { "/api/providers/{domain}", [], ["domain"] },
        { "/api/providers/{domain}/articles", ArticleParameters, ["domain"] },
        { "/api/topics", CatalogParameters, [] },
        { "/api/topics/{slug}", [], ["slug"] },
        { "/api/topics/{slug}/articles", ArticleParameters, ["slug"] },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryEndpointAndParameterIsListedWithADescription(string path, string[] query, string[] route)
    {
        var operation = await OperationAsync(path);

        var parameters = Parameters(operation);
        Assert.Equal(query.Order(StringComparer.Ordinal), parameters.Where(p => p.In == "query").Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(route, parameters.Where(p => p.In == "path").Select(p => p.Name));
        Assert.All(parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description), $"{path} parameter {p.Name} has no description"));
        Assert.True(operation.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 0, $"{path} has no summary");
        Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _), $"{path} does not document 200");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task NumbersAreIntegersAndPagingHasItsRangeAndDefault(string path, string[] query, string[] route)
    {
        var operation = await OperationAsync(path);

        var parameters = Parameters(operation).ToDictionary(p => p.Name, p => p.Schema);
        Assert.All(query.Intersect(IntegerParameters), name => Assert.Equal("integer", parameters[name].GetProperty("type").GetString()));
        if (parameters.TryGetValue("page", out var page))
        {
            Assert.Equal(1, page.GetProperty("minimum").GetInt32());
            Assert.Equal(1, page.GetProperty("default").GetInt32());
            // page has no upper bound but int32's: an explicit maximum or the int32 format documents it.
            Assert.True(
                (page.TryGetProperty("maximum", out var max) && max.GetInt64() == int.MaxValue)
                    || (page.TryGetProperty("format", out var format) && format.GetString() == "int32"),
                $"{path}: page documents no maximum: {page}");
        }

        if (parameters.TryGetValue("pageSize", out var pageSize))
        {
            Assert.Equal(1, pageSize.GetProperty("minimum").GetInt32());
            Assert.Equal(100, pageSize.GetProperty("maximum").GetInt32());
            Assert.Equal(20, pageSize.GetProperty("default").GetInt32());
        }

        Assert.Equal(route.Length, route.Count(parameters.ContainsKey));
    }

    [Theory]
    [InlineData("/api/articles", "article")]
    [InlineData("/api/providers/{domain}/articles", "article")]
    [InlineData("/api/topics/{slug}/articles", "article")]
    [InlineData("/api/providers", "catalog")]
    [InlineData("/api/topics", "catalog")]
    public async Task SortListsItsValues(string path, string kind)
    {
        var operation = await OperationAsync(path);

        var sort = Parameters(operation).Single(p => p.Name == "sort").Schema;
        Assert.Equal(kind == "article" ? ArticleSorts : CatalogSorts, sort.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Theory]
    [InlineData("/api/articles/{id}")]
    [InlineData("/api/articles/{id}/related")]
    [InlineData("/api/providers/{domain}")]
    [InlineData("/api/providers/{domain}/articles")]
    [InlineData("/api/topics/{slug}")]
    [InlineData("/api/topics/{slug}/articles")]
    public async Task KeyedEndpointsDocument404(string path)
    {
        var operation = await OperationAsync(path);

        Assert.True(operation.GetProperty("responses").TryGetProperty("404", out _), $"{path} does not document 404");
    }

    [Theory]
    [InlineData("/api/articles")]
    [InlineData("/api/articles/{id}/related")]
    [InlineData("/api/providers")]
    [InlineData("/api/topics/{slug}/articles")]
    public async Task ListEndpointsDocument400(string path)
    {
        var operation = await OperationAsync(path);

        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _), $"{path} does not document 400");
    }

    [Fact]
    public async Task DocumentReadsWithoutErrorsOrWarnings()
    {
        await using var stream = await _client.GetStreamAsync("/swagger/v1/swagger.json");

        // The Microsoft.OpenApi that Swashbuckle itself is built on, so the reader knows the version it writes.
        var settings = new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetDefaultRuleSet() };
        var (document, diagnostic) = await OpenApiDocument.LoadAsync(stream, "json", settings);

        Assert.NotNull(document);
        var problems = diagnostic!.Errors.Select(e => "error: " + e).Concat(diagnostic.Warnings.Select(w => "warning: " + w)).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("ArticleSummary", "provider")]
    [InlineData("ArticleSummary", "image")]
    [InlineData("ArticleDetail", "provider")]
    [InlineData("ArticleDetail", "image")]
    [InlineData("RelatedLinkResponse", "provider")]
    public async Task ObjectsAFileMayLackAreNullable(string schema, string property)
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");

        var value = document.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").GetProperty(property);
        Assert.True(value.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean(), $"{schema}.{property} is not nullable: {value}");
    }

    [Fact]
    public async Task SwaggerUiAnswers200()
    {
        var response = await _client.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    async Task<JsonElement> OperationAsync(string path)
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"the OpenAPI document has no {path}");
        return item.GetProperty("get");
    }

    static List<(string Name, string In, string? Description, JsonElement Schema)> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? [.. parameters.EnumerateArray().Select(p => (
                p.GetProperty("name").GetString()!,
                p.GetProperty("in").GetString()!,
                p.TryGetProperty("description", out var d) ? d.GetString() : null,
                p.GetProperty("schema")))]
            : [];
}
