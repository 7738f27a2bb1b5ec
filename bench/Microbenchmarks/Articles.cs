namespace NewsApi.Microbenchmarks;

/// <summary>The benchmark inputs, embedded so the benchmarks read no file at run time.</summary>
static class Articles
{
    /// <summary>The shared corpus's seed article (copied from shared/corpus/seed/000_4ea240b01efe0ad8.md).</summary>
    public const string Seed = "seed.md";

    /// <summary>A bench-profile article (CorpusGenerator seed 42, 100,000 articles) with five related links and three topics.</summary>
    public const string GeneratedRelated = "generated-related.md";

    /// <summary>The seed article with its last key as a folded block scalar: the fast path declines at the end and YamlDotNet reads it.</summary>
    public const string SeedBlockScalar = "seed-block-scalar.md";

    public static byte[] Read(string name)
    {
        using var stream = typeof(Articles).Assembly.GetManifestResourceStream("Articles." + name)
            ?? throw new InvalidOperationException($"no embedded article {name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
