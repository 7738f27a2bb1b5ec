using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsApi.Api.Tests;

/// <summary>The article detail of the seed article field by field, and <c>extra</c> from the fixture.</summary>
public sealed class ArticleDetailTests(CorpusApiFactory corpus, FixtureApiFactory fixture)
    : IClassFixture<CorpusApiFactory>, IClassFixture<FixtureApiFactory>
{
    readonly HttpClient _corpus = corpus.CreateClient();
    readonly HttpClient _fixture = fixture.CreateClient();

    [Fact]
    public async Task SeedArticleDetailHasEveryFieldOfItsFile()
    {
        var seed = corpus.Index[RepositoryPaths.SeedId];

        var a = await _corpus.GetJsonAsync($"/api/articles/{RepositoryPaths.SeedId}");

        Assert.Equal(RepositoryPaths.SeedId, a.GetProperty("id").GetString());
        Assert.Equal("news", a.GetProperty("category").GetString());
        Assert.Equal("Upwork Reveals Top 10 Generative AI-Related Skills and Hires in 2023", a.GetProperty("title").GetString());
        Assert.Equal(seed.Excerpt, a.GetProperty("excerpt").GetString());
        Assert.Equal("2023-08-22T21:22:00Z", a.GetProperty("publishedDateTime").GetString());
        Assert.Equal("article", a.GetProperty("type").GetString());
        Assert.Equal(67, a.GetProperty("quality").GetInt32());
        Assert.Equal(100, a.GetProperty("heat").GetInt32());
        Assert.Equal(seed.WebUrl, a.GetProperty("webUrl").GetString());
        Assert.Equal(seed.OriginalUrl, a.GetProperty("originalUrl").GetString());
        Assert.Equal(JsonValueKind.Null, a.GetProperty("ampWebUrl").ValueKind);
        Assert.Equal(JsonValueKind.Null, a.GetProperty("cdnAmpWebUrl").ValueKind);
        Assert.Equal(JsonValueKind.Null, a.GetProperty("featuredContent").ValueKind);
        Assert.Equal(JsonValueKind.Null, a.GetProperty("extra").ValueKind);

        var provider = a.GetProperty("provider");
        Assert.Equal("TechRepublic", provider.GetProperty("name").GetString());
        Assert.Equal("techrepublic.com", provider.GetProperty("domain").GetString());
        var logo = Assert.Single(provider.GetProperty("images").EnumerateArray());
        Assert.Equal(seed.Provider!.ImageUrls[0], logo.GetProperty("url").GetString());
        Assert.Equal(50, logo.GetProperty("width").GetInt32());
        Assert.Equal(50, logo.GetProperty("height").GetInt32());

        var topic = Assert.Single(a.GetProperty("topics").EnumerateArray());
        Assert.Equal("AI", topic.GetProperty("name").GetString());
        Assert.Equal("ai", topic.GetProperty("slug").GetString());

        var image = Assert.Single(a.GetProperty("images").EnumerateArray());
        Assert.EndsWith("tr0082323-featuredimage-top-10-generative-ai-related-skills-and-hires-in-2023.jpg", image.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(1400, image.GetProperty("width").GetInt32());
        Assert.Equal(785, image.GetProperty("height").GetInt32());
        Assert.True(image.GetProperty("isCached").GetBoolean());

        Assert.Equal(3, a.GetProperty("relatedCount").GetInt32());
        var related = a.GetProperty("related").EnumerateArray().ToList();
        Assert.Equal(seed.Related.Select(r => r.Title), related.Select(r => r.GetProperty("title").GetString()));
        Assert.Equal(["businessinsider.com", "aol.com", "design-reuse.com"], related.Select(r => r.GetProperty("provider").GetProperty("domain").GetString()));
        Assert.Equal(["Business Insider", "AOL", "Design-Reuse"], related.Select(r => r.GetProperty("provider").GetProperty("name").GetString()));
        Assert.Equal(["2023-08-22T12:13:00Z", "2023-08-23T12:00:00Z", "2023-08-23T06:05:00Z"], related.Select(r => r.GetProperty("publishedDateTime").GetString()));
        Assert.Equal([42, 39, 33], related.Select(r => r.GetProperty("quality").GetInt32()));
        Assert.Equal([0, 1, 0], related.Select(r => r.GetProperty("images").GetArrayLength()));
        var relatedImage = related[1].GetProperty("images")[0];
        Assert.Equal(1200, relatedImage.GetProperty("width").GetInt32());
        Assert.Equal(675, relatedImage.GetProperty("height").GetInt32());
    }

    [Fact]
    public async Task SeedArticleSummaryInTheListHasItsFirstImageAndCounts()
    {
        var page = await _corpus.GetJsonAsync("/api/articles?q=upwork%20reveals");

        var summary = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(RepositoryPaths.SeedId, summary.GetProperty("id").GetString());
        Assert.Equal(["AI"], summary.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("techrepublic.com", summary.GetProperty("provider").GetProperty("domain").GetString());
        Assert.Equal(1400, summary.GetProperty("image").GetProperty("width").GetInt32());
        Assert.Equal(3, summary.GetProperty("relatedCount").GetInt32());
        Assert.Equal("2023-08-22T21:22:00Z", summary.GetProperty("publishedDateTime").GetString());
    }

    [Fact]
    public void ImporterAcceptsEveryFixtureFile()
    {
        Assert.Empty(fixture.Rejected);
        Assert.Equal(11, fixture.Index.All.Count);
    }

    [Fact]
    public async Task SummariesAnswerNullForWhatTheFileLacks()
    {
        var page = await _fixture.GetJsonAsync("/api/articles?pageSize=100&sort=title");

        JsonShape.IsPage(page, JsonShape.IsSummary, "fixture list");
        var lima = page.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "fx-lima");
        foreach (var field in new[] { "excerpt", "publishedDateTime", "type", "quality", "heat", "webUrl", "originalUrl", "provider", "image" })
        {
            Assert.True(lima.GetProperty(field).ValueKind == JsonValueKind.Null, $"fx-lima's {field} is {lima.GetProperty(field)}, not null");
        }

        Assert.Equal("Lima minimal", lima.GetProperty("title").GetString());
        Assert.Equal("news", lima.GetProperty("category").GetString());
        Assert.Equal(0, lima.GetProperty("topics").GetArrayLength());
        Assert.Equal(0, lima.GetProperty("relatedCount").GetInt32());
    }

    [Fact]
    public async Task ADetailAnswersNullForWhatTheFileLacks()
    {
        var lima = await _fixture.GetJsonAsync("/api/articles/fx-lima");

        foreach (var field in new[] { "excerpt", "publishedDateTime", "type", "quality", "heat", "webUrl", "originalUrl", "ampWebUrl", "cdnAmpWebUrl", "featuredContent", "provider", "extra" })
        {
            Assert.True(lima.GetProperty(field).ValueKind == JsonValueKind.Null, $"fx-lima's {field} is {lima.GetProperty(field)}, not null");
        }

        Assert.Equal(0, lima.GetProperty("topics").GetArrayLength());
        Assert.Equal(0, lima.GetProperty("images").GetArrayLength());
        Assert.Equal(0, lima.GetProperty("related").GetArrayLength());
    }

    [Fact]
    public async Task ExtraHoldsTheUnknownKeysExactlyAsWritten()
    {
        var delta = await _fixture.GetJsonAsync("/api/articles/fx-delta");

        var extra = JsonNode.Parse(delta.GetProperty("extra").GetRawText());
        var expected = JsonNode.Parse(FixtureContent.DeltaExtraJson);
        Assert.True(JsonNode.DeepEquals(expected, extra), $"extra is {extra?.ToJsonString()}, expected {expected?.ToJsonString()}");
        Assert.Equal(JsonValueKind.Number, delta.GetProperty("extra").GetProperty("rating").ValueKind);
        Assert.Equal(4.5, delta.GetProperty("extra").GetProperty("rating").GetDouble());
        Assert.Equal(JsonValueKind.String, delta.GetProperty("extra").GetProperty("quotedNumber").ValueKind);
    }

    [Fact]
    public async Task AnArticleWithoutValuesAnswersNullsAndItsProviderWithoutDomain()
    {
        var delta = await _fixture.GetJsonAsync("/api/articles/fx-delta");

        Assert.Equal(JsonValueKind.Null, delta.GetProperty("publishedDateTime").ValueKind);
        Assert.Equal(JsonValueKind.Null, delta.GetProperty("quality").ValueKind);
        Assert.Equal(JsonValueKind.Null, delta.GetProperty("heat").ValueKind);
        Assert.Equal(JsonValueKind.Null, delta.GetProperty("webUrl").ValueKind);
        Assert.Equal("news", delta.GetProperty("category").GetString());
        Assert.Equal("Contoso Weekly", delta.GetProperty("provider").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, delta.GetProperty("provider").GetProperty("domain").ValueKind);
        Assert.Equal(0, delta.GetProperty("provider").GetProperty("images").GetArrayLength());
        var topic = Assert.Single(delta.GetProperty("topics").EnumerateArray());
        Assert.Equal("Dataverse", topic.GetProperty("name").GetString());
        Assert.Equal("dataverse", topic.GetProperty("slug").GetString());
        Assert.Equal(0, delta.GetProperty("images").GetArrayLength());
        Assert.Equal(0, delta.GetProperty("related").GetArrayLength());
    }

    [Fact]
    public async Task CategoryDefaultsToTheNearestUnderscoreFolderAndTimesWithOffsetsBecomeUtc()
    {
        var india = await _fixture.GetJsonAsync("/api/articles/fx-india");
        var golf = await _fixture.GetJsonAsync("/api/articles/fx-golf");
        var kilo = await _fixture.GetJsonAsync("/api/articles/fx-kilo");

        Assert.Equal("videos", india.GetProperty("category").GetString());
        Assert.Equal("2024-03-01T08:00:00Z", india.GetProperty("publishedDateTime").GetString());
        Assert.Equal("Blog", golf.GetProperty("category").GetString());
        Assert.Equal("2024-01-10T08:00:00Z", kilo.GetProperty("publishedDateTime").GetString());
        Assert.Equal(["teams-integration"], kilo.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("slug").GetString()));
        Assert.Equal(["aws-ai", "c"], golf.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("slug").GetString()));
        Assert.Equal(["AWS AI", "C#"], golf.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }
}
