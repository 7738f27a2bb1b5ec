using NewsApi.Ingest.FrontMatter;

namespace NewsApi.Ingest;

public sealed record ImportSettings
{
    /// <summary>SPEC: an empty content root over a non-empty database is a usage error unless allowed.</summary>
    public bool AllowEmpty { get; init; }

    /// <summary>Files per transaction: a kill loses at most one batch of work, never consistency.</summary>
    public int BatchSize { get; init; } = 1000;

    public FrontMatterLimits Limits { get; init; } = new();
}

/// <summary>A usage or configuration error: the run did nothing (exit code 2).</summary>
public sealed class ImportUsageException(string message) : Exception(message);
