using System.Net;

namespace NewsApi.Api.Tests;

/// <summary>
/// Bad input: every invalid parameter is a 400 problem naming it; unknown keys are 404 problems;
/// unknown and empty parameters are ignored; and no query string, however hostile, is a 500.
/// </summary>
public sealed class InvalidParameterTests(FixtureApiFactory fixture) : IClassFixture<FixtureApiFactory>
{
    readonly HttpClient _client = fixture.CreateClient();

    static readonly string TooLongQ = new('a', 201);

    public static readonly TheoryData<string, string> BadArticleQueries = new()
    {
        { "page=abc", "page" },
        { "pageSize=ten", "pageSize" },
        { "minQuality=1.5", "minQuality" },
        { "maxQuality=high", "maxQuality" },
        { "minHeat=0x10", "minHeat" },
        { "maxHeat=1e3", "maxHeat" },
        { "page=0", "page" },
        { "page=-1", "page" },
        { "pageSize=0", "pageSize" },
        { "pageSize=101", "pageSize" },
        { "pageSize=-20", "pageSize" },
        { "sort=newest", "sort" },
        { "sort=-relevance", "sort" },
        { "minQuality=10&maxQuality=5", "minQuality" },
        { "minHeat=5&maxHeat=-5", "minHeat" },
        { "from=2024-01-02&to=2024-01-01", "from" },
        { "from=2024-01-01T00:00:01Z&to=2024-01-01T00:00:00Z", "from" },
        { "from=2023-13-45", "from" },
        { "from=2023-02-30", "from" },
        { "to=yesterday", "to" },
        { "to=22/08/2023", "to" },
        { "from=2023-08-22T25:00:00Z", "from" },
        { "q=" + TooLongQ, "q" },
        { "page=99999999999999999999", "page" },
        { "pageSize=99999999999999999999", "pageSize" },
        { "minQuality=99999999999999999999", "minQuality" },
        { "maxHeat=-99999999999999999999", "maxHeat" },
        { "minHeat=2147483648", "minHeat" },
    };

    [Theory]
    [MemberData(nameof(BadArticleQueries))]
    public async Task AnInvalidArticleParameterIsA400NamingIt(string query, string parameter)
    {
        var problem = await _client.GetProblemAsync("/api/articles?" + query, HttpStatusCode.BadRequest);

        Assert.Equal([parameter], HttpHelpers.ErrorKeys(problem));
    }

    [Theory]
    [InlineData("/api/providers/contoso.com/articles?minQuality=9&maxQuality=1", "minQuality")]
    [InlineData("/api/topics/power-apps/articles?from=tomorrow", "from")]
    [InlineData("/api/articles/fx-hotel/related?page=0", "page")]
    [InlineData("/api/articles/fx-hotel/related?pageSize=101", "pageSize")]
    [InlineData("/api/providers?page=x", "page")]
    [InlineData("/api/providers?sort=title", "sort")]
    [InlineData("/api/topics?pageSize=1000", "pageSize")]
    [InlineData("/api/topics?sort=-name", "sort")]
    public async Task SubListsAndCatalogListsNameTheirInvalidParameters(string url, string parameter)
    {
        var problem = await _client.GetProblemAsync(url, HttpStatusCode.BadRequest);

        Assert.Equal([parameter], HttpHelpers.ErrorKeys(problem));
    }

    [Theory]
    [InlineData("/api/providers")]
    [InlineData("/api/topics")]
    public async Task CatalogQueryOver200CharactersIsA400(string path)
    {
        var problem = await _client.GetProblemAsync(path + "?q=" + TooLongQ, HttpStatusCode.BadRequest);

        Assert.Equal(["q"], HttpHelpers.ErrorKeys(problem));
    }

    [Fact]
    public async Task AQueryOfExactly200CharactersIsAccepted()
    {
        var count = await _client.CountAsync("/api/articles", "q=" + new string('a', 200));

        Assert.Equal(0, count);
    }

    [Theory]
    [InlineData("/api/articles")]
    [InlineData("/api/providers")]
    [InlineData("/api/topics")]
    public async Task TheQueryLimitCountsCharactersNotUtf16Units(string path)
    {
        // 200 characters outside the Basic Multilingual Plane: 400 UTF-16 code units, but 200 characters.
        var emoji = string.Concat(Enumerable.Repeat("%F0%9F%98%80", 200));

        var (_, page) = await _client.GetPageAsync<System.Text.Json.JsonElement>(path + "?q=" + emoji);
        var (_, unfiltered) = await _client.GetPageAsync<System.Text.Json.JsonElement>(path);

        // Emoji are not words, so an article search for them is ignored (SPEC: a q with no word);
        // no provider or topic name contains them.
        Assert.Equal(path == "/api/articles" ? unfiltered.TotalCount : 0, page.TotalCount);
    }

    [Fact]
    public async Task SeveralBadParametersAreAllNamed()
    {
        var problem = await _client.GetProblemAsync(
            "/api/articles?page=0&pageSize=500&sort=x&minQuality=a&maxHeat=b&from=bad&to=worse&q=" + TooLongQ,
            HttpStatusCode.BadRequest);

        Assert.Equal(["from", "maxHeat", "minQuality", "page", "pageSize", "q", "sort", "to"], HttpHelpers.ErrorKeys(problem));
    }

