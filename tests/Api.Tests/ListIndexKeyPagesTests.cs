using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Api.Articles.Index;
using NewsApi.Tests.Shared;

namespace NewsApi.Api.Tests;

/// <summary>
/// A provider's and a topic's article lists answer from the list index's rows per key (listed or
/// walked, see <c>KeyRows</c>) exactly as SQL does on the same database: under every sort, on the
/// first, a middle, the last and a past-the-end page, with extra filters, and for keys that have no
/// published article; with the index's threshold at its default, at 0 (every key walked) and at 1
/// (every key listed). The generated corpus has ~4,750 published articles, so walked keys span
/// several of the index's 1,024-row blocks.
/// </summary>
public sealed class ListIndexKeyPagesTests(GeneratedApiFactory generated) : IClassFixture<GeneratedApiFactory>
{
    static readonly string[] ClusteringSorts = ["title", "-title", "publishedDateTime", "-heat"];
    static readonly string[] Sorts = ["", "-publishedDateTime", "publishedDateTime", "-quality", "quality", "-heat", "heat", "title", "-title"];

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("1")]
    public Task KeyPagesEqualSqlInEverySort(string? listedShare) =>
        CompareWithSqlAsync(listedShare, KeyUrls(new Random(7)).ToList(), index =>
        {
            Assert.Equal(listedShare switch { "0" => 0, "1" => index.Keys, _ => index.ListedKeys }, index.ListedKeys);
            Assert.InRange(index.ListedKeys, listedShare == "0" ? 0 : 1, listedShare == "1" ? index.Keys : index.Keys - 1);
        });

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("1")]
    public Task RandomListsEqualSqlWhateverTheKeysForm(string? listedShare) =>
        CompareWithSqlAsync(listedShare, new ListQueries(generated.Index, seed: 8).Take(300).ToList());

    // A title's first word matches articles that sit together in a title sort, far from where their
    // share of all rows puts them: a walk along the sort from that share gives up for the sort's blocks.
    [Fact]
    public Task WordsWhoseArticlesClusterInASortPageAsSqlDoes()
    {
        var words = generated.Index.Published
            .Select(a => ReferenceWords.Of(a.Title).FirstOrDefault())
            .Where(w => w is { Length: > 2 })
            .GroupBy(w => w!)
            .Where(g => g.Count() is >= 3 and <= 150)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .Where((_, i) => i % 3 == 0)
            .Take(12)
            .ToList();
        Assert.True(words.Count >= 6, $"only {words.Count} title words");
        var urls = from word in words
                   from sort in ClusteringSorts
                   from size in (int[])[1, 4, 10, 25]
                   from page in Enumerable.Range(1, 3)
                   select Url("/api", sort, size, page, "&q=" + Uri.EscapeDataString(word));
        return CompareWithSqlAsync(null, urls.ToList());
    }

    /// <summary>Asks both the indexed API (with <paramref name="listedShare"/>, if given) and an SQL-only one for every URL.</summary>
    async Task CompareWithSqlAsync(string? listedShare, List<string> urls, Action<ArticleListIndex>? checkIndex = null)
    {
        using var factory = listedShare is null ? null : generated.WithWebHostBuilder(b => b.UseSetting("NewsApi:ListIndex:ListedKeyShare", listedShare));
        var indexed = (WebApplicationFactory<Program>?)factory ?? generated;
        using var sqlOnly = generated.WithWebHostBuilder(b => b.UseSetting("NewsApi:ListIndex:Enabled", "false"));
        using var indexedClient = indexed.CreateClient();
        using var sqlClient = sqlOnly.CreateClient();
        var index = await CurrentIndexAsync(indexed);
        checkIndex?.Invoke(index);

        var mismatches = new List<string>();
        foreach (var url in urls)
        {
            var a = await ListIndexParityTests.ReadAsync(indexedClient, url);
            var b = await ListIndexParityTests.ReadAsync(sqlClient, url);
            if (a != b)
            {
                mismatches.Add($"{url}\n  index: {a}\n  sql:   {b}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {urls.Count} differ:\n" + string.Join('\n', mismatches.Take(10)));
        Assert.Equal(index, await CurrentIndexAsync(indexed));
    }

    static async Task<ArticleListIndex> CurrentIndexAsync(WebApplicationFactory<Program> factory)
    {
        var indexes = factory.Services.GetRequiredService<ArticleListIndexes>();
        await indexes.RefreshAsync();
        await ListIndexParityTests.AssertIndexIsCurrentAsync(factory);
        return indexes.Current!;
    }

    // Every topic and a spread of providers (the largest, the smallest and between), each under
    // every sort; page sizes 1..100; plus keys without published articles.
    IEnumerable<string> KeyUrls(Random random)
    {
        var published = generated.Index.Published;
        var providers = published.GroupBy(a => a.Provider?.Key).Where(g => g.Key is not null)
            .Select(g => (Path: "/api/providers/" + Uri.EscapeDataString(g.Key!), Count: g.Count()))
            .OrderBy(p => p.Count).ThenBy(p => p.Path, StringComparer.Ordinal).ToList();
        var topics = published.SelectMany(a => a.TopicSlugs).GroupBy(s => s)
            .Select(g => (Path: "/api/topics/" + Uri.EscapeDataString(g.Key), Count: g.Count()));
        var keys = topics.Concat(providers.Where((_, i) => i % Math.Max(1, providers.Count / 40) == 0 || i == providers.Count - 1)).ToList();
        Assert.Contains(keys, k => k.Count <= 3);
        Assert.True(published.Count > 4 * KeyRows.BlockRows, $"{published.Count} published articles fill under five blocks");

        foreach (var (path, count) in keys)
        {
            foreach (var sort in Sorts)
            {
                var size = random.Next(4) switch { 0 => 1, 1 => 7, 2 => 100, _ => random.Next(1, 101) };
                var last = Math.Max(1, (count + size - 1) / size);
                foreach (var page in new[] { 1, random.Next(1, last + 1), last, last + 1 }.Distinct())
                {
                    yield return Url(path, sort, size, page, "");
                }

                var filter = random.Next(4) switch
                {
                    0 => "&minQuality=" + random.Next(0, 150).ToString(CultureInfo.InvariantCulture),
                    1 => "&from=2020-01-01&to=2023-06-30",
                    2 => "&q=" + Uri.EscapeDataString(random.Next(2) == 0 ? "data" : "cl"),
                    _ => "&type=news",
                };
                yield return Url(path, sort, size, random.Next(1, 4), filter);
            }
        }

        foreach (var path in new[] { "/api/providers/no-such.example", "/api/topics/no-such-topic" })
        {
            yield return Url(path, "", 20, 1, "");
            yield return Url(path, "title", 20, 1, "&minQuality=5");
        }
    }

    static string Url(string path, string sort, int size, int page, string filter) =>
        FormattableString.Invariant($"{path}/articles?pageSize={size}&page={page}{(sort.Length == 0 ? "" : "&sort=" + Uri.EscapeDataString(sort))}{filter}");
}
