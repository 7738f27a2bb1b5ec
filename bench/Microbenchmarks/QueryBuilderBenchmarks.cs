using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Articles;
using NewsApi.Api.Common;
using NewsApi.Domain;
using NewsApi.Domain.Data;

namespace NewsApi.Microbenchmarks;

/// <summary>
/// What the article list does per request before SQLite sees it: validate the query string into an
/// <see cref="ArticleQuery"/>, then build (and let EF Core translate) the filtered, ordered LINQ query.
/// ToQueryString runs EF's whole pipeline (query cache lookup included) but opens no database.
/// </summary>
[MemoryDiagnoser]
public class QueryBuilderBenchmarks : IDisposable
{
    NewsDbContext _db = null!;
    ArticleQueryParameters _parameters = null!;
    ArticleQuery _query = null!;

    public static IEnumerable<string> Shapes => QueryShapes.Names;

    [ParamsSource(nameof(Shapes))]
    public string Shape { get; set; } = QueryShapes.Names[0];

    [GlobalSetup]
    public void Setup()
    {
        _db = new NewsDbContext(DataServiceCollectionExtensions.CreateOptions("Data Source=:memory:"));
        _parameters = QueryShapes.Get(Shape);
        _query = Checks.Parsed(Shape, _parameters);
        Checks.Translated(Shape, BuildSql());
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _db?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Query string → validated query (every value is a string until here).</summary>
    [Benchmark]
    public ArticleQuery Parse() => ArticleQuery.Parse(_parameters, new QueryErrors());

    /// <summary>Validated query → SQL text of the filtered, ordered page query (Skip/Take; the API's row projection is internal).</summary>
    [Benchmark]
    public string BuildSql() => Sql(_query);

    /// <summary>Both, as a request does (the count query it also builds is not included).</summary>
    [Benchmark]
    public string ParseAndBuildSql() => Sql(ArticleQuery.Parse(_parameters, new QueryErrors()));

    string Sql(ArticleQuery query) =>
        query.Order(query.Filter(_db.Articles.AsNoTracking(), _db))
            .Skip((int)query.Paging.Offset).Take(query.Paging.PageSize)
            .ToQueryString();
}

/// <summary>Representative query strings of the article list, as bound from the URL.</summary>
static class QueryShapes
{
    public static readonly string[] Names = ["default", "filters", "topics+q"];

    public static ArticleQueryParameters Get(string name) => name switch
    {
        "default" => new(null, null, null, null, null, null, null, null, null, null, null, null, null, null),
        "filters" => new("37", "20", "40", "180", "10", null, null, "microsoft.com", "Article", null, "2018-01-01", "2023-06-30T12:00:00Z", null, "-quality"),
        "topics+q" => new("2", "50", null, null, null, null, ["AI", "Machine Learning", ".NET"], null, null, "news", null, null, "cloud secur", "title"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown shape"),
    };
}
