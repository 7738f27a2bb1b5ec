using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Api.Articles.Index;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Tests;

/// <summary>
/// The list index answers exactly as SQL does: for many generated queries (filters, sorts, pages
/// deep and past the end, words) on the corpus and on the fixture content, the same database
/// served with the index and without it gives the same status, totals and ids in the same order.
/// </summary>
public sealed class ListIndexParityTests(CorpusApiFactory corpus, FixtureApiFactory fixture)
    : IClassFixture<CorpusApiFactory>, IClassFixture<FixtureApiFactory>
{
    [Fact]
    public async Task TheCorpusListsTheSameWithAndWithoutTheIndex() => await CompareAsync(corpus, seed: 1, count: 500);

    [Fact]
    public async Task TheFixtureListsTheSameWithAndWithoutTheIndex() => await CompareAsync(fixture, seed: 2, count: 300);

    static async Task CompareAsync(NewsApiFactory factory, int seed, int count)
    {
        using var indexed = factory.CreateClient();
        using var sqlOnly = factory.WithWebHostBuilder(b => b.UseSetting("NewsApi:ListIndex:Enabled", "false"));
        using var queried = sqlOnly.CreateClient();
        await AssertIndexIsCurrentAsync(factory);
        Assert.False(sqlOnly.Services.GetRequiredService<ArticleListIndexes>().Enabled);

        var urls = new ListQueries(factory.Index, seed).Take(count).ToList();
        var mismatches = new List<string>();
        var withItems = 0;
        foreach (var url in urls)
        {
            var a = await ReadAsync(indexed, url);
            var b = await ReadAsync(queried, url);
            if (a != b)
            {
                mismatches.Add($"{url}\n  index: {a}\n  sql:   {b}");
            }

            withItems += a.Contains("ids=[]", StringComparison.Ordinal) || !a.StartsWith("total=", StringComparison.Ordinal) ? 0 : 1;
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {urls.Count} differ:\n" + string.Join('\n', mismatches.Take(10)));
        Assert.True(withItems > urls.Count / 4, $"only {withItems} of {urls.Count} queries had items");
        Assert.Contains(urls, u => u.Contains("q=", StringComparison.Ordinal));
        await AssertIndexIsCurrentAsync(factory);
    }

    /// <summary>The index was read at the database's version, so every list above was answered from it.</summary>
    internal static async Task AssertIndexIsCurrentAsync(WebApplicationFactory<Program> factory)
    {
        var indexes = factory.Services.GetRequiredService<ArticleListIndexes>();
        using var scope = factory.Services.CreateScope();
        var version = await ContentVersions.CurrentAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>(), default);
        Assert.True(indexes.Enabled);
        Assert.Equal(version, indexes.Current?.Version);
    }

    /// <summary>What must agree: status, totals, page and the ids in order, each with its topic names in order.</summary>
    internal static async Task<string> ReadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        var items = root.GetProperty("items").EnumerateArray().ToList();
        var ids = string.Join(',', items.Select(i => i.GetProperty("id").GetString()));
        var topics = string.Join(';', items.Select(i => string.Join('|', i.GetProperty("topics").EnumerateArray().Select(t => t.GetString()))));
        return $"total={root.GetProperty("totalCount")} pages={root.GetProperty("totalPages")} page={root.GetProperty("page")} ids=[{ids}] topics=[{topics}]";
    }
}

/// <summary>Random article-list URLs drawn from what a content root holds, plus values that match nothing.</summary>
sealed class ListQueries(CorpusIndex index, int seed) : IEnumerable<string>
{
    static readonly string[] Sorts = ["-publishedDateTime", "publishedDateTime", "-quality", "quality", "-heat", "heat", "title", "-title"];

    public IEnumerator<string> GetEnumerator()
    {
        var random = new Random(seed);
        var published = index.Published;
        var providers = published.Select(a => a.Provider?.Key).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var topics = published.SelectMany(a => a.TopicSlugs).Distinct().Order(StringComparer.Ordinal).ToList();
        var types = published.Select(a => a.Type).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var categories = published.Select(a => a.Category).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var qualities = published.Select(a => a.Quality).OfType<int>().ToList();
        var heats = published.Select(a => a.Heat).OfType<int>().ToList();
        var dates = published.Select(a => a.PublishedDateTime).OfType<DateTime>().ToList();
        var words = published.SelectMany(a => a.Words).Distinct().Order(StringComparer.Ordinal).ToList();
        T Pick<T>(List<T> list) => list[random.Next(list.Count)];
        bool Chance(double p) => random.NextDouble() < p;
        string Number(List<int> values) => values.Count == 0 || Chance(0.1) ? random.Next(-5, 300).ToString(CultureInfo.InvariantCulture) : Pick(values).ToString(CultureInfo.InvariantCulture);
        string Date() => dates.Count == 0 || Chance(0.1) ? "2020-06-15"
            : Chance(0.5) ? Pick(dates).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Pick(dates).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        string Word()
        {
            var word = Pick(words);
            return Chance(0.3) && word.Length > 2 ? word[..random.Next(1, word.Length)] : word;
        }

        while (true)
        {
            var path = random.Next(10) switch
            {
                < 7 => "/api/articles",
                < 9 when topics.Count > 0 => $"/api/topics/{Uri.EscapeDataString(Pick(topics))}/articles",
                _ when providers.Count > 0 => $"/api/providers/{Uri.EscapeDataString(Pick(providers))}/articles",
                _ => "/api/articles",
            };
            var query = new List<string>();
            void Add(string name, string value) => query.Add(name + "=" + Uri.EscapeDataString(value));
            var filters = random.Next(0, 4);
            for (var i = 0; i < filters; i++)
            {
                switch (random.Next(10))
                {
                    case 0:
                        Add("minQuality", Number(qualities));
                        if (Chance(0.5)) { Add("maxQuality", Number(qualities)); }
                        break;
                    case 1:
                        Add(Chance(0.5) ? "minHeat" : "maxHeat", Number(heats));
                        break;
                    case 2 when topics.Count > 0:
                        Add("topic", Chance(0.1) ? "no-such-topic" : Pick(topics));
                        if (Chance(0.3)) { Add("topic", Pick(topics).Replace('-', ' ').ToUpperInvariant()); }
                        break;
                    case 3 when providers.Count > 0:
                        Add("provider", Chance(0.1) ? "no-such.example" : Pick(providers).ToUpperInvariant());
                        break;
                    case 4 when types.Count > 0:
                        Add("type", Chance(0.5) ? Pick(types).ToUpperInvariant() : Pick(types));
                        break;
                    case 5 when categories.Count > 0:
                        Add("category", Pick(categories));
                        break;
                    case 6:
                        Add("from", Date());
                        break;
                    case 7:
                        Add("to", Date());
                        break;
                    case 8 or 9 when words.Count > 0:
                        Add("q", Chance(0.3) ? Word() + " " + Word() : Word());
                        break;
                }
            }

            if (Chance(0.8))
            {
                Add("sort", Pick([.. Sorts]));
            }

            var pageSize = random.Next(4) switch { 0 => 1, 1 => random.Next(1, 101), 2 => 100, _ => 20 };
            Add("pageSize", pageSize.ToString(CultureInfo.InvariantCulture));
            var page = random.Next(10) switch { < 5 => 1, < 7 => random.Next(2, 5), < 9 => random.Next(1, 60), _ => 1_000_000 };
            Add("page", page.ToString(CultureInfo.InvariantCulture));
            yield return path + "?" + string.Join('&', query);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
