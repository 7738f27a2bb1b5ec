using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsApi.Api.Articles;
using NewsApi.Api.Common;
using NewsApi.Api.Extensions;
using NewsApi.Domain.Data;

namespace NewsApi.Microbenchmarks;

/// <summary>
/// What an article list page costs after the list index has chosen its rows, over the database named
/// by <c>NEWSAPI_BENCH_DB</c>: the read snapshot (a pooled connection opened, BEGIN, ROLLBACK,
/// closed), the page's 20 rows read by search key (random keys, a new set each call; their topic
/// names come from the list index, as in the API), and the page written as JSON with the API's
/// own serializer options. The parts are timed apart so that each one's share is known.
/// </summary>
[MemoryDiagnoser]
public class ListPageBenchmarks : IDisposable
{
    const int PageSize = 20;

    ServiceProvider _services = null!;
    IServiceScope _scope = null!;
    NewsDbContext _db = null!;
    JsonSerializerOptions _json = null!;
    long[] _keys = null!;
    PagedList<ArticleSummary> _page = null!;
    Random _random = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = ListIndexBenchmarks.DatabasePath();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:News"] = $"Data Source={path}" }).Build())
            .AddNewsApi()
            .BuildServiceProvider();
        _json = _services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        _scope = _services.CreateScope();
        _db = _scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        _random = new Random(42);
        var snapshot = ReadSnapshot.BeginAsync(_db, CancellationToken.None).GetAwaiter().GetResult();
        _keys = [.. ArticleSearch.PublishedKeys<long>(_db, null, ArticleQuery.SortColumns(ArticleQuery.Sorts[0])).Select(k => k.Key)];
        snapshot.DisposeAsync().AsTask().GetAwaiter().GetResult();
        var rows = ReadRowsAsync().GetAwaiter().GetResult();
        _page = new PagedList<ArticleSummary>(rows, 1, PageSize, _keys.Length);
        if (rows.Count != PageSize || WriteJson() < PageSize * 100)
        {
            throw new InvalidOperationException($"a page read {rows.Count} rows of {PageSize}, or wrote too little JSON");
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _scope?.Dispose();
        _services?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The snapshot alone: what every API read pays before its first query.</summary>
    [Benchmark]
    public async Task Snapshot()
    {
        await using var snapshot = await ReadSnapshot.BeginAsync(_db, CancellationToken.None);
    }

    /// <summary>A snapshot and a page's rows in it, as the list endpoint reads them.</summary>
    [Benchmark]
    public async Task<int> SnapshotAndRows() => (await ReadRowsAsync()).Count;

    /// <summary>A page of 20 summaries written as the API writes its responses.</summary>
    [Benchmark]
    public int WriteJson() => JsonSerializer.SerializeToUtf8Bytes(_page, _json).Length;

    async Task<List<ArticleSummary>> ReadRowsAsync()
    {
        var keys = new HashSet<long>();
        while (keys.Count < Math.Min(PageSize, _keys.Length))
        {
            keys.Add(_keys[_random.Next(_keys.Length)]);
        }

        await using var snapshot = await ReadSnapshot.BeginAsync(_db, CancellationToken.None);
        var rows = await ArticleSearch.ListRowsByKeysAsync(_db, [.. keys], withTopics: false, CancellationToken.None);
        return [.. keys.Select(k => ArticleProjections.ToSummary(rows[k]))];
    }
}
