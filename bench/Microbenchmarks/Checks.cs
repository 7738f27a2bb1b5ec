using NewsApi.Api.Articles;
using NewsApi.Api.Common;
using NewsApi.Ingest.FrontMatter;

namespace NewsApi.Microbenchmarks;

/// <summary>
/// Correctness of the benchmarks' inputs, asserted before anything is timed, so that a benchmark
/// never measures a fast rejection: CI's tiny run fails here if the parser or the builders break.
/// </summary>
static class Checks
{
    public static void Run()
    {
        Parsed(Articles.Seed, FrontMatterParser.Parse(Articles.Read(Articles.Seed)));
        Parsed(Articles.GeneratedRelated, FrontMatterParser.Parse(Articles.Read(Articles.GeneratedRelated)));
        Parsed(Articles.SeedBlockScalar, FrontMatterParser.Parse(Articles.Read(Articles.SeedBlockScalar)));
        foreach (var shape in QueryShapes.Names)
        {
            Parsed(shape, QueryShapes.Get(shape));
        }
    }

    public static void Parsed(string name, FrontMatterResult result)
    {
        if (result.Error is { } error || result.Document is not { } document)
        {
            throw new InvalidOperationException($"{name}: rejected by the parser: {result.Error}");
        }

        if (string.IsNullOrEmpty(document.Title) || document.Related.Count == 0)
        {
            throw new InvalidOperationException($"{name}: parsed without a title or related links");
        }
    }

    public static ArticleQuery Parsed(string name, ArticleQueryParameters parameters)
    {
        var errors = new QueryErrors();
        var query = ArticleQuery.Parse(parameters, errors);
        return errors.Any
            ? throw new InvalidOperationException($"{name}: invalid query: {string.Join("; ", errors.ToDictionary().Keys)}")
            : query;
    }

    public static void Translated(string name, string sql)
    {
        if (!sql.Contains("FROM \"Articles\"", StringComparison.Ordinal) || !sql.Contains("ORDER BY", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{name}: unexpected SQL:\n{sql}");
        }
    }
}