    [Fact]
    public async Task ReversedBoundsAndRangeTogetherNameEachMinimumAndFrom()
    {
        var problem = await _client.GetProblemAsync(
            "/api/articles?minQuality=9&maxQuality=1&minHeat=9&maxHeat=1&from=2024-02-01&to=2024-01-01",
            HttpStatusCode.BadRequest);

        Assert.Equal(["from", "minHeat", "minQuality"], HttpHelpers.ErrorKeys(problem));
    }

    [Fact]
    public async Task UnknownParametersAreIgnored()
    {
        var baseline = await _client.CountAsync("/api/articles", "");

        var count = await _client.CountAsync("/api/articles", "foo=bar&utm_source=feed&minquality2=9&expand=all");

        Assert.Equal(fixture.Index.Published.Count, baseline);
        Assert.Equal(baseline, count);
    }

    [Fact]
    public async Task EmptyParametersAreIgnored()
    {
        var (_, page) = await _client.GetPageAsync<SummaryDto>(
            "/api/articles?type=&category=&provider=&topic=&q=&from=&to=&minQuality=&maxQuality=&minHeat=&maxHeat=&sort=&page=&pageSize=");
        var (_, providers) = await _client.GetPageAsync<ProviderDto>("/api/providers?q=&sort=&page=&pageSize=");

        Assert.Equal(fixture.Index.Published.Count, page.TotalCount);
        Assert.Equal(1, page.Page);
        Assert.Equal(20, page.PageSize);
        Assert.Equal(fixture.Index.ProviderCounts().Count, providers.TotalCount);
    }

    [Theory]
    [InlineData("/api/articles/no-such-article")]
    [InlineData("/api/articles/no-such-article/related")]
    [InlineData("/api/articles/FX-ALPHA")]
    [InlineData("/api/providers/nowhere.example")]
    [InlineData("/api/providers/nowhere.example/articles")]
    [InlineData("/api/topics/no-such-topic")]
    [InlineData("/api/topics/no-such-topic/articles")]
    [InlineData("/api/topics/%21%21%21")]
    [InlineData("/api/articles/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/articles/..%2F..%2Fetc%2Fpasswd/related")]
    [InlineData("/api/providers/..%2F..%2Fetc%2Fpasswd")]
    public async Task AnUnknownKeyIsA404Problem(string url)
    {
        var problem = await _client.GetProblemAsync(url, HttpStatusCode.NotFound);

        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    // A NUL in the path is refused by the test host's client before it is sent (Kestrel answers 400 itself),
    // so paths carry other control bytes; NUL goes in query strings.
    public static readonly TheoryData<string> HostileUrls = new()
    {
        "/api/articles?q=%00%01%02%1F%7F",
        "/api/articles?q=%FF%FE",
        "/api/articles?q=%C0%AF%E0%80%80",
        "/api/articles?topic=%FF%FE&provider=%FF&type=%00&category=%FE",
        "/api/articles?from=%00&to=%FF",
        "/api/articles?sort=%00&page=%FF&pageSize=%00",
        "/api/articles?q=%22NEAR(a%20b)%22%20-c%3A*%20OR%20%5E",
        "/api/articles?q=%27%3B%20DROP%20TABLE%20Articles%3B--",
        "/api/articles?q=%25%25_%5C",
        "/api/articles?provider=%25&type=_&category=%25",
        "/api/articles?from=9999-12-31T23:59:59-14:00",
        "/api/articles?from=0001-01-01T00:00:00%2B14:00",
        "/api/articles?to=0001-01-01&from=0001-01-01",
        "/api/articles?minHeat=-2147483648&maxHeat=2147483647&minQuality=-2147483648&maxQuality=2147483647",
        "/api/articles?page=2147483647&pageSize=100",
        "/api/articles?page=%2B1&pageSize=%2020",
        "/api/articles?q=" + string.Join("%20", Enumerable.Range(0, 100).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)[..1])),
        "/api/articles?" + string.Join('&', Enumerable.Range(0, 1000).Select(i => "topic=t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        "/api/articles?topic=" + new string('x', 20000),
        "/api/articles?provider=" + new string('y', 20000) + "&type=" + new string('z', 20000),
        "/api/articles?sort=" + new string('-', 5000),
        "/api/articles?page=" + new string('9', 5000),
        "/api/articles?from=" + new string('2', 5000),
        "/api/articles/%01%1F",
        "/api/articles/%FF%FE",
        "/api/articles/%FF%FE/related?page=%FF",
        "/api/articles/" + new string('a', 5000),
        "/api/providers/%01/articles?q=%00",
        "/api/providers/%FF%FE",
        "/api/providers?q=%FF%FE%00&sort=%00",
        "/api/providers?q=%25",
        "/api/topics/%FF%FE/articles",
        "/api/topics/%01",
        "/api/topics/" + new string('b', 5000),
        "/api/topics?q=%00%FF&page=99999999999999999999",
    };

    [Theory]
    [MemberData(nameof(HostileUrls))]
    public async Task AHostileRequestIsNeverA500(string url)
    {
        var response = await _client.GetAsync(url);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"GET {url[..Math.Min(url.Length, 120)]} answered {(int)response.StatusCode}: {body}");
        if (!response.IsSuccessStatusCode)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
