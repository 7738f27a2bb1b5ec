using System.Net;

namespace NewsApi.Api.Tests;

/// <summary>
/// Unpublished articles are stored but never served: not in lists, counts or searches, their
/// detail and sub-lists are 404, and so are providers and topics that only they name. No response
/// of any endpoint carries a <c>secured</c> value.
/// </summary>
public sealed class UnpublishedTests(CorpusApiFactory corpus, FixtureApiFactory fixture)
    : IClassFixture<CorpusApiFactory>, IClassFixture<FixtureApiFactory>
{
    readonly HttpClient _corpus = corpus.CreateClient();
    readonly HttpClient _fixture = fixture.CreateClient();

    [Fact]
    public async Task CorpusListHoldsExactlyThePublishedArticles()
    {
        var published = corpus.Index.Published.Select(a => a.Id).Order(StringComparer.Ordinal).ToList();

        var listed = await _corpus.GetAllAsync<SummaryDto>("/api/articles");

        Assert.Equal(published, listed.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.True(corpus.Index.All.Count - published.Count > 200, "the corpus has some 246 unpublished articles");
    }

    [Fact]
    public async Task EveryUnpublishedCorpusArticleAndItsRelatedLinksAre404()
    {
        foreach (var article in corpus.Index.All.Where(a => !a.Published))
        {
            await _corpus.GetProblemAsync($"/api/articles/{Uri.EscapeDataString(article.Id)}", HttpStatusCode.NotFound);
            await _corpus.GetProblemAsync($"/api/articles/{Uri.EscapeDataString(article.Id)}/related", HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task CorpusProvidersWithOnlyUnpublishedArticlesAre404()
    {
        var hidden = corpus.Index.All.Where(a => a.Provider?.Key is not null).Select(a => a.Provider!.Key!)
            .Distinct().Where(k => !corpus.Index.ProviderCounts().ContainsKey(k)).ToList();

        Assert.NotEmpty(hidden);
        foreach (var key in hidden)
        {
            await _corpus.GetProblemAsync("/api/providers/" + Uri.EscapeDataString(key), HttpStatusCode.NotFound);
            await _corpus.GetProblemAsync($"/api/providers/{Uri.EscapeDataString(key)}/articles", HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task FixtureUnpublishedArticlesAreNeverServed()
    {
        var listed = await _fixture.GetAllAsync<SummaryDto>("/api/articles");
        var draft = await _fixture.CountAsync("/api/articles", "q=foxtrot");
        var scoop = await _fixture.CountAsync("/api/articles", "minQuality=999");
        var contosoArticles = await _fixture.GetAllAsync<SummaryDto>("/api/providers/contoso.com/articles");
        var powerAppsArticles = await _fixture.GetAllAsync<SummaryDto>("/api/topics/power-apps/articles");

        Assert.Equal(9, listed.Count);
        Assert.DoesNotContain(listed, a => a.Id is "fx-echo" or "fx-foxtrot");
        Assert.Equal(0, draft);
        Assert.Equal(0, scoop);
        Assert.DoesNotContain(contosoArticles, a => a.Id == "fx-foxtrot");
        Assert.DoesNotContain(powerAppsArticles, a => a.Id == "fx-foxtrot");
        foreach (var id in new[] { "fx-echo", "fx-foxtrot" })
        {
            await _fixture.GetProblemAsync("/api/articles/" + id, HttpStatusCode.NotFound);
            await _fixture.GetProblemAsync($"/api/articles/{id}/related", HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task ProvidersAndTopicsOfOnlyUnpublishedArticlesAre404AndUnlisted()
    {
        var providers = await _fixture.GetAllAsync<ProviderDto>("/api/providers");
        var topics = await _fixture.GetAllAsync<TopicDto>("/api/topics");

        Assert.DoesNotContain(providers, p => p.Domain == "hidden.example");
        Assert.DoesNotContain(topics, t => t.Slug == "secret-topic");
        await _fixture.GetProblemAsync("/api/providers/hidden.example", HttpStatusCode.NotFound);
        await _fixture.GetProblemAsync("/api/providers/hidden.example/articles", HttpStatusCode.NotFound);
        await _fixture.GetProblemAsync("/api/topics/secret-topic", HttpStatusCode.NotFound);
        await _fixture.GetProblemAsync("/api/topics/Secret%20Topic/articles", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NoResponseOfAnyEndpointCarriesASecuredValue()
    {
        var urls = new List<string> { "/api/articles", "/api/articles?pageSize=100", "/api/articles?pageSize=1&page=3", "/api/providers", "/api/topics", "/swagger/v1/swagger.json" };
        foreach (var article in fixture.Index.All)
        {
            urls.Add("/api/articles/" + article.Id);
            urls.Add($"/api/articles/{article.Id}/related");
        }

        foreach (var key in fixture.Index.All.Select(a => a.Provider?.Key).OfType<string>().Distinct())
        {
            urls.Add("/api/providers/" + Uri.EscapeDataString(key));
            urls.Add($"/api/providers/{Uri.EscapeDataString(key)}/articles?pageSize=100");
        }

        foreach (var slug in fixture.Index.All.SelectMany(a => a.TopicSlugs).Distinct())
        {
            urls.Add("/api/topics/" + slug);
            urls.Add($"/api/topics/{slug}/articles?pageSize=100");
        }

        foreach (var url in urls)
        {
            var body = await (await _fixture.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.All(FixtureContent.SecuredValues, secured => Assert.DoesNotContain(secured, body, StringComparison.Ordinal));
            if (url.StartsWith("/api/", StringComparison.Ordinal))
            {
                Assert.DoesNotContain("\"secured\"", body, StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.True(urls.Count > 40);
    }

    [Fact]
    public async Task NoCorpusArticleDetailCarriesItsSecuredValue()
    {
        foreach (var article in corpus.Index.Published)
        {
            var body = await _corpus.GetStringAsync("/api/articles/" + Uri.EscapeDataString(article.Id));

            Assert.NotNull(article.Secured);
            Assert.DoesNotContain(article.Secured, body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"secured\"", body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
