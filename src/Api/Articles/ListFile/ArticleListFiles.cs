using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsApi.Api.Articles.Index;
using NewsApi.Api.Http;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Articles.ListFile;

/// <summary>
/// Every published article's summary, rendered as the list renders it, in the default order (newest
/// first), written to a file after each list index is read: then a page of <c>/api/articles</c>
/// that asks for nothing but a page is one positioned read of it, answered without a read snapshot
/// (<see cref="ListFilePages"/>). A file serves its content version only; it is written while the
/// database is at that version, and given up as soon as the version moves on. On unless
/// <c>NewsApi:ListFile:Enabled</c> is false (it needs the list index); written to
/// <c>NewsApi:ListFile:Folder</c>, the temp folder by default, ~0.8 KB an article.
/// </summary>
public sealed class ArticleListFiles(
    IServiceScopeFactory scopes, ContentVersionProbe versions, IOptions<JsonOptions> json, IConfiguration configuration,
    IHostApplicationLifetime lifetime, ILogger<ArticleListFiles> logger)
{
    /// <summary>The list of one content version, and the ETag its pages carry.</summary>
    public sealed record VersionFile(long Version, ListItemsFile Items)
    {
        public EntityTagHeaderValue Tag { get; } = ContentTags.Of(Version);

        public string ETag { get; } = ContentTags.Of(Version).ToString();
    }

    const int RowsPerRead = 512;

    readonly Lock _gate = new();
    readonly string _folder = configuration["NewsApi:ListFile:Folder"] is { Length: > 0 } folder ? folder : Path.GetTempPath();
    volatile VersionFile? _current;
    ArticleListIndex? _wanted;
    Task? _writing;

    public bool Enabled { get; } = configuration.GetValue("NewsApi:ListFile:Enabled", true);

    /// <summary>
    /// The latest file written; it may be of an older version than the database's. A replaced file
    /// is not closed here (a request may be reading it): its handle closes when it is collected.
    /// </summary>
    public VersionFile? Current => _current;

    /// <summary>Asks for the file of <paramref name="index"/>'s version, in the background, instead of any asked for before.</summary>
    public void Write(ArticleListIndex index)
    {
        if (!Enabled)
        {
            return;
        }

        lock (_gate)
        {
            _wanted = index;
            _writing ??= Task.Run(WriteWhileWantedAsync);
        }
    }

    /// <summary>Completes when no file is being written or waits to be.</summary>
    public Task WrittenAsync()
    {
        lock (_gate)
        {
            return _writing ?? Task.CompletedTask;
        }
    }

    async Task WriteWhileWantedAsync()
    {
        while (true)
        {
            ArticleListIndex index;
            lock (_gate)
            {
                if (_wanted is null || lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    _writing = null;
                    return;
                }

                (index, _wanted) = (_wanted, null);
            }

            try
            {
                await WriteIfCurrentAsync(index, lifetime.ApplicationStopping);
            }
            catch (Exception e) when (lifetime.ApplicationStopping.IsCancellationRequested || e is ObjectDisposedException)
            {
                // Shutting down: nothing to serve.
            }
            catch (Exception e)
            {
                // Pages keep being answered by the endpoint; the next index asks again.
                logger.LogError(e, "Writing the article list file failed");
            }
        }
    }

    async Task WriteIfCurrentAsync(ArticleListIndex index, CancellationToken ct)
    {
        if (_current?.Version == index.Version || versions.Current() != index.Version)
        {
            return;
        }

        // An older version's file serves no request any more: free its memory before writing the next.
        _current = null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        if (await ContentVersions.CurrentAsync(db, ct) != index.Version)
        {
            return; // a newer index is on its way
        }

        var clock = Stopwatch.StartNew();
        using var writer = ListItemsFile.Create(_folder, index.Count);
        var options = json.Value.SerializerOptions;
        var summary = (JsonTypeInfo<ArticleSummary>)options.GetTypeInfo(typeof(ArticleSummary));
        var line = new ArrayBufferWriter<byte>(4096);
        await using var item = new Utf8JsonWriter(line, new JsonWriterOptions { Encoder = options.Encoder, MaxDepth = options.MaxDepth, SkipValidation = true });
        var keys = new List<long>(RowsPerRead);
        for (var first = 0; first < index.Count; first += RowsPerRead)
        {
            // Work for a version nobody will ask for again is wasted: stop as soon as the content changes.
            if (versions.Current() != index.Version || ct.IsCancellationRequested)
            {
                return;
            }

            keys.Clear();
            var end = Math.Min(first + RowsPerRead, index.Count);
            for (var row = first; row < end; row++)
            {
                keys.Add(index.KeyOf(row));
            }

            var rows = await ArticleSearch.ListRowsByKeysAsync(db, keys, withTopics: !index.HasTopicNames, ct);
            for (var row = first; row < end; row++)
            {
                var found = rows.GetValueOrDefault(keys[row - first])
                    ?? throw new InvalidOperationException($"Row {row} of the list index of version {index.Version} is not in the database at that version.");
                if (index.HasTopicNames)
                {
                    index.AddTopicNames(row, found.Topics);
                }

                JsonSerializer.Serialize(item, ArticleProjections.ToSummary(found), summary);
                writer.Append(line.WrittenSpan);
                line.ResetWrittenCount();
                item.Reset();
            }
        }

        _current = new VersionFile(index.Version, writer.Complete());

        // Reading and rendering every article leaves ~40 MB of garbage committed at 1,000,000 (the
        // API idled at 227 MiB after the file, 185 with this collection, 174 with no file at all):
        // collected and compacted here, as after an index build, that memory goes back to the OS.
        // A pause of tens of ms, once per version.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        logger.LogInformation(
            "Article list file written at content version {Version}: {Count} published articles, {Megabytes:F1} MB, {Milliseconds} ms",
            index.Version, index.Count, _current.Items.Bytes / 1048576.0, clock.ElapsedMilliseconds);
    }
}
