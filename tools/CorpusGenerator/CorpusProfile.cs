namespace NewsApi.CorpusGenerator;

/// <summary>How a generated corpus is shaped: catalog sizes, skew and the share of each oddity.</summary>
internal sealed record CorpusProfile
{
    public required string Name { get; init; }

    /// <summary>Bench spreads files into _news/yyyy/ so no folder gets too large; the sample stays flat.</summary>
    public required bool YearFolders { get; init; }

    public required int ProviderCount { get; init; }

    /// <summary>Zipf exponent of provider popularity: higher means a few providers publish most articles.</summary>
    public required double ProviderSkew { get; init; }

    public required int TopicCount { get; init; }
    public required double TopicSkew { get; init; }

    /// <summary>Share of titles and excerpt sentences drawn from the non-English, emoji or escape-heavy templates.</summary>
    public required double UnicodeShare { get; init; }

    public required (string Type, int Weight)[] Types { get; init; }

    public double RelatedShare { get; init; } = 0.30;
    public double UnpublishedShare { get; init; } = 0.05;
    public double MissingQualityShare { get; init; } = 0.03;
    public double NegativeHeatShare { get; init; } = 0.02;
    public double AmpShare { get; init; } = 0.06;
    public double ExtraKeysShare { get; init; } = 0.05;
    public double NoImageShare { get; init; } = 0.08;
    public double NoWebUrlShare { get; init; } = 0.02;
    public double NoExcerptShare { get; init; } = 0.02;
    public double MultilineExcerptShare { get; init; } = 0.08;

    /// <summary>Share of articles naming their provider by its domain instead of its usual name, as real feeds do.</summary>
    public double ProviderNameVariantShare { get; init; } = 0.02;

    public static CorpusProfile Sample { get; } = new()
    {
        Name = "sample",
        YearFolders = false,
        ProviderCount = 15,
        ProviderSkew = 1.0,
        TopicCount = 12,
        TopicSkew = 0.6,
        UnicodeShare = 0.04,
        Types = [("article", 84), ("video", 8), ("course", 3), ("download", 3), ("collection", 2)],
    };

    public static CorpusProfile Bench { get; } = new()
    {
        Name = "bench",
        YearFolders = true,
        ProviderCount = 400,
        ProviderSkew = 1.1,
        TopicCount = 60,
        TopicSkew = 0.8,
        UnicodeShare = 0.12,
        Types = [("article", 85), ("video", 7), ("course", 3), ("download", 3), ("collection", 2)],
    };

    public static CorpusProfile? Find(string name) => name switch
    {
        "sample" => Sample,
        "bench" => Bench,
        _ => null,
    };
}
