using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace NewsApi.Api.Tests;

/// <summary>The fixture content in production mode, with every log line the API writes, at every level, kept.</summary>
public sealed class LoggedApiFactory : NewsApiFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override Task<string> PrepareContentRootAsync(string workFolder) => Task.FromResult(FixtureContent.WriteTo(Path.Combine(workFolder, "content")));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFilter(_ => true).AddProvider(new CollectingLoggerProvider(Lines)));
    }

    sealed class CollectingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    sealed class CollectingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>A database file that is not SQLite at all, served in production mode.</summary>
public sealed class BrokenDatabaseFactory : WebApplicationFactory<Program>
{
    readonly string _path = Path.Combine(Path.GetTempPath(), $"newsapi-broken-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        File.WriteAllText(_path, "this is not a database, it is a text file that is long enough to have a header" + new string('!', 200));
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:News", "Data Source=" + _path);
        builder.UseSetting("NewsApi:LoadSampleContent", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_path);
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// What is private stays private everywhere: no unpublished article or <c>secured</c> value in any
/// response or log line, and no error that shows a stack trace, SQL or a file path.
/// </summary>
public sealed class ExposureTests(LoggedApiFactory logged, BrokenDatabaseFactory broken)
    : IClassFixture<LoggedApiFactory>, IClassFixture<BrokenDatabaseFactory>
{
    // Every endpoint, the unpublished articles by id, and queries that would match them if they were served.
    static readonly string[] Urls =
    [
        "/api/articles", "/api/articles?q=scoop", "/api/articles?q=draft", "/api/articles?minQuality=999",
        "/api/articles?sort=heat&pageSize=100", "/api/articles/fx-echo", "/api/articles/fx-echo/related",
        "/api/articles/fx-foxtrot", "/api/articles/fx-foxtrot/related", "/api/articles/fx-alpha", "/api/articles/fx-hotel/related",
        "/api/providers?pageSize=100", "/api/providers/contoso.com", "/api/providers/contoso.com/articles",
        "/api/topics?pageSize=100", "/api/topics/power-apps", "/api/topics/power-apps/articles",
        "/api/articles?page=0", "/api/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/swagger/v1/swagger.json", "/health",
    ];

    static readonly string[] Private = [.. FixtureContent.SecuredValues, "unpublished scoop", "Foxtrot apps draft", "Draft related"];

    [Fact]
    public async Task NoResponseOrLogLineCarriesAnUnpublishedArticleOrASecuredValue()
    {
        using var client = logged.CreateClient();
        foreach (var url in Urls)
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
            Assert.DoesNotContain(Private, secret => body.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        Assert.NotEmpty(logged.Lines);
        var leaks = logged.Lines.Where(line => Private.Any(secret => line.Contains(secret, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Theory]
    [InlineData("/api/articles")]
    [InlineData("/api/articles/fx-alpha")]
    [InlineData("/api/topics")]
    public async Task ADatabaseErrorIsAProblemWithoutStackTraceSqlOrPath(string url)
    {
        using var client = broken.CreateClient();

        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        foreach (var forbidden in new[] { "   at ", "Exception", "SELECT", "FROM", "SQLite Error", "newsapi-broken", Path.GetTempPath() })
        {
            Assert.DoesNotContain(forbidden, body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
