using System.Diagnostics;
using NewsApi.Api.Articles.ListFile;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Articles.Index;

/// <summary>
/// The current <see cref="ArticleListIndex"/>, and its rebuilds: one at a time, each reading the
/// version that is current when it starts, so the latest version wins. A request uses the index
/// only when it was read at the request's own snapshot version; any other request is answered by
/// SQL and asks for a rebuild. Off when <c>NewsApi:ListIndex:Enabled</c> is false.
/// </summary>
public sealed class ArticleListIndexes(
    IServiceScopeFactory scopes, ArticleListFiles files, IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<ArticleListIndexes> logger)
{
    readonly Lock _gate = new();
    volatile ArticleListIndex? _current;
    Task? _building;
    bool _wanted;

    public bool Enabled { get; } = configuration.GetValue("NewsApi:ListIndex:Enabled", true);

    /// <summary>
    /// A provider or topic with under this share of the articles keeps its rows listed in every sort
    /// (18 bytes a row); a larger one is walked, at most 256 rows of a sort's permutation per row of a page.
    /// </summary>
    internal const double DefaultListedKeyShare = 1.0 / 256;

    readonly double _listedKeyShare = configuration.GetValue("NewsApi:ListIndex:ListedKeyShare", DefaultListedKeyShare);

    public ArticleListIndex? Current => _current;

    /// <summary>The index of <paramref name="version"/>, or null (and a rebuild is asked for).</summary>
    public ArticleListIndex? At(long version)
    {
        var current = _current;
        if (current?.Version == version)
        {
            return current;
        }

        _ = RefreshAsync();
        return null;
    }

    /// <summary>Completes once the index is at least as new as the content version when called (or its build failed).</summary>
    public Task RefreshAsync()
    {
        if (!Enabled)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            _wanted = true;
            return _building ??= Task.Run(BuildWhileWantedAsync);
        }
    }

    async Task BuildWhileWantedAsync()
    {
        while (true)
        {
            lock (_gate)
            {
                if (!_wanted || lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    _building = null;
                    return;
                }

                _wanted = false;
            }

            try
            {
                // While an ingest keeps changing the content, every build is stale at once: resting
                // as long as the build took keeps rebuilding to half a core at most.
                var took = await BuildIfStaleAsync(lifetime.ApplicationStopping);
                await Task.Delay(took < MaxRest ? took : MaxRest, lifetime.ApplicationStopping);
            }
            catch (Exception e) when (lifetime.ApplicationStopping.IsCancellationRequested || e is ObjectDisposedException)
            {
                // Shutting down: nothing to serve.
            }
            catch (Exception e)
            {
                // Requests keep being answered by SQL; the next one to find the index stale tries again, after a pause.
                logger.LogError(e, "Building the article list index failed");
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    static readonly TimeSpan MaxRest = TimeSpan.FromSeconds(30);

    /// <summary>Reads a new index unless the current one is of the current version; returns how long that took.</summary>
    async Task<TimeSpan> BuildIfStaleAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        var version = await ContentVersions.CurrentAsync(db, ct);
        if (_current?.Version == version)
        {
            return TimeSpan.Zero;
        }

        // An index of another version serves no new snapshot: let it go before the new one is read,
        // so that memory holds one index, not two.
        _current = null;
        var clock = Stopwatch.StartNew();
        var index = await ArticleListIndexBuilder.BuildAsync(db, _listedKeyShare, ct);

        // The build leaves ~100 MB of garbage at 1,000,000 articles (the old index, read buffers,
        // per-key lists before they become arrays), much of it large objects; collected and
        // compacted once here, the heap gives that memory back instead of keeping it committed
        // (API RSS under load 320-350 MiB without this, see bench/README.md). A pause of tens of ms, once per build.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _current = index;
        logger.LogInformation(
            "Article list index read at content version {Version}: {Count} published articles, {Megabytes:F1} MB, {Milliseconds} ms; {Listed} of {Keys} providers and topics listed",
            index.Version, index.Count, index.Bytes / 1048576.0, clock.ElapsedMilliseconds, index.ListedKeys, index.Keys);
        files.Write(index);
        return clock.Elapsed;
    }
}
