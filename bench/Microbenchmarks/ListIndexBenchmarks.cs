using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Articles;
using NewsApi.Api.Articles.Index;
using NewsApi.Api.Common;
using NewsApi.Domain;
using NewsApi.Domain.Data;

namespace NewsApi.Microbenchmarks;

/// <summary>
/// The list index's share of a filtered article list: <see cref="ArticleListIndex.Find"/> (the
/// filters over every row, the total, the page's rows), over the database named by
/// <c>NEWSAPI_BENCH_DB</c> (one that <c>bench/api.sh</c> or the smoke built). Its filter values are
/// read from that database (its most common type and topics, a word of a title), so every shape
/// matches rows at any size. Building the index takes ~1 min at 1,000,000 articles, once per shape.
/// </summary>
[MemoryDiagnoser]
public class ListIndexBenchmarks
{
    public const string DatabaseVariable = "NEWSAPI_BENCH_DB";

    ArticleListIndex _index = null!;
    ArticleQuery _query = null!;
    List<ulong[]> _words = null!;

    public static IEnumerable<string> Shapes => ["quality", "type+heat+dates", "topics+sort", "q+quality"];

    [ParamsSource(nameof(Shapes))]
    public string Shape { get; set; } = "quality";

    [GlobalSetup]
    public void Setup()
    {
        _index = OpenIndex((db, wordRows) =>
        {
            _query = Checks.Parsed(Shape, Parameters(db, Shape));
            _words = wordRows(_query);
        });
        var (total, rows) = Find();
        if (total == 0 || rows.Count == 0)
        {
            throw new InvalidOperationException($"{Shape}: the index found no rows ({total} in total), so the benchmark would time an empty answer");
        }
    }

    /// <summary>
    /// The list index of the benchmark database; <paramref name="prepare"/> runs in the read snapshot
    /// it was built in, with the database and a query's word rows (<see cref="ArticleListIndex.RowsMatching"/>).
    /// </summary>
    public static ArticleListIndex OpenIndex(Action<NewsDbContext, Func<ArticleQuery, List<ulong[]>>> prepare)
    {
        using var db = new NewsDbContext(DataServiceCollectionExtensions.CreateOptions($"Data Source={DatabasePath()}"));
        var snapshot = ReadSnapshot.BeginAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        try
        {
            var index = ArticleListIndexBuilder.BuildAsync(db, ArticleListIndexes.DefaultListedKeyShare, CancellationToken.None).GetAwaiter().GetResult();
            prepare(db, query => query.Words.Select(w => index.RowsMatching(w, word => ArticleSearch.MatchingKeys(db, [word]).ToList())).ToList());
            return index;
        }
        finally
        {
            snapshot.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The database the list benchmarks read: <c>NEWSAPI_BENCH_DB</c>, which must exist.</summary>
    public static string DatabasePath()
    {
        var path = Environment.GetEnvironmentVariable(DatabaseVariable);
        return !string.IsNullOrEmpty(path) && File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{DatabaseVariable} must name a database built by bench/api.sh or bench/smoke.sh (got '{path}')");
    }

    [Benchmark]
    public (int Total, List<int> Rows) Find() => _index.Find(ArticleScope.All, _query, _words);

    static ArticleQueryParameters Parameters(NewsDbContext db, string shape)
    {
        var type = Most(db, "SELECT \"Type\" AS \"Value\" FROM \"Articles\" WHERE \"Published\" AND \"Type\" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
        var topics = Most(db, "SELECT group_concat(\"TopicSlug\") AS \"Value\" FROM (SELECT \"TopicSlug\" FROM \"ArticleTopics\" GROUP BY 1 ORDER BY count(*) DESC LIMIT 2)").Split(',');
        var word = Most(db, "SELECT \"Title\" AS \"Value\" FROM \"Articles\" WHERE \"Published\" AND \"Quality\" >= 20 ORDER BY rowid LIMIT 1").Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return shape switch
        {
            "quality" => new("2", "20", "50", "150", null, null, null, null, null, null, null, null, null, null),
            "type+heat+dates" => new("1", "20", null, null, "100", null, null, null, type, null, "2018-01-01", "2021-12-31", null, null),
            "topics+sort" => new("3", "20", null, null, null, null, topics, null, null, null, null, null, null, "-quality"),
            "q+quality" => new("1", "20", "20", null, null, null, null, null, null, null, null, null, word, null),
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "unknown shape"),
        };
    }

    static string Most(NewsDbContext db, string sql) =>
        db.Database.SqlQueryRaw<string>(sql).AsEnumerable().FirstOrDefault() ?? throw new InvalidOperationException($"no value from: {sql}");
}
