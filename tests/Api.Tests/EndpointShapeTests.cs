using System.Net;
using System.Text.Json;

namespace NewsApi.Api.Tests;

/// <summary>Every endpoint of SPEC section 3 answers 200 with its documented shape, over the real corpus.</summary>
public sealed class EndpointShapeTests(CorpusApiFactory factory) : IClassFixture<CorpusApiFactory>
{
    readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public void ImporterAcceptsEveryCorpusFile()
    {
        Assert.Empty(factory.Rejected);
        Assert.Equal(675, factory.Index.All.Count);
    }

    [Fact]
    public async Task ArticleListAnswersPagesOfSummariesWithEveryFieldAndUtcTimes()
    {
        var first = await _client.GetJsonAsync("/api/articles");

        JsonShape.IsPage(first, JsonShape.IsSummary, "/api/articles");
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(20, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(20, first.GetProperty("items").GetArrayLength());
        var all = await _client.GetAllAsync<JsonElement>("/api/articles");
        Assert.All(all, JsonShape.IsSummary);
        Assert.Equal(factory.Index.Published.Count, all.Count);
    }

    [Fact]
    public async Task EverySummaryCarriesWhatItsFileSays()
    {
        var summaries = await _client.GetAllAsync<SummaryDto>("/api/articles");

        foreach (var summary in summaries)
        {
            var file = factory.Index[summary.Id];
            Assert.Equal(file.Title, summary.Title);
            Assert.Equal(file.Excerpt, summary.Excerpt);
            Assert.Equal(file.Category, summary.Category);
            Assert.Equal(file.Type, summary.Type);
            Assert.Equal(file.Quality, summary.Quality);
            Assert.Equal(file.Heat, summary.Heat);
            Assert.Equal(file.PublishedDateTime, summary.PublishedDateTime);
            Assert.Equal(file.WebUrl, summary.WebUrl);
            Assert.Equal(file.OriginalUrl, summary.OriginalUrl);
            Assert.Equal(file.Provider?.Name, summary.Provider?.Name);
            Assert.Equal(file.Provider?.Domain, summary.Provider?.Domain);
            Assert.Equal(file.Topics, summary.Topics);
            Assert.Equal(file.RelatedCount, summary.RelatedCount);
        }
    }

    [Fact]
    public async Task ArticleDetailOfEveryPublishedArticleHasEveryField()
    {
        foreach (var article in factory.Index.Published)
        {
            var detail = await _client.GetJsonAsync($"/api/articles/{Uri.EscapeDataString(article.Id)}");

            var what = "detail " + article.Id;
            JsonShape.HasFields(detail, [.. JsonShape.SummaryFields.Where(f => f != "image"), .. JsonShape.DetailOnlyFields], what);
            Assert.Equal(article.Id, detail.GetProperty("id").GetString());
            var provider = detail.GetProperty("provider");
            JsonShape.HasFields(provider, [.. JsonShape.ProviderRefFields, "images"], what + " provider");
            JsonShape.IsImages(provider.GetProperty("images"), what + " provider");
            Assert.All(detail.GetProperty("topics").EnumerateArray(), t => JsonShape.HasFields(t, ["name", "slug"], what + " topic"));
            JsonShape.IsImages(detail.GetProperty("images"), what);
            Assert.All(detail.GetProperty("related").EnumerateArray(), JsonShape.IsRelated);
            JsonShape.TimesAreUtc(detail);
        }
    }

    [Fact]
    public async Task ArticleDetailHasTheSummaryImageFieldToo()
    {
        var detail = await _client.GetJsonAsync($"/api/articles/{RepositoryPaths.SeedId}");

        JsonShape.HasFields(detail, JsonShape.SummaryFields, "detail " + RepositoryPaths.SeedId);
        Assert.Equal(1400, detail.GetProperty("image").GetProperty("width").GetInt32());
    }

    [Fact]
    public async Task RelatedLinksAnswerAPageOfLinksWithEveryField()
    {
        var page = await _client.GetJsonAsync($"/api/articles/{RepositoryPaths.SeedId}/related");

        JsonShape.IsPage(page, JsonShape.IsRelated, "related");
        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(1, page.GetProperty("totalPages").GetInt32());
    }

    [Fact]
    public async Task ProviderEndpointsAnswerProvidersAndTheirArticles()
    {
        var list = await _client.GetJsonAsync("/api/providers");
        var one = await _client.GetJsonAsync("/api/providers/microsoft.com");
        var articles = await _client.GetJsonAsync("/api/providers/microsoft.com/articles");

        JsonShape.IsPage(list, JsonShape.IsProvider, "/api/providers");
        Assert.True(list.GetProperty("totalCount").GetInt32() > 1);
        JsonShape.IsProvider(one);
        Assert.Equal("microsoft.com", one.GetProperty("domain").GetString());
        JsonShape.IsPage(articles, JsonShape.IsSummary, "/api/providers/microsoft.com/articles");
        Assert.Equal(one.GetProperty("articleCount").GetInt32(), articles.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task TopicEndpointsAnswerTopicsAndTheirArticles()
    {
        var list = await _client.GetJsonAsync("/api/topics");
        var one = await _client.GetJsonAsync("/api/topics/power-apps");
        var articles = await _client.GetJsonAsync("/api/topics/power-apps/articles");

        JsonShape.IsPage(list, JsonShape.IsTopic, "/api/topics");
        Assert.True(list.GetProperty("totalCount").GetInt32() > 1);
        JsonShape.IsTopic(one);
        Assert.Equal("power-apps", one.GetProperty("slug").GetString());
        Assert.Equal("Power Apps", one.GetProperty("name").GetString());
        JsonShape.IsPage(articles, JsonShape.IsSummary, "/api/topics/power-apps/articles");
        Assert.Equal(one.GetProperty("articleCount").GetInt32(), articles.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task HealthAnswers200()
    {
        var response = await _client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
