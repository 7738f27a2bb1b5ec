using NewsApi.Client.Generated;
using NewsApi.Client.Generated.Models;
using ArticleSort = NewsApi.Client.Generated.Api.Articles.GetSortQueryParameterType;
using ProviderArticleSort = NewsApi.Client.Generated.Api.Providers.Item.Articles.GetSortQueryParameterType;
using ProviderSort = NewsApi.Client.Generated.Api.Providers.GetSortQueryParameterType;
using TopicArticleSort = NewsApi.Client.Generated.Api.Topics.Item.Articles.GetSortQueryParameterType;
using TopicSort = NewsApi.Client.Generated.Api.Topics.GetSortQueryParameterType;

namespace NewsApi.Client.Tests;

/// <summary>Each endpoint called through the client generated from the OpenAPI document gives what plain HTTP gives.</summary>
public sealed class GeneratedClientTests(SampleApiFactory factory) : IClassFixture<SampleApiFactory>
{
    /// <summary>README's example article: extra front-matter keys and two related links.</summary>
    const string RoadmapId = "2023-04-16-inside-the-aws-ai-roadmap-for-2023-1gvxoos";

    readonly NewsApiClient _client = factory.CreateNewsApiClient();

    readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task ArticlesFilteredSortedAndPagedMatchHttp()
    {
        var page = await _client.Api.Articles.GetAsync(r =>
        {
            r.QueryParameters.Topic = ["aws-ai", "Azure"];
            r.QueryParameters.MinQuality = 50;
            r.QueryParameters.From = new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero);
            r.QueryParameters.Sort = ArticleSort.Minus_heat;
            r.QueryParameters.Page = 2;
            r.QueryParameters.PageSize = 5;
        });

        Assert.Equal(5, page!.Items!.Count);
        await SameJson.AssertAsync(page, await _http.GetAsync("/api/articles?topic=aws-ai&topic=Azure&minQuality=50&from=2018-01-01&sort=-heat&page=2&pageSize=5"));
    }

    [Fact]
    public async Task EveryArticleInFullMatchesHttp()
    {
        var ids = new List<string>();
        ArticleSummaryPagedList? list;
        var page = 0;
        do
        {
            page++;
            list = await _client.Api.Articles.GetAsync(r => (r.QueryParameters.Page, r.QueryParameters.PageSize) = (page, 100));
            ids.AddRange(list!.Items!.Select(a => a.Id!));
        }
        while (page < list.TotalPages);

        Assert.Equal(list.TotalCount, ids.Count);
        Assert.Contains(RoadmapId, ids);
        foreach (var id in ids)
        {
            var article = await _client.Api.Articles[id].GetAsync();
            await SameJson.AssertAsync(article!, await _http.GetAsync($"/api/articles/{Uri.EscapeDataString(id)}"));
        }
    }

    [Fact]
    public async Task RelatedLinksMatchHttp()
    {
        var page = await _client.Api.Articles[RoadmapId].Related.GetAsync(r => (r.QueryParameters.Page, r.QueryParameters.PageSize) = (2, 1));

        Assert.Single(page!.Items!);
        await SameJson.AssertAsync(page, await _http.GetAsync($"/api/articles/{RoadmapId}/related?page=2&pageSize=1"));
    }

    [Fact]
    public async Task ProvidersMatchHttp()
    {
        var page = await _client.Api.Providers.GetAsync(r =>
        {
            r.QueryParameters.Q = "t";
            r.QueryParameters.Sort = ProviderSort.Name;
            r.QueryParameters.Page = 2;
            r.QueryParameters.PageSize = 3;
        });

        Assert.Equal(3, page!.Items!.Count);
        await SameJson.AssertAsync(page, await _http.GetAsync("/api/providers?q=t&sort=name&page=2&pageSize=3"));
    }

    [Fact]
    public async Task OneProviderMatchesHttp()
    {
        var provider = await _client.Api.Providers["arstechnica.com"].GetAsync();

        await SameJson.AssertAsync(provider!, await _http.GetAsync("/api/providers/arstechnica.com"));
    }

    [Fact]
    public async Task ProviderArticlesMatchHttp()
    {
        var page = await _client.Api.Providers["techrepublic.com"].Articles.GetAsync(r =>
        {
            r.QueryParameters.MaxHeat = 200;
            r.QueryParameters.Sort = ProviderArticleSort.Minus_quality;
            r.QueryParameters.PageSize = 4;
        });

        Assert.Equal(4, page!.Items!.Count);
        await SameJson.AssertAsync(page, await _http.GetAsync("/api/providers/techrepublic.com/articles?maxHeat=200&sort=-quality&pageSize=4"));
    }

    [Fact]
    public async Task TopicsMatchHttp()
    {
        var page = await _client.Api.Topics.GetAsync(r =>
        {
            r.QueryParameters.Sort = TopicSort.Name;
            r.QueryParameters.Page = 2;
            r.QueryParameters.PageSize = 5;
        });

        Assert.Equal(5, page!.Items!.Count);
        await SameJson.AssertAsync(page, await _http.GetAsync("/api/topics?sort=name&page=2&pageSize=5"));
    }

    [Fact]
    public async Task OneTopicMatchesHttp()
    {
        var topic = await _client.Api.Topics["aws-ai"].GetAsync();

        await SameJson.AssertAsync(topic!, await _http.GetAsync("/api/topics/aws-ai"));
    }

    [Fact]
    public async Task TopicArticlesMatchHttp()
    {
        var page = await _client.Api.Topics["machine-learning"].Articles.GetAsync(r =>
        {
            r.QueryParameters.Type = "article";
            r.QueryParameters.Sort = TopicArticleSort.Title;
            r.QueryParameters.PageSize = 3;
        });

        Assert.Equal(3, page!.Items!.Count);
        await SameJson.AssertAsync(page, await _http.GetAsync("/api/topics/machine-learning/articles?type=article&sort=title&pageSize=3"));
    }

    [Fact]
    public async Task UnknownKeysSurfaceAsProblemDetailsExceptions()
    {
        var article = await Assert.ThrowsAsync<ProblemDetails>(() => _client.Api.Articles["no-such-article"].GetAsync());
        var topicArticles = await Assert.ThrowsAsync<ProblemDetails>(() => _client.Api.Topics["no-such-topic"].Articles.GetAsync());

        Assert.Equal(404, article.ResponseStatusCode);
        Assert.Equal(404, topicArticles.ResponseStatusCode);
        await SameJson.AssertAsync(article, await _http.GetAsync("/api/articles/no-such-article"), "traceId");
        await SameJson.AssertAsync(topicArticles, await _http.GetAsync("/api/topics/no-such-topic/articles"), "traceId");
    }

    [Fact]
    public async Task BadParametersSurfaceAsValidationProblemNamingThem()
    {
        var problem = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => _client.Api.Articles.GetAsync(r =>
        {
            r.QueryParameters.PageSize = 0;
            r.QueryParameters.MinQuality = 10;
            r.QueryParameters.MaxQuality = 5;
        }));

        Assert.Equal(400, problem.ResponseStatusCode);
        Assert.Contains("pageSize", problem.Errors!.AdditionalData.Keys);
        await SameJson.AssertAsync(problem, await _http.GetAsync("/api/articles?pageSize=0&minQuality=10&maxQuality=5"), "traceId");
    }
}
