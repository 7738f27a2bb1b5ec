using System.Data.Common;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Tests;

/// <summary>The fixture content on a real Kestrel on 127.0.0.1 with the shipped limits (the test host has none).</summary>
public class KestrelApiFactory : NewsApiFactory
{
    public KestrelApiFactory() => UseKestrel(0);

    protected override Task<string> PrepareContentRootAsync(string workFolder) => Task.FromResult(FixtureContent.WriteTo(Path.Combine(workFolder, "content")));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

/// <summary>A rate limit small enough to hit: a burst of 5, then one request a second.</summary>
public sealed class RateLimitedApiFactory : KestrelApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("NewsApi:Http:RateLimit:Enabled", "true");
        builder.UseSetting("NewsApi:Http:RateLimit:Burst", "5");
        builder.UseSetting("NewsApi:Http:RateLimit:PermitsPerSecond", "1");
    }
}

/// <summary>
/// A request timeout no database read can meet: once <see cref="HoldReads"/> is called, opening a
/// connection waits far longer than the timeout (a database stuck behind a lock, a cold disk). A
/// timer alone is a race: a fast machine answers the fixture's reads before it fires.
/// </summary>
public sealed class ImpatientApiFactory : KestrelApiFactory
{
    readonly SlowOpens _slowOpens = new();

    public void HoldReads() => _slowOpens.Enabled = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("NewsApi:Http:RequestTimeout", "00:00:00.020");
        builder.ConfigureServices(services => services.ConfigureDbContext<NewsDbContext>(options => options.AddInterceptors(_slowOpens)));
    }

    sealed class SlowOpens : DbConnectionInterceptor
    {
        public volatile bool Enabled;

        public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Enabled)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            }

            return result;
        }
    }
}

/// <summary>
/// Requests beyond the server's limits get the status that names the limit, as a problem where
/// the application answers, never a crash or a 500.
/// </summary>
public sealed class KestrelLimitsTests(KestrelApiFactory kestrel, RateLimitedApiFactory limited, ImpatientApiFactory impatient)
    : IClassFixture<KestrelApiFactory>, IClassFixture<RateLimitedApiFactory>, IClassFixture<ImpatientApiFactory>
{
    [Fact]
    public async Task AQueryStringLongerThanTheRequestLineLimitIs414()
    {
        using var client = kestrel.CreateClient();

        using var ok = await client.GetAsync("/api/articles?padding=" + new string('a', 4000));
        using var tooLong = await client.GetAsync("/api/articles?padding=" + new string('a', 9000));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, tooLong.StatusCode);
    }

    [Fact]
    public async Task HeadersBeyondTheLimitsAre431()
    {
        using var client = kestrel.CreateClient();
        using var huge = new HttpRequestMessage(HttpMethod.Get, "/api/articles");
        huge.Headers.TryAddWithoutValidation("X-Padding", new string('x', 40_000));
        using var many = new HttpRequestMessage(HttpMethod.Get, "/api/articles");
        for (var i = 0; i < 120; i++)
        {
            many.Headers.TryAddWithoutValidation($"X-Header-{i}", "1");
        }

        using var hugeResponse = await client.SendAsync(huge);
        using var manyResponse = await client.SendAsync(many);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, hugeResponse.StatusCode);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, manyResponse.StatusCode);
    }

    [Fact]
    public async Task AClientOverItsRateIsToldToWaitWith429()
    {
        using var client = limited.CreateClient();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            responses.Add(await client.GetAsync("/api/topics"));
        }

        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.True(refused.Count >= 5, $"{refused.Count} of 12 refused");
        Assert.Equal(HttpStatusCode.OK, responses[0].StatusCode);
        foreach (var response in refused)
        {
            Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
            await AssertProblemAsync(response, 429);
        }

        responses.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task AReadThatRunsOutOfTimeIs503NotACrash()
    {
        using var client = impatient.CreateClient();
        impatient.HoldReads();

        foreach (var url in new[] { "/api/articles?q=contoso", "/api/articles?page=2&sort=title", "/api/providers", "/api/topics" })
        {
            using var response = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            await AssertProblemAsync(response, 503);
        }
    }

    [Fact]
    public async Task HeadOnKestrelSendsHeadersAndNoBody()
    {
        using var client = kestrel.CreateClient();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/articles"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.NotNull(head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    static async Task AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
