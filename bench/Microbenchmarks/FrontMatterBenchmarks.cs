using BenchmarkDotNet.Attributes;
using NewsApi.Ingest.FrontMatter;

namespace NewsApi.Microbenchmarks;

/// <summary>The ingest's per-file cost before the database: UTF-8 check, YAML tree, typed document.</summary>
[MemoryDiagnoser]
public class FrontMatterBenchmarks
{
    byte[] _file = [];

    [Params(Articles.Seed, Articles.GeneratedRelated, Articles.SeedBlockScalar)]
    public string Article { get; set; } = Articles.Seed;

    [GlobalSetup]
    public void Setup()
    {
        _file = Articles.Read(Article);
        Checks.Parsed(Article, FrontMatterParser.Parse(_file));
    }

    [Benchmark]
    public FrontMatterResult Parse() => FrontMatterParser.Parse(_file);
}
