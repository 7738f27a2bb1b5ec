using System.Net;

namespace NewsApi.Api.Tests;

/// <summary>
/// Providers and topics: published articles counted only, only those with one or more, their sorts and
/// name filter, the one-item endpoints and their article lists; and related links in file order.
/// </summary>
public sealed class ProvidersAndTopicsTests(CorpusApiFactory corpus, FixtureApiFactory fixture)
    : IClassFixture<CorpusApiFactory>, IClassFixture<FixtureApiFactory>
{
    readonly HttpClient _corpus = corpus.CreateClient();
    readonly HttpClient _fixture = fixture.CreateClient();

    [Fact]
    public async Task ProvidersListEveryProviderWithPublishedArticlesAndTheirCounts()
    {
        var expected = corpus.Index.ProviderCounts();

        var providers = await _corpus.GetAllAsync<ProviderDto>("/api/providers");

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), providers.ToDictionary(p => p.Domain, p => p.ArticleCount).OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.All(providers, p => Assert.Equal(corpus.Index.ProviderName(p.Domain), p.Name));
        Assert.Contains(corpus.Index.All, a => a.Provider?.Key is { } key && !expected.ContainsKey(key));
    }

    [Fact]
    public async Task ProvidersSortByMostArticlesByDefaultAndByName()
    {
        var byCount = await _corpus.GetAllAsync<ProviderDto>("/api/providers");
        var explicitCount = await _corpus.GetAllAsync<ProviderDto>("/api/providers", "sort=-articleCount");
        var byName = await _corpus.GetAllAsync<ProviderDto>("/api/providers", "sort=name");

        Assert.Equal("microsoft.com", byCount[0].Domain);
        Assert.Equal(byCount.Select(p => p.ArticleCount).OrderDescending(), byCount.Select(p => p.ArticleCount));
        Assert.Equal(byCount.Select(p => p.Domain), explicitCount.Select(p => p.Domain));
        Assert.Equal(byName.Select(p => p.Name!.ToLowerInvariant()).Order(StringComparer.Ordinal), byName.Select(p => p.Name!.ToLowerInvariant()));
        Assert.Equal(byCount.Count, byName.Count);
    }

    [Theory]
    [InlineData("MICRO")]
    [InlineData("tech")]
    [InlineData("e")]
    public async Task ProvidersQueryKeepsNamesThatContainItIgnoringCase(string q)
    {
        var expected = corpus.Index.ProviderCounts().Keys
            .Where(k => corpus.Index.ProviderName(k)?.Contains(q, StringComparison.OrdinalIgnoreCase) == true)
            .Order(StringComparer.Ordinal);

        var providers = await _corpus.GetAllAsync<ProviderDto>("/api/providers", "q=" + q);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, providers.Select(p => p.Domain).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("microsoft.com")]
    [InlineData("MICROSOFT.COM")]
    [InlineData("Neowin.Net")]
    public async Task OneProviderIsFoundByItsDomainIgnoringCase(string domain)
    {
        var key = domain.ToLowerInvariant();

        var provider = await _corpus.GetJsonAsync("/api/providers/" + domain);
        var articles = await _corpus.GetAllAsync<SummaryDto>($"/api/providers/{domain}/articles");

        Assert.Equal(key, provider.GetProperty("domain").GetString());
        Assert.Equal(corpus.Index.ProviderCounts()[key], provider.GetProperty("articleCount").GetInt32());
        Assert.Equal(corpus.Index.ProviderName(key), provider.GetProperty("name").GetString());
        Assert.Equal(corpus.Index.ProviderImageUrls(key), provider.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("url").GetString()));
        Assert.Equal(ExpectedQuery.Select(corpus.Index.All, "provider=" + key).Select(a => a.Id).Order(StringComparer.Ordinal), articles.Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/api/providers", "%25")]
    [InlineData("/api/providers", "_")]
    [InlineData("/api/providers", "Cont%25o")]
    [InlineData("/api/topics", "%25")]
    [InlineData("/api/topics", "_")]
    [InlineData("/api/topics", "P_wer")]
    public async Task NameQueryTreatsWildcardCharactersLiterally(string path, string q)
    {
        var (_, page) = await _fixture.GetPageAsync<System.Text.Json.JsonElement>(path + "?q=" + q);

        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task ProviderNameAndImagesAreThoseMostPublishedArticlesGive()
    {
        var contoso = await _fixture.GetFromJsonOkAsync<ProviderDto>("/api/providers/contoso.com");
        var fabrikam = await _fixture.GetFromJsonOkAsync<ProviderDto>("/api/providers/fabrikam.com");

        Assert.Equal(3, contoso.ArticleCount);
        Assert.Equal("Contoso", contoso.Name);
        Assert.Equal(["https://img.example/contoso-a.png"], contoso.Images.Select(i => i.Url));
        Assert.Equal(2, fabrikam.ArticleCount);
        Assert.Equal("Fabrikam Media", fabrikam.Name);
        Assert.Equal(["https://img.example/fabrikam-2.png"], fabrikam.Images.Select(i => i.Url));
        Assert.Equal(fixture.Index.ProviderName("fabrikam.com"), fabrikam.Name);
    }

    [Fact]
    public async Task AnArticleShowsItsProviderAsItsOwnFileGivesIt()
    {
        var charlie = await _fixture.GetJsonAsync("/api/articles/fx-charlie");

        Assert.Equal("Contoso Inc", charlie.GetProperty("provider").GetProperty("name").GetString());
        Assert.Equal("CONTOSO.COM", charlie.GetProperty("provider").GetProperty("domain").GetString());
    }

    [Fact]
    public async Task AProviderWithoutDomainIsKeyedByItsLowerCasedName()
    {
        var provider = await _fixture.GetFromJsonOkAsync<ProviderDto>("/api/providers/Contoso%20Weekly");
        var articles = await _fixture.GetAllAsync<SummaryDto>("/api/providers/contoso%20weekly/articles");
        var list = await _fixture.GetAllAsync<ProviderDto>("/api/providers");

        Assert.Equal("Contoso Weekly", provider.Name);
        Assert.Equal(1, provider.ArticleCount);
        Assert.Equal(["fx-delta"], articles.Select(a => a.Id));
        Assert.Contains(list, p => p.Name == "Contoso Weekly" && p.ArticleCount == 1);
        Assert.Equal(fixture.Index.ProviderCounts().Count, list.Count);
    }

    [Fact]
    public async Task TopicsListEveryTopicWithPublishedArticlesAndTheirCounts()
    {
        var expected = corpus.Index.TopicCounts();

        var topics = await _corpus.GetAllAsync<TopicDto>("/api/topics");

        Assert.Equal(expected.OrderBy(t => t.Key, StringComparer.Ordinal), topics.ToDictionary(t => t.Slug, t => t.ArticleCount).OrderBy(t => t.Key, StringComparer.Ordinal));
        Assert.All(topics, t => Assert.Equal(corpus.Index.TopicName(t.Slug), t.Name));
        Assert.Equal("power-apps", topics[0].Slug);
        Assert.Equal(topics.Select(t => t.ArticleCount).OrderDescending(), topics.Select(t => t.ArticleCount));
    }

    [Fact]
    public async Task TopicsSortByName()
    {
        var byName = await _corpus.GetAllAsync<TopicDto>("/api/topics", "sort=name");

        Assert.Equal(corpus.Index.TopicCounts().Count, byName.Count);
        Assert.Equal(byName.Select(t => t.Name.ToLowerInvariant()).Order(StringComparer.Ordinal), byName.Select(t => t.Name.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("APPS")]
    [InlineData("integ")]
    [InlineData(" ")]
    public async Task TopicsQueryKeepsNamesThatContainItIgnoringCase(string q)
    {
        var expected = corpus.Index.TopicCounts().Keys
            .Where(s => corpus.Index.TopicName(s)!.Contains(q, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

        var topics = await _corpus.GetAllAsync<TopicDto>("/api/topics", "q=" + Uri.EscapeDataString(q));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, topics.Select(t => t.Slug).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("portals", "portals")]
    [InlineData("Portals", "portals")]
    [InlineData("model-driven-apps", "model-driven-apps")]
    [InlineData("Model-driven%20apps", "model-driven-apps")]
    public async Task OneTopicIsFoundByItsSlugWithItsArticles(string segment, string slug)
    {
        var topic = await _corpus.GetFromJsonOkAsync<TopicDto>("/api/topics/" + segment);
        var articles = await _corpus.GetAllAsync<SummaryDto>($"/api/topics/{segment}/articles");

        Assert.Equal(slug, topic.Slug);
        Assert.Equal(corpus.Index.TopicName(slug), topic.Name);
        Assert.Equal(corpus.Index.TopicCounts()[slug], topic.ArticleCount);
        Assert.Equal(ExpectedQuery.Select(corpus.Index.All, "topic=" + slug).Select(a => a.Id).Order(StringComparer.Ordinal), articles.Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ATopicSpelledSeveralWaysIsOneTopicCountingEachArticleOnce()
    {
        var powerApps = await _fixture.GetFromJsonOkAsync<TopicDto>("/api/topics/power-apps");
        var fabric = await _fixture.GetFromJsonOkAsync<TopicDto>("/api/topics/fabric");
        var all = await _fixture.GetAllAsync<TopicDto>("/api/topics");

        Assert.Equal(4, powerApps.ArticleCount);
        Assert.Equal("Power Apps", powerApps.Name);
        Assert.Equal(2, fabric.ArticleCount);
        Assert.Single(all, t => t.Slug == "power-apps");
        Assert.Equal(fixture.Index.TopicCounts().OrderBy(t => t.Key, StringComparer.Ordinal), all.ToDictionary(t => t.Slug, t => t.ArticleCount).OrderBy(t => t.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task RelatedLinksKeepTheFileOrderAcrossPages()
    {
        var hotel = fixture.Index["fx-hotel"];

        var (firstResponse, first) = await _fixture.GetPageAsync<RelatedDto>("/api/articles/fx-hotel/related?pageSize=2");
        var (_, second) = await _fixture.GetPageAsync<RelatedDto>(HttpHelpers.Links(firstResponse)["next"]);

        Assert.Equal(3, first.TotalCount);
        Assert.Equal(2, first.TotalPages);
        Assert.Equal(hotel.Related.Select(r => r.Title), first.Items.Concat(second.Items).Select(r => r.Title));
        Assert.Equal(2, second.Page);
        Assert.Equal("elsewhere.example", first.Items[0].Provider?.Domain);
        Assert.Equal(new ProviderRefDto("Second Site", null), first.Items[1].Provider);
        Assert.Null(second.Items[0].Provider);
        Assert.Equal(20, first.Items[1].Images.Single().Height);
        Assert.Equal(new DateTime(2024, 1, 11, 0, 0, 0, DateTimeKind.Utc), first.Items[0].PublishedDateTime);
    }

    [Fact]
    public async Task SeedRelatedLinksKeepTheFileOrderAndPageByOne()
    {
        var seed = corpus.Index[RepositoryPaths.SeedId];
        var titles = new List<string?>();

        for (var page = 1; page <= 4; page++)
        {
            var (_, body) = await _corpus.GetPageAsync<RelatedDto>($"/api/articles/{RepositoryPaths.SeedId}/related?pageSize=1&page={page}");
            Assert.Equal(3, body.TotalPages);
            titles.AddRange(body.Items.Select(r => r.Title));
        }

        Assert.Equal(seed.Related.Select(r => r.Title), titles);
    }

    [Fact]
    public async Task AnArticleWithoutRelatedLinksAnswersAnEmptyPage()
    {
        var (_, page) = await _fixture.GetPageAsync<RelatedDto>("/api/articles/fx-alpha/related");

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task AProviderKeyedEndpointAnswersForEveryListedProvider()
    {
        var providers = await _corpus.GetAllAsync<ProviderDto>("/api/providers");

        foreach (var provider in providers)
        {
            var response = await _corpus.GetAsync("/api/providers/" + Uri.EscapeDataString(provider.Domain));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/api/providers/{provider.Domain} answered {(int)response.StatusCode}");
        }
    }
}
