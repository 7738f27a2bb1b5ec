using Microsoft.AspNetCore.WebUtilities;

namespace NewsApi.Api.Tests;

/// <summary>Paging arithmetic and the RFC 8288 <c>Link</c> header of SPEC section 3.</summary>
public sealed class PagingTests(CorpusApiFactory corpus, FixtureApiFactory fixture)
    : IClassFixture<CorpusApiFactory>, IClassFixture<FixtureApiFactory>
{
    readonly HttpClient _corpus = corpus.CreateClient();
    readonly HttpClient _fixture = fixture.CreateClient();

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(20)]
    [InlineData(43)]
    [InlineData(100)]
    public async Task TotalPagesIsTotalCountOverPageSizeRoundedUp(int pageSize)
    {
        var total = corpus.Index.Published.Count;

        var (_, page) = await _corpus.GetPageAsync<SummaryDto>($"/api/articles?pageSize={pageSize}");

        Assert.Equal(total, page.TotalCount);
        Assert.Equal(pageSize, page.PageSize);
        Assert.Equal((total + pageSize - 1) / pageSize, page.TotalPages);
        Assert.Equal(Math.Min(pageSize, total), page.Items.Count);
    }

    [Fact]
    public async Task LastPageHoldsTheRemainder()
    {
        var total = corpus.Index.Published.Count;
        var lastPage = (total + 6) / 7;

        var (_, page) = await _corpus.GetPageAsync<SummaryDto>($"/api/articles?pageSize=7&page={lastPage}");

        Assert.Equal(total - ((lastPage - 1) * 7), page.Items.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2147483647)]
    public async Task APagePastTheLastAnswers200WithNoItems(int pagesPast)
    {
        var total = corpus.Index.Published.Count;
        var totalPages = (total + 19) / 20;
        var pageNumber = (int)Math.Min((long)totalPages + pagesPast, int.MaxValue);

        var (response, page) = await _corpus.GetPageAsync<SummaryDto>($"/api/articles?page={pageNumber}");

        Assert.Empty(page.Items);
        Assert.Equal(pageNumber, page.Page);
        Assert.Equal(total, page.TotalCount);
        Assert.Equal(totalPages, page.TotalPages);
        var links = HttpHelpers.Links(response);
        Assert.Equal(["first", "last", "prev"], links.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, PageOf(links["first"]));
        Assert.Equal(totalPages, PageOf(links["last"]));
        Assert.Equal(pageNumber - 1, PageOf(links["prev"]));
    }

    [Theory]
    [InlineData("/api/providers")]
    [InlineData("/api/topics")]
    [InlineData("/api/articles/" + RepositoryPaths.SeedId + "/related")]
    [InlineData("/api/providers/microsoft.com/articles")]
    [InlineData("/api/topics/portals/articles")]
    public async Task EveryListAnswersAPagePastTheLastWithNoItems(string path)
    {
        var (_, first) = await _corpus.GetPageAsync<System.Text.Json.JsonElement>(path);

        var (_, past) = await _corpus.GetPageAsync<System.Text.Json.JsonElement>(path + "?page=" + (first.TotalPages + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotEmpty(first.Items);
        Assert.Empty(past.Items);
        Assert.Equal(first.TotalCount, past.TotalCount);
        Assert.Equal(first.TotalPages + 1, past.Page);
    }

    [Theory]
    [InlineData(1, new[] { "first", "last", "next" })]
    [InlineData(2, new[] { "first", "last", "next", "prev" })]
    [InlineData(3, new[] { "first", "last", "prev" })]
    public async Task LinkRelationsArePresentExactlyWhenSpecSays(int pageNumber, string[] rels)
    {
        // The fixture has 9 published articles: pages of 3 make 3 pages.
        var (response, page) = await _fixture.GetPageAsync<SummaryDto>($"/api/articles?pageSize=3&page={pageNumber}");

        var links = HttpHelpers.Links(response);
        Assert.Equal(3, page.TotalPages);
        Assert.Equal(rels, links.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, PageOf(links["first"]));
        Assert.Equal(3, PageOf(links["last"]));
        if (links.TryGetValue("prev", out var prev))
        {
            Assert.Equal(pageNumber - 1, PageOf(prev));
        }

        if (links.TryGetValue("next", out var next))
        {
            Assert.Equal(pageNumber + 1, PageOf(next));
        }
    }

    [Fact]
    public async Task ASinglePageHasOnlyFirstAndLast()
    {
        var (response, page) = await _fixture.GetPageAsync<SummaryDto>("/api/articles");

        var links = HttpHelpers.Links(response);
        Assert.Equal(1, page.TotalPages);
        Assert.Equal(["first", "last"], links.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, PageOf(links["last"]));
    }

    [Fact]
    public async Task NoResultsMeansNoPagesAndNoLinks()
    {
        var (response, page) = await _fixture.GetPageAsync<SummaryDto>("/api/articles?q=zzzzzz");

        Assert.Equal(0, page.TotalCount);
        Assert.Equal(0, page.TotalPages);
        Assert.Empty(page.Items);
        Assert.Empty(HttpHelpers.Links(response));
    }

    [Fact]
    public async Task EachLinkKeepsTheOtherParametersAndPointsToItsPage()
    {
        const string path = "/api/articles";
        const string query = "topic=Power%20Apps&topic=portals&type=article&sort=title&minQuality=75&pageSize=7&page=3";
        var all = await _corpus.GetAllAsync<SummaryDto>(path, "topic=Power%20Apps&topic=portals&type=article&sort=title&minQuality=75");
        var totalPages = (all.Count + 6) / 7;

        var (response, _) = await _corpus.GetPageAsync<SummaryDto>(path + "?" + query);

        var links = HttpHelpers.Links(response);
        Assert.True(totalPages > 4, $"{totalPages} pages: too few to have a distinct prev, next and last");
        var expectedPages = new Dictionary<string, int> { ["first"] = 1, ["prev"] = 2, ["next"] = 4, ["last"] = totalPages };
        Assert.Equal(expectedPages.Keys.Order(StringComparer.Ordinal), links.Keys.Order(StringComparer.Ordinal));
        foreach (var (rel, target) in links)
        {
            var uri = new Uri(new Uri("http://localhost"), target);
            Assert.Equal(path, uri.AbsolutePath);
            var parameters = QueryHelpers.ParseQuery(uri.Query);
            Assert.Equal(expectedPages[rel].ToString(System.Globalization.CultureInfo.InvariantCulture), parameters["page"].ToString());
            Assert.Equal("Power Apps,portals", parameters["topic"].ToString());
            Assert.Equal("article", parameters["type"].ToString());
            Assert.Equal("title", parameters["sort"].ToString());
            Assert.Equal("75", parameters["minQuality"].ToString());
            Assert.Equal("7", parameters["pageSize"].ToString());

            var (_, linked) = await _corpus.GetPageAsync<SummaryDto>(target);
            Assert.Equal(expectedPages[rel], linked.Page);
            Assert.Equal(all.Skip((expectedPages[rel] - 1) * 7).Take(7).Select(a => a.Id), linked.Items.Select(a => a.Id));
        }
    }

    [Fact]
    public async Task FollowingNextLinksWithPageSizeOneVisitsEveryArticleOnceInOrder()
    {
        var expected = CorpusIndex.Sorted(fixture.Index.Published, "title").Select(a => a.Id).ToList();
        var visited = new List<string>();

        string? url = "/api/articles?pageSize=1&sort=title";
        while (url is not null)
        {
            var (response, page) = await _fixture.GetPageAsync<SummaryDto>(url);
            Assert.Equal(expected.Count, page.TotalPages);
            visited.Add(Assert.Single(page.Items).Id);
            url = HttpHelpers.Links(response).GetValueOrDefault("next");
        }

        Assert.Equal(expected, visited);
    }

    [Fact]
    public async Task PageSizeOneWalkOverACorpusTopicEqualsTheFullOrder()
    {
        var expected = CorpusIndex.Sorted(ExpectedQuery.Select(corpus.Index.All, "topic=portals"), "-heat").Select(a => a.Id).ToList();
        var visited = new List<string>();

        for (var page = 1; page <= expected.Count; page++)
        {
            var (_, body) = await _corpus.GetPageAsync<SummaryDto>($"/api/topics/portals/articles?sort=-heat&pageSize=1&page={page}");
            Assert.Equal(expected.Count, body.TotalPages);
            visited.Add(Assert.Single(body.Items).Id);
        }

        Assert.Equal(expected, visited);
    }

    [Fact]
    public async Task ProviderAndTopicListsArePagedWithLinksToo()
    {
        var (providersResponse, providers) = await _corpus.GetPageAsync<ProviderDto>("/api/providers?pageSize=5&page=2&sort=name");
        var (topicsResponse, topics) = await _corpus.GetPageAsync<TopicDto>("/api/topics?pageSize=2");

        var providerCount = corpus.Index.ProviderCounts().Count;
        Assert.Equal(providerCount, providers.TotalCount);
        Assert.Equal((providerCount + 4) / 5, providers.TotalPages);
        Assert.Equal(5, providers.Items.Count);
        var providerLinks = HttpHelpers.Links(providersResponse);
        Assert.Equal(["first", "last", "next", "prev"], providerLinks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("name", QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), providerLinks["next"]).Query)["sort"].ToString());
        Assert.Equal(3, PageOf(providerLinks["next"]));
        var topicCount = corpus.Index.TopicCounts().Count;
        Assert.Equal(topicCount, topics.TotalCount);
        Assert.Equal((topicCount + 1) / 2, topics.TotalPages);
        Assert.Equal(["first", "last", "next"], HttpHelpers.Links(topicsResponse).Keys.Order(StringComparer.Ordinal));
    }

    static int PageOf(string link) =>
        int.Parse(QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), link).Query)["page"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
}
