namespace NewsApi.Api.Http;

/// <summary>The <c>NewsApi:Http</c> settings.</summary>
public sealed class HttpSettings
{
    /// <summary>
    /// Origins that browsers may call the API from; none, or <c>*</c>, for any (it is public,
    /// read-only data). No default list here: the binder would append the configured one to it.
    /// </summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>A read still running after this is cancelled and answered 503.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long clients may reuse a read without asking again; after that, a conditional GET is cheap.</summary>
    public int CacheMaxAgeSeconds { get; set; } = 60;

    /// <summary>
    /// Reads that hold a database snapshot at once; more wait their turn, first come first served.
    /// A read is CPU work once the file is in the OS cache, so a few per core finish each request
    /// sooner than many sharing the cores (less CPU per request and a lower p99; bench/README.md,
    /// "Fewer reads at once"), and each holds a pooled SQLite connection with its own page cache.
    /// Two per core leave room for reads that wait on the disk.
    /// </summary>
    public int MaxConcurrentReads { get; set; } = 2 * Environment.ProcessorCount;

    public RateLimitSettings RateLimit { get; set; } = new();
}

/// <summary>A token bucket per client IP address.</summary>
public sealed class RateLimitSettings
{
    public bool Enabled { get; set; }

    public int PermitsPerSecond { get; set; } = 100;

    public int Burst { get; set; } = 200;
}
