using BenchmarkDotNet.Attributes;
using NewsApi.Api.Articles;
using NewsApi.Api.Articles.Index;
using NewsApi.Api.Common;

namespace NewsApi.Microbenchmarks;

/// <summary>
/// <see cref="ArticleListIndex.Find"/> over queries drawn as bench/wrk/shapes.lua draws
/// <c>list-q</c> (one or two of its words, a minimum quality a third of the time, any sort, pages
/// 1-3): the index's share of that shape, per query. <see cref="Part"/> draws only one kind of
/// query, to see which costs what. Reads <c>NEWSAPI_BENCH_DB</c>.
/// </summary>
[MemoryDiagnoser]
public class ListIndexMixBenchmarks
{
    const int Queries = 100;

    static readonly string[] Words =
    [
        "ai", "cloud", "secur", "security", "data", "python", "rust", "azure", "kubernetes", "guide", "announces", "preview",
        "roadmap", "partnership", "tools", "available", "report", "building", "mistakes", "ways", "learning", "open", "source",
        "devops", "quantum", "comp", "dock", "linux", "windows", "mobile", "api", "startups", "gaming", "new", "the", "inside",
    ];

    static readonly string?[] Sorts = ["-publishedDateTime", "publishedDateTime", "-quality", "quality", "-heat", "heat", "title", "-title", null];

    ArticleListIndex _index = null!;
    readonly List<(ArticleQuery Query, List<ulong[]> Words)> _queries = [];

    /// <summary>all; or quality (those with a minimum quality), or w1/w2 (one or two words) -default/-sorted (the default sort or another).</summary>
    [Params("all", "quality", "w1-default", "w1-sorted", "w2-default", "w2-sorted")]
    public string Part { get; set; } = "all";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _index = ListIndexBenchmarks.OpenIndex((_, wordRows) =>
        {
            while (_queries.Count < Queries)
            {
                var q = Words[random.Next(Words.Length)] + (random.Next(2) == 0 ? " " + Words[random.Next(Words.Length)] : "");
                var minQuality = random.Next(3) == 0 ? random.Next(0, 151).ToString() : null;
                var parameters = new ArticleQueryParameters(
                    random.Next(1, 4).ToString(), null, minQuality, null, null, null, null, null, null, null, null, null, q, Sorts[random.Next(Sorts.Length)]);
                var query = Checks.Parsed("list-q mix", parameters);
                if (Part == "all" || Part == KindOf(query))
                {
                    _queries.Add((query, wordRows(query)));
                }
            }
        });
    }

    static string KindOf(ArticleQuery query) =>
        query.MinQuality is not null ? "quality" : $"w{query.Words.Count}-{(query.Sort == ArticleQuery.Sorts[0] ? "default" : "sorted")}";

    /// <summary>One query of the part, on average (the rows found are summed, so that none is optimized away).</summary>
    [Benchmark(OperationsPerInvoke = Queries)]
    public int Find()
    {
        var rows = 0;
        foreach (var (query, words) in _queries)
        {
            rows += _index.Find(ArticleScope.All, query, words).Rows.Count;
        }

        return rows;
    }
}
