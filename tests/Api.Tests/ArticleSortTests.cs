namespace NewsApi.Api.Tests;

/// <summary>
/// Every sort in both directions: the full order over all pages equals the one the test computes
/// (ties by id ascending, missing values last in both directions, titles case-insensitive).
/// </summary>
public sealed class ArticleSortTests(CorpusApiFactory corpus, FixtureApiFactory fixture)
    : IClassFixture<CorpusApiFactory>, IClassFixture<FixtureApiFactory>
{
    readonly HttpClient _corpus = corpus.CreateClient();
    readonly HttpClient _fixture = fixture.CreateClient();

    public static readonly TheoryData<string> Sorts =
        ["-publishedDateTime", "publishedDateTime", "-quality", "quality", "-heat", "heat", "title", "-title"];

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task CorpusOrderOverAllPagesIsTheSpecifiedOrder(string sort)
    {
        var expected = CorpusIndex.Sorted(corpus.Index.Published, sort).Select(a => a.Id).ToList();

        var actual = await _corpus.GetAllAsync<SummaryDto>("/api/articles", "sort=" + sort);

        Assert.Equal(expected, actual.Select(a => a.Id));
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task FixtureOrderPutsMissingValuesLastAndBreaksTiesById(string sort)
    {
        var expected = CorpusIndex.Sorted(fixture.Index.Published, sort).Select(a => a.Id).ToList();

        var actual = await _fixture.GetAllAsync<SummaryDto>("/api/articles", "sort=" + sort);

        Assert.Equal(expected, actual.Select(a => a.Id));
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task SortAppliesWithinFiltersAndProviderLists(string sort)
    {
        var filtered = CorpusIndex.Sorted(ExpectedQuery.Select(corpus.Index.All, "topic=portals"), sort).Select(a => a.Id).ToList();
        var provider = CorpusIndex.Sorted(ExpectedQuery.Select(corpus.Index.All, "provider=microsoft.com&type=video"), sort).Select(a => a.Id).ToList();

        var actualFiltered = await _corpus.GetAllAsync<SummaryDto>("/api/articles", "topic=portals&sort=" + sort);
        var actualProvider = await _corpus.GetAllAsync<SummaryDto>("/api/providers/microsoft.com/articles", "type=video&sort=" + sort);

        Assert.Equal(filtered, actualFiltered.Select(a => a.Id));
        Assert.Equal(provider, actualProvider.Select(a => a.Id));
    }

    [Fact]
    public async Task DefaultSortIsNewestFirst()
    {
        var expected = await _corpus.GetAllAsync<SummaryDto>("/api/articles", "sort=-publishedDateTime");

        var actual = await _corpus.GetAllAsync<SummaryDto>("/api/articles");

        Assert.Equal(expected.Select(a => a.Id), actual.Select(a => a.Id));
        Assert.True(actual[0].PublishedDateTime >= actual[^1].PublishedDateTime);
    }

    [Fact]
    public async Task FixtureSortsHaveTiesAndMissingValuesToCheck()
    {
        var byTitle = await _fixture.GetAllAsync<SummaryDto>("/api/articles", "sort=-title");
        var byQuality = await _fixture.GetAllAsync<SummaryDto>("/api/articles", "sort=-quality");
        var byDate = await _fixture.GetAllAsync<SummaryDto>("/api/articles", "sort=publishedDateTime");

        Assert.Equal(["fx-hotel", "fx-kilo"], byTitle.Where(a => a.Title.StartsWith("H", StringComparison.OrdinalIgnoreCase)).Select(a => a.Id));
        Assert.Equal(["fx-charlie", "fx-delta", "fx-lima"], byQuality.TakeLast(3).Select(a => a.Id));
        Assert.Equal(["fx-delta", "fx-lima"], byDate.TakeLast(2).Select(a => a.Id));
    }
}
