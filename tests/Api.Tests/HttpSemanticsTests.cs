using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsApi.Domain;
using NewsApi.Ingest;

namespace NewsApi.Api.Tests;

/// <summary>The fixture content in a root of its own, which <see cref="HttpSemanticsTests"/> edits and re-ingests.</summary>
public sealed class EditableApiFactory : NewsApiFactory
{
    protected override Task<string> PrepareContentRootAsync(string workFolder) => Task.FromResult(FixtureContent.WriteTo(Path.Combine(workFolder, "content")));

    public async Task ReingestAsync()
    {
        var report = await new Importer(DataServiceCollectionExtensions.CreateOptions("Data Source=" + DatabasePath)).ImportAsync(ContentRoot);
        Assert.Equal(1, report.Updated);
    }
}

/// <summary>
/// What HTTP clients and caches expect: validators and 304s, caching that ends with the next
/// ingest, compression, HEAD, media types with their charset, CORS and security headers.
/// </summary>
public sealed partial class HttpSemanticsTests(EditableApiFactory factory) : IClassFixture<EditableApiFactory>
{
    readonly HttpClient _client = factory.CreateClient();

    public static readonly TheoryData<string> Reads = new()
    {
        "/api/articles",
        "/api/articles?page=2&pageSize=2",
        "/api/articles?minQuality=100",
        "/api/articles/fx-alpha",
        "/api/articles/fx-alpha/related",
        "/api/providers",
        "/api/providers/contoso.com",
        "/api/providers/contoso.com/articles",
        "/api/topics",
        "/api/topics/power-apps",
        "/api/topics/power-apps/articles",
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task EveryReadCarriesAWeakETagAndAnswers304WhenTheClientHasIt(string url)
    {
        using var first = await _client.GetAsync(url);
        var etag = first.Headers.ETag;

        using var revalidated = await SendAsync(HttpMethod.Get, url, r => r.Headers.IfNoneMatch.Add(etag!));
        using var anyTag = await SendAsync(HttpMethod.Get, url, r => r.Headers.TryAddWithoutValidation("If-None-Match", "*"));
        using var otherTag = await SendAsync(HttpMethod.Get, url, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0-other\"", isWeak: true)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak, "compressed and plain bodies share the tag, so it is weak");
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(etag, revalidated.Headers.ETag);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, anyTag.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherTag.StatusCode);
        Assert.True(first.Headers.CacheControl is { Public: true, MaxAge.TotalSeconds: > 0 }, $"Cache-Control: {first.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("/api/articles/no-such-article", HttpStatusCode.NotFound)]
    [InlineData("/api/articles?minQuality=abc", HttpStatusCode.BadRequest)]
    public async Task ProblemsAreNeverCachedAndCarryNoValidator(string url, HttpStatusCode status)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.True(response.Headers.CacheControl?.NoCache, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    // The tag is a content version shared by every URL, so a client may well send it (or *) with a
    // request that fails: a 304 stands only for the 200 that request would have had.
    [Theory]
    [InlineData("/api/articles/definitely-missing", HttpStatusCode.NotFound, "*")]
    [InlineData("/api/articles/definitely-missing", HttpStatusCode.NotFound, "current")]
    [InlineData("/api/articles/definitely-missing/related", HttpStatusCode.NotFound, "current")]
    [InlineData("/api/topics/nope/articles", HttpStatusCode.NotFound, "*")]
    [InlineData("/api/topics/nope/articles", HttpStatusCode.NotFound, "current")]
    [InlineData("/api/providers/nope.example", HttpStatusCode.NotFound, "current")]
    [InlineData("/api/no-such-route", HttpStatusCode.NotFound, "*")]
    [InlineData("/api/articles?pageSize=0", HttpStatusCode.BadRequest, "*")]
    [InlineData("/api/articles?pageSize=0", HttpStatusCode.BadRequest, "current")]
    [InlineData("/api/topics?sort=nope", HttpStatusCode.BadRequest, "current")]
    public async Task AProblemStaysAProblemWhateverTagTheClientSends(string url, HttpStatusCode status, string ifNoneMatch)
    {
        using var current = await _client.GetAsync("/api/articles");
        var tag = ifNoneMatch == "*" ? "*" : current.Headers.ETag!.ToString();

        using var get = await SendAsync(HttpMethod.Get, url, r => r.Headers.TryAddWithoutValidation("If-None-Match", tag));
        using var head = await SendAsync(HttpMethod.Head, url, r => r.Headers.TryAddWithoutValidation("If-None-Match", tag));

        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(status, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await get.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Null(get.Headers.ETag);
        Assert.True(get.Headers.CacheControl?.NoCache, $"Cache-Control: {get.Headers.CacheControl}");
        Assert.Equal(status, head.StatusCode);
    }

    [Theory]
    [InlineData("/api/articles/fx-alpha")]
    [InlineData("/api/topics/power-apps/articles")]
    public async Task ASuccessRevalidatedWithTheCurrentTagIsStillA304WithoutBody(string url)
    {
        using var first = await _client.GetAsync(url);
        var etag = first.Headers.ETag!;

        using var get = await SendAsync(HttpMethod.Get, url, r => r.Headers.IfNoneMatch.Add(etag));
        using var head = await SendAsync(HttpMethod.Head, url, r => r.Headers.IfNoneMatch.Add(etag));
        using var compressed = await SendAsync(HttpMethod.Get, url, r =>
        {
            r.Headers.IfNoneMatch.Add(etag);
            r.Headers.AcceptEncoding.ParseAdd("br");
        });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        foreach (var response in new[] { get, head, compressed })
        {
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Equal(etag, response.Headers.ETag);
            Assert.True(response.Headers.CacheControl is { Public: true, MaxAge.TotalSeconds: > 0 }, $"Cache-Control: {response.Headers.CacheControl}");
            Assert.Null(response.Content.Headers.ContentType);
            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }

        // Each 304 varies as its 200 does: compression adds Vary when the request accepts an encoding.
        using var compressible = await SendAsync(HttpMethod.Get, url, r => r.Headers.AcceptEncoding.ParseAdd("br"));
        Assert.Equal(["Accept-Encoding"], compressible.Headers.Vary);
        Assert.Equal(compressible.Headers.Vary, compressed.Headers.Vary);
        Assert.Equal(first.Headers.Vary, get.Headers.Vary);
    }

    [Fact]
    public async Task AnIngestThatChangesContentRetiresTheOldTag()
    {
        using var before = await _client.GetAsync("/api/articles/fx-bravo");
        var file = Path.Combine(factory.ContentRoot, "_news", "fx-bravo.md");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("quality: ", "quality: 1", StringComparison.Ordinal));
        await factory.ReingestAsync();

        using var after = await SendAsync(HttpMethod.Get, "/api/articles/fx-bravo", r => r.Headers.IfNoneMatch.Add(before.Headers.ETag!));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.NotEqual(await before.Content.ReadAsStringAsync(), await after.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task JsonAndProblemsAreCompressedWhenTheClientAsks(string encoding)
    {
        foreach (var url in new[] { "/api/articles?pageSize=100", "/api/articles?page=abc" })
        {
            var plain = WithoutTraceId(await (await _client.GetAsync(url)).Content.ReadAsStringAsync());

            using var response = await SendAsync(HttpMethod.Get, url, r => r.Headers.AcceptEncoding.ParseAdd(encoding));

            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            await using var compressed = await response.Content.ReadAsStreamAsync();
            await using Stream decoded = encoding == "br" ? new BrotliStream(compressed, CompressionMode.Decompress) : new GZipStream(compressed, CompressionMode.Decompress);
            using var reader = new StreamReader(decoded);
            Assert.Equal(plain, WithoutTraceId(await reader.ReadToEndAsync()));
        }
    }

    [Theory]
    [InlineData("/api/articles", HttpStatusCode.OK)]
    [InlineData("/api/topics/power-apps", HttpStatusCode.OK)]
    [InlineData("/api/articles/no-such-article", HttpStatusCode.NotFound)]
    [InlineData("/api/articles?pageSize=0", HttpStatusCode.BadRequest)]
    public async Task HeadAnswersLikeGetWithoutABody(string url, HttpStatusCode status)
    {
        using var get = await _client.GetAsync(url);

        using var head = await SendAsync(HttpMethod.Head, url);

        Assert.Equal(status, head.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Headers.TryGetValues("Link", out var a) ? a : [], head.Headers.TryGetValues("Link", out var b) ? b : []);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/articles")]
    [InlineData("/api/articles/fx-alpha")]
    [InlineData("/api/providers")]
    public async Task JsonSaysItsCharset(string url)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    [Theory]
    [InlineData("/api/articles", "default-src 'none'")]
    [InlineData("/api/articles/no-such-article", "default-src 'none'")]
    [InlineData("/swagger/index.html", "script-src 'self'")]
    public async Task EveryResponseCarriesSecurityHeaders(string url, string policy)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains(policy, csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowsersOnOtherOriginsMayReadTheApiAndItsPagingHeaders()
    {
        using var preflight = await SendAsync(HttpMethod.Options, "/api/articles", r =>
        {
            r.Headers.Add("Origin", "https://reader.example");
            r.Headers.Add("Access-Control-Request-Method", "GET");
        });
        using var get = await SendAsync(HttpMethod.Get, "/api/articles", r => r.Headers.Add("Origin", "https://reader.example"));

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("*", Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("*", Assert.Single(get.Headers.GetValues("Access-Control-Allow-Origin")));
        var exposed = string.Join(",", get.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("Link", exposed, StringComparison.Ordinal);
        Assert.Contains("ETag", exposed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task NothingCanBeWritten(string method)
    {
        using var response = await SendAsync(new HttpMethod(method), "/api/articles/fx-alpha", r => r.Content = new StringContent("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    // HEAD is answered wherever GET is (HeadRequests), so a 405 must offer both.
    [Theory]
    [InlineData("OPTIONS", "/api/articles")]
    [InlineData("POST", "/api/articles")]
    [InlineData("DELETE", "/api/articles/fx-alpha")]
    [InlineData("PUT", "/api/articles/fx-alpha/related")]
    [InlineData("POST", "/api/providers")]
    [InlineData("PATCH", "/api/providers/contoso.com/articles")]
    [InlineData("OPTIONS", "/api/topics/power-apps")]
    public async Task AMethodNotAllowedOffersGetAndHead(string method, string url)
    {
        using var response = await SendAsync(new HttpMethod(method), url, r => r.Content = new StringContent("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // A problem's traceId differs per request.
    static string WithoutTraceId(string json) => TraceId().Replace(json, "");

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, url);
        configure?.Invoke(request);
        return await _client.SendAsync(request);
    }
}
