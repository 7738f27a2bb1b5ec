using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Net;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Api.Articles;
using NewsApi.Api.Articles.Index;
using NewsApi.Api.Articles.ListFile;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Tests;

/// <summary>
/// Plain pages of <c>/api/articles</c> come from the list file without opening a database
/// connection; every other list page goes to the endpoint, which copies its items from the file
/// too. Either way they are the answers of a server with no file to the byte: body, status, ETag,
/// Link, caching, 304s, HEAD and compression. After an ingest the file serves only once it has
/// been written again at the new version.
/// </summary>
public sealed partial class ListFilePagesTests(CorpusApiFactory corpus, GeneratedApiFactory generated, EditableApiFactory editable)
    : IClassFixture<CorpusApiFactory>, IClassFixture<GeneratedApiFactory>, IClassFixture<EditableApiFactory>
{
    static readonly string[] PlainPages =
    [
        "/api/articles", "/api/articles?page=1", "/api/articles?page=2", "/api/articles?pageSize=1", "/api/articles?pageSize=100",
        "/api/articles?PAGE=3&PageSize=7", "/api/articles?pageSize=100&page=7", "/api/articles?page=999999", "/api/articles?page=2147483647&pageSize=100",
        "/api/articles?page=&pageSize=", "/api/articles?page=%2B2", "/api/articles?pageSize=13&page=0005", "/api/articles/", "/API/Articles?page=2",
    ];

    static readonly string[] OtherRequests =
    [
        "/api/articles?page=2&sort=title", "/api/articles?page=2&page=3", "/api/articles?page=0", "/api/articles?pageSize=101",
        "/api/articles?page=2&utm_source=x", "/api/articles?q=the", "/api/articles?page=2&sort=-publishedDateTime",
    ];

    static readonly Func<HttpRequestMessage, HttpRequestMessage>[] Variants =
    [
        r => r,
        r => { r.Method = HttpMethod.Head; return r; },
        r => { r.Headers.AcceptEncoding.ParseAdd("br"); return r; },
        r => { r.Headers.AcceptEncoding.ParseAdd("gzip"); return r; },
    ];

    // A plain page is answered before the endpoint, with no connection; a list page that the endpoint
    // answers has its items copied from the file (the index found its rows); no page reads its rows.
    static readonly Func<Sides.Counts, bool> WithoutConnection = c => c.Opens == 0 && c.FromFile == 1 && c.FromDatabase == 0;
    static readonly Func<Sides.Counts, bool> ByTheEndpoint = c => c.Opens > 0 && c.FromDatabase == 0;
    static readonly Func<Sides.Counts, bool> EitherWay = c => c.FromDatabase == 0;

    [Fact]
    public async Task TheCorpusPlainPagesAreTheEndpointsAnswersWithoutADatabaseRead() => await CompareAsync(corpus, PlainPages.Concat(AllPages(corpus, 100)), WithoutConnection);

    [Fact]
    public async Task GeneratedPlainPagesAreTheEndpointsAnswersWithoutADatabaseRead() => await CompareAsync(generated, PlainPages.Concat(AllPages(generated, 100)), WithoutConnection);

    [Fact]
    public async Task EveryOtherRequestGoesToTheEndpoint() => await CompareAsync(corpus, OtherRequests, ByTheEndpoint);

    [Fact]
    public async Task TheCorpusFilteredSortedAndSearchedPagesHaveTheirItemsCopiedFromTheFile() =>
        await CompareAsync(corpus, new ListQueries(corpus.Index, seed: 3).Take(300), EitherWay, fromFile: 1000);

    [Fact]
    public async Task GeneratedFilteredSortedAndSearchedPagesHaveTheirItemsCopiedFromTheFile() =>
        await CompareAsync(generated, new ListQueries(generated.Index, seed: 4).Take(300), EitherWay, fromFile: 1000);

    [Fact]
    public async Task AClientWithTheCurrentTagGetsTheEndpoints304()
    {
        await using var sides = await Sides.StartAsync(corpus);
        var tag = (await sides.File.GetAsync("/api/articles")).Headers.ETag!;

        foreach (var variant in Variants)
        {
            Assert.Equal(
                await Sides.ReadAsync(sides.Endpoint, "/api/articles?page=3", r => { r.Headers.IfNoneMatch.Add(tag); return variant(r); }),
                await Sides.ReadAsync(sides.File, "/api/articles?page=3", r => { r.Headers.IfNoneMatch.Add(tag); return variant(r); }));
        }

        Assert.Equal(0, sides.Opens);
        var answer = await Sides.ReadAsync(sides.File, "/api/articles?page=3", r => { r.Headers.IfNoneMatch.Add(tag); return r; });
        Assert.StartsWith("304 ", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterAnIngestPagesAreNewAtOnceAndFromTheFileOnceItIsRewritten()
    {
        await using var sides = await Sides.StartAsync(editable);
        var files = sides.FileServices.GetRequiredService<ArticleListFiles>();
        var before = await Sides.ReadAsync(sides.File, "/api/articles?pageSize=100");
        var written = files.Current!.Version;
        var file = Path.Combine(editable.ContentRoot, "_news", "fx-bravo.md");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("title: ", "title: Rewritten ", StringComparison.Ordinal));
        await editable.ReingestAsync();

        // The file is of the old version: the endpoint answers, with the new content (and asks for a new index, then file).
        var stale = await Sides.ReadAsync(sides.File, "/api/articles?pageSize=100");
        Assert.Contains("Rewritten", stale, StringComparison.Ordinal);
        Assert.DoesNotContain("Rewritten", before, StringComparison.Ordinal);

        await sides.FileServices.GetRequiredService<ArticleListIndexes>().RefreshAsync();
        await files.WrittenAsync();
        var opens = sides.Opens;
        var rewritten = await Sides.ReadAsync(sides.File, "/api/articles?pageSize=100");

        Assert.NotEqual(written, files.Current?.Version);
        Assert.Equal(opens, sides.Opens);
        Assert.Equal(stale, rewritten);
        Assert.Equal(stale, await Sides.ReadAsync(sides.Endpoint, "/api/articles?pageSize=100"));
    }

    [Fact]
    public async Task APageFromTheFileSaysItsLengthUnlessItIsCompressed()
    {
        await using var sides = await Sides.StartAsync(corpus);
        foreach (var url in new[] { "/api/articles?page=2", "/api/articles?sort=title&pageSize=7", "/api/articles?page=999999" })
        {
            using var plain = await sides.File.GetAsync(url);
            var sent = plain.Content.Headers.NonValidated.TryGetValues("Content-Length", out var length) ? length.ToString() : null; // as sent, not computed
            var body = await plain.Content.ReadAsByteArrayAsync();
            Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), sent);

            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            using var compressed = await sides.File.SendAsync(request);
            Assert.Equal("gzip", Assert.Single(compressed.Content.Headers.ContentEncoding));
            Assert.NotEqual(body.Length, compressed.Content.Headers.ContentLength);
        }
    }

    [Fact]
    public async Task AFileThatCouldNotBeWrittenForTheNewVersionServesNoPageOfIt()
    {
        var folder = Directory.CreateTempSubdirectory("newsapi-list-file-").FullName;
        await using var sides = await Sides.StartAsync(editable, folder);
        var files = sides.FileServices.GetRequiredService<ArticleListFiles>();
        var indexes = sides.FileServices.GetRequiredService<ArticleListIndexes>();
        var written = files.Current!.Version;
        Directory.Delete(folder); // the next file has nowhere to go
        var file = Path.Combine(editable.ContentRoot, "_news", "fx-bravo.md");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("title: ", "title: Unwritten ", StringComparison.Ordinal));
        await editable.ReingestAsync();
        await indexes.RefreshAsync();
        await files.WrittenAsync();

        Assert.Null(files.Current); // the old version's file was let go before the write failed
        Assert.NotEqual(written, indexes.Current?.Version);
        foreach (var url in new[] { "/api/articles?pageSize=100", "/api/articles?pageSize=100&sort=title", "/api/articles?q=unwritten" })
        {
            var before = sides.Counted;
            var page = await Sides.ReadAsync(sides.File, url);
            var counts = sides.Counted - before;

            Assert.Contains("Unwritten", page, StringComparison.Ordinal);
            Assert.Equal(await Sides.ReadAsync(sides.Endpoint, url), page);
            Assert.Equal((0, 1), (counts.FromFile, counts.FromDatabase));
        }
    }

    static IEnumerable<string> AllPages(NewsApiFactory factory, int size) =>
        Enumerable.Range(1, (factory.Index.Published.Count + size - 1) / size + 1).Select(page => $"/api/articles?pageSize={size}&page={page}");

    // Compares each answer of the two sides, and checks how the file side answered: by rightSide, or,
    // with fromFile, by at least that many pages in all with their items from the file.
    static async Task CompareAsync(NewsApiFactory factory, IEnumerable<string> urls, Func<Sides.Counts, bool> rightSide, int fromFile = 0)
    {
        await using var sides = await Sides.StartAsync(factory);
        var mismatches = new List<string>();
        var wrongSide = new List<string>();
        var answers = 0;
        var copied = 0;
        foreach (var url in urls)
        {
            foreach (var variant in Variants)
            {
                var expected = await Sides.ReadAsync(sides.Endpoint, url, variant);
                var before = sides.Counted;
                var actual = await Sides.ReadAsync(sides.File, url, variant);
                var counts = sides.Counted - before;
                answers++;
                copied += counts.FromFile;
                if (expected != actual)
                {
                    mismatches.Add($"{url}\n  endpoint: {expected}\n  file:     {actual}");
                }

                if (!rightSide(counts))
                {
                    wrongSide.Add($"{actual[..actual.IndexOf(' ', StringComparison.Ordinal)]} {url} {counts}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {answers} differ:\n" + string.Join('\n', mismatches.Take(5)));
        Assert.True(wrongSide.Count == 0, "answered another way: " + string.Join(", ", wrongSide.Take(10)));
        Assert.True(copied >= fromFile, $"{copied} pages of {answers} answers had their items from the file");
    }

    /// <summary>
    /// The same database served twice: with the list file, counting the database connections its
    /// requests open, and without it (the endpoint answers every page).
    /// </summary>
    sealed class Sides : IAsyncDisposable
    {
        readonly OpenCounter _opens = new();
        readonly MeterListener _pages = new();
        int _fromFile;
        int _fromDatabase;
        readonly WebApplicationFactory<Program> _withFile;
        readonly WebApplicationFactory<Program> _withoutFile;

        Sides(NewsApiFactory factory, string? folder)
        {
            _withFile = factory.WithWebHostBuilder(b =>
            {
                b.ConfigureServices(s => s.ConfigureDbContext<NewsDbContext>(o => o.AddInterceptors(_opens)));
                if (folder is not null)
                {
                    b.UseSetting("NewsApi:ListFile:Folder", folder);
                }
            });
            _withoutFile = factory.WithWebHostBuilder(b => b.UseSetting("NewsApi:ListFile:Enabled", "false"));
            File = _withFile.CreateClient();
            Endpoint = _withoutFile.CreateClient();

            // The file side's article_pages metric, by source (this host's meters only: other tests run beside it).
            var meters = _withFile.Services.GetRequiredService<IMeterFactory>();
            _pages.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == ArticlePageCounts.InstrumentName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _pages.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    Interlocked.Add(ref (tag.Value as string == "list_file" ? ref _fromFile : ref _fromDatabase), (int)value);
                }
            });
            _pages.Start();
        }

        /// <summary>What the file side did: connections opened, pages with items from the file and from the database.</summary>
        public readonly record struct Counts(int Opens, int FromFile, int FromDatabase)
        {
            public static Counts operator -(Counts a, Counts b) => new(a.Opens - b.Opens, a.FromFile - b.FromFile, a.FromDatabase - b.FromDatabase);
        }

        public Counts Counted => new(_opens.Count, Volatile.Read(ref _fromFile), Volatile.Read(ref _fromDatabase));

        public HttpClient File { get; }

        public HttpClient Endpoint { get; }

        public IServiceProvider FileServices => _withFile.Services;

        /// <summary>Connections the file side opened since it was ready.</summary>
        public int Opens => _opens.Count;

        /// <param name="folder">Where the file side writes its list files (the default is the temp folder).</param>
        public static async Task<Sides> StartAsync(NewsApiFactory factory, string? folder = null)
        {
            var sides = new Sides(factory, folder);
            await sides._withFile.Services.GetRequiredService<ArticleListIndexes>().RefreshAsync();
            var files = sides._withFile.Services.GetRequiredService<ArticleListFiles>();
            await files.WrittenAsync();
            Assert.False(sides._withoutFile.Services.GetRequiredService<ArticleListFiles>().Enabled);
            Assert.NotNull(files.Current);
            sides._opens.Count = 0;
            return sides;
        }

        /// <summary>What must agree: status, the headers a client reads, and the body's bytes.</summary>
        public static async Task<string> ReadAsync(HttpClient client, string url, Func<HttpRequestMessage, HttpRequestMessage>? variant = null)
        {
            using var request = (variant ?? (r => r))(new HttpRequestMessage(HttpMethod.Get, url));
            using var response = await client.SendAsync(request);
            var headers = new StringBuilder();
            foreach (var name in new[] { "ETag", "Cache-Control", "Link", "Vary", "Content-Type", "Content-Encoding" })
            {
                var values = response.Headers.TryGetValues(name, out var h) ? h : response.Content.Headers.TryGetValues(name, out var c) ? c : [];
                headers.Append(name).Append('=').AppendJoin(",", values).Append("; ");
            }

            // Compressed output depends on how the body was written in pieces: compare what it decodes to.
            await using var body = await response.Content.ReadAsStreamAsync();
            await using var decoded = response.Content.Headers.ContentEncoding.FirstOrDefault() switch
            {
                "br" => new BrotliStream(body, CompressionMode.Decompress),
                "gzip" => new GZipStream(body, CompressionMode.Decompress),
                _ => body,
            };
            using var reader = new StreamReader(decoded, Encoding.UTF8);
            return $"{(int)response.StatusCode} {request.Method} {headers}{TraceId().Replace(await reader.ReadToEndAsync(), "")}";
        }

        public async ValueTask DisposeAsync()
        {
            _pages.Dispose();
            File.Dispose();
            Endpoint.Dispose();
            await _withFile.DisposeAsync();
            await _withoutFile.DisposeAsync();
        }
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    sealed class OpenCounter : DbConnectionInterceptor
    {
        int _count;

        public int Count { get => Volatile.Read(ref _count); set => Volatile.Write(ref _count, value); }

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }
    }
}
