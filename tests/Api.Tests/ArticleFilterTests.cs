namespace NewsApi.Api.Tests;

/// <summary>
/// Each article filter alone and in combination: the API's <c>totalCount</c> and the ids over all pages
/// equal what the test computes from the YAML (<see cref="ExpectedQuery"/>).
/// </summary>
public sealed class ArticleFilterTests(CorpusApiFactory corpus, FixtureApiFactory fixture)
    : IClassFixture<CorpusApiFactory>, IClassFixture<FixtureApiFactory>
{
    readonly HttpClient _corpus = corpus.CreateClient();
    readonly HttpClient _fixture = fixture.CreateClient();

    [Theory]
    [InlineData("minQuality=150")]
    [InlineData("maxQuality=80")]
    [InlineData("minHeat=150")]
    [InlineData("maxHeat=72")]
    [InlineData("topic=Teams%20integration")]
    [InlineData("topic=portals")]
    [InlineData("topic=Portals")]
    [InlineData("topic=model-driven-apps")]
    [InlineData("topic=Model-driven%20apps")]
    [InlineData("topic=MODEL%20DRIVEN%20APPS")]
    [InlineData("provider=microsoft.com")]
    [InlineData("provider=MICROSOFT.COM")]
    [InlineData("provider=neowin.net")]
    [InlineData("type=video")]
    [InlineData("type=VIDEO")]
    [InlineData("from=2022-01-01")]
    [InlineData("from=2022-01-01T00:00:00Z")]
    [InlineData("to=2021-01-01")]
    [InlineData("to=2021-01-01T05:30:00%2B05:30")]
    [InlineData("q=app")]
    [InlineData("q=apps")]
    [InlineData("q=APPS")]
    [InlineData("q=portal")]
    [InlineData("q=dataverse")]
    [InlineData("q=power%20automate")]
    [InlineData("q=app%20apps%20APP%20a")]
    [InlineData("q=power%20po%20p%20automate%20auto")]
    public async Task EachFilterAloneSelectsWhatTheYamlSays(string query)
    {
        var expected = ExpectedQuery.Select(corpus.Index.All, query);

        var actual = await _corpus.GetAllAsync<SummaryDto>("/api/articles", query);

        Assert.InRange(expected.Count, 1, corpus.Index.Published.Count - 1);
        Assert.Equal(Ids(expected), Ids(actual));
    }

    [Theory]
    [InlineData("topic=portals&topic=canvas-apps")]
    [InlineData("topic=Portals&topic=Teams%20integration&topic=AI%20Builder")]
    [InlineData("category=news")]
    [InlineData("category=NEWS")]
    [InlineData("type=article&minQuality=100")]
    [InlineData("topic=portals&type=article&minQuality=50")]
    [InlineData("provider=microsoft.com&from=2022-01-01&q=power")]
    [InlineData("minHeat=100&maxHeat=200&minQuality=100&maxQuality=200")]
    [InlineData("minQuality=100&maxQuality=100")]
    [InlineData("from=2021-06-01&to=2021-07-01")]
    [InlineData("q=power%20apps&to=2020-01-01")]
    [InlineData("q=power%20apps%20portals&type=article")]
    [InlineData("provider=microsoft.com&topic=model-driven-apps&sort=title")]
    public async Task CombinedFiltersSelectWhatTheYamlSays(string query)
    {
        var expected = ExpectedQuery.Select(corpus.Index.All, query);

        var actual = await _corpus.GetAllAsync<SummaryDto>("/api/articles", query);

        Assert.NotEmpty(expected);
        Assert.Equal(Ids(expected), Ids(actual));
    }

    [Theory]
    [InlineData("minHeat=-1")]
    [InlineData("maxHeat=-1")]
    [InlineData("minHeat=-5&maxHeat=0")]
    [InlineData("minQuality=100")]
    [InlineData("maxQuality=100")]
    [InlineData("topic=power-apps")]
    [InlineData("topic=POWER_APPS")]
    [InlineData("topic=C%23")]
    [InlineData("topic=c")]
    [InlineData("topic=aws-ai&topic=fabric")]
    [InlineData("topic=AWS%20AI")]
    [InlineData("provider=CONTOSO.COM")]
    [InlineData("provider=contoso%20weekly")]
    [InlineData("type=VIDEO")]
    [InlineData("category=blog")]
    [InlineData("category=videos")]
    [InlineData("category=News")]
    [InlineData("q=app")]
    [InlineData("q=cloud")]
    [InlineData("q=apps%20clouds")]
    [InlineData("q=%C3%A9clair")]
    [InlineData("q=%C3%89CLAIR%20caf%C3%A9")]
    [InlineData("from=2024-01-10T08:00:00Z")]
    [InlineData("to=2024-01-10T08:00:00Z")]
    [InlineData("from=2024-03-01T08:00:00Z")]
    public async Task FixtureFiltersSelectWhatTheYamlSays(string query)
    {
        var expected = ExpectedQuery.Select(fixture.Index.All, query);

        var actual = await _fixture.GetAllAsync<SummaryDto>("/api/articles", query);

        Assert.InRange(expected.Count, 1, fixture.Index.Published.Count - 1);
        Assert.Equal(Ids(expected), Ids(actual));
    }

    [Fact]
    public async Task QueryMatchesWordPrefixesButNotTextInsideAWord()
    {
        var app = Ids(await _fixture.GetAllAsync<SummaryDto>("/api/articles", "q=app"));
        var cloud = Ids(await _fixture.GetAllAsync<SummaryDto>("/api/articles", "q=cloud"));

        Assert.Contains("fx-alpha", app);
        Assert.Contains("fx-charlie", app);
        Assert.DoesNotContain("fx-bravo", app);
        Assert.Contains("fx-alpha", cloud);
        Assert.Contains("fx-hotel", cloud);
        Assert.DoesNotContain("fx-bravo", cloud);
    }

    [Fact]
    public async Task QueryWithSeveralWordsNeedsThemAll()
    {
        var both = Ids(await _fixture.GetAllAsync<SummaryDto>("/api/articles", "q=apps%20clouds"));
        var none = await _fixture.CountAsync("/api/articles", "q=apps%20soundcloud");

        Assert.Equal(["fx-alpha", "fx-hotel", "fx-kilo"], both);
        Assert.Equal(0, none);
    }

    [Fact]
    public async Task QueryWithNoWordIsIgnored()
    {
        var count = await _fixture.CountAsync("/api/articles", "q=%20--%20!!%20");

        Assert.Equal(fixture.Index.Published.Count, count);
    }

    [Fact]
    public async Task FromIsInclusiveAndToIsExclusiveAtAnArticlesExactInstant()
    {
        var seedTime = corpus.Index[RepositoryPaths.SeedId].PublishedDateTime!.Value;
        var atSeed = corpus.Index.Published.Where(a => a.PublishedDateTime == seedTime).Select(a => a.Id).Order(StringComparer.Ordinal).ToList();

        var from = Ids(await _corpus.GetAllAsync<SummaryDto>("/api/articles", "from=2023-08-22T21:22:00Z"));
        var to = Ids(await _corpus.GetAllAsync<SummaryDto>("/api/articles", "to=2023-08-22T21:22:00Z"));
        var exactly = Ids(await _corpus.GetAllAsync<SummaryDto>("/api/articles", "from=2023-08-22T21:22:00Z&to=2023-08-22T21:22:01Z"));

        Assert.Contains(RepositoryPaths.SeedId, from);
        Assert.DoesNotContain(RepositoryPaths.SeedId, to);
        Assert.Equal(corpus.Index.Published.Count, from.Count + to.Count);
        Assert.Equal(atSeed, exactly);
        Assert.Contains(RepositoryPaths.SeedId, exactly);
    }

    [Theory]
    [InlineData("from=2023-08-22T23:22:00%2B02:00")]
    [InlineData("from=2023-08-22T23:22:00+02:00")]
    [InlineData("from=2023-08-22T16:22:00-05:00")]
    [InlineData("from=2023-08-22T21:22:00")]
    [InlineData("from=2023-08-22T21:22:00.000Z")]
    [InlineData("from=2023-08-22t21:22:00z")]
    [InlineData("from=2023-08-22%2021:22:00Z")]
    [InlineData("from=2023-08-22T21:22:00.000000000Z")]
    public async Task FromAcceptsOffsetsAndAnUnencodedPlusAsTheSameInstant(string query)
    {
        var utc = await _corpus.CountAsync("/api/articles", "from=2023-08-22T21:22:00Z");
        var after = await _corpus.CountAsync("/api/articles", "from=2023-08-22T21:22:01Z");

        var count = await _corpus.CountAsync("/api/articles", query);

        Assert.Equal(utc, count);
        Assert.NotEqual(after, count);
    }

    [Fact]
    public async Task AnEmptyRangeIsAnEmptyPageNotAnError()
    {
        var count = await _corpus.CountAsync("/api/articles", "from=2023-08-22T21:22:00Z&to=2023-08-22T21:22:00Z");

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task ADateAloneIsMidnightUtc()
    {
        var date = await _corpus.CountAsync("/api/articles", "from=2022-01-01&to=2022-07-01");
        var time = await _corpus.CountAsync("/api/articles", "from=2022-01-01T00:00:00Z&to=2022-07-01T00:00:00Z");

        Assert.Equal(time, date);
        Assert.Equal(ExpectedQuery.Select(corpus.Index.All, "from=2022-01-01&to=2022-07-01").Count, date);
    }

    [Fact]
    public async Task AFilterThatMatchesNothingGivesAnEmptyPage()
    {
        var (response, page) = await _corpus.GetPageAsync<SummaryDto>("/api/articles?topic=no-such-topic&provider=nowhere.example&type=podcast");

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
        Assert.Equal(0, page.TotalPages);
        Assert.Empty(HttpHelpers.Links(response));
    }

    [Theory]
    [InlineData("/api/providers/microsoft.com/articles", "provider=microsoft.com", "type=video")]
    [InlineData("/api/providers/MICROSOFT.COM/articles", "provider=microsoft.com", "minQuality=100&q=portals")]
    [InlineData("/api/topics/portals/articles", "topic=portals", "q=portal&from=2021-01-01")]
    [InlineData("/api/topics/Model-driven%20apps/articles", "topic=model-driven-apps", "provider=microsoft.com&maxHeat=150")]
    public async Task ProviderAndTopicArticleListsTakeTheSameFilters(string path, string scope, string query)
    {
        var expected = ExpectedQuery.Select(corpus.Index.All, scope + "&" + query);

        var actual = await _corpus.GetAllAsync<SummaryDto>(path, query);

        Assert.NotEmpty(expected);
        Assert.Equal(Ids(expected), Ids(actual));
    }

    static List<string> Ids(IEnumerable<IndexedArticle> articles) => [.. articles.Select(a => a.Id).Order(StringComparer.Ordinal)];

    static List<string> Ids(IEnumerable<SummaryDto> articles) => [.. articles.Select(a => a.Id).Order(StringComparer.Ordinal)];
}
