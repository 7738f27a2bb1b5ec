using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Domain;
using NewsApi.Domain.Data;
using NewsApi.Ingest;

namespace NewsApi.Api.Tests;

/// <summary>
/// An article's detail is read in several statements (the row, then its topics and related links as
/// split queries). An ingest that commits between them must not show a mix of the article's two
/// versions: a race the load in <see cref="ReadingWhileIngestingTests"/> can only hit by chance, so
/// here the ingest runs right after the first statement, every time.
/// </summary>
public sealed class ArticleDetailSnapshotTests : IDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "newsapi-api-tests-" + Guid.NewGuid().ToString("N"));

    string DatabasePath => Path.Combine(_folder, "news.db");
    string ContentRoot => Path.Combine(_folder, "content");
    string ArticlePath => Path.Combine(ContentRoot, "_news", "story.md");

    [Fact]
    public async Task AnIngestCommittingWhileADetailIsReadLeavesThatDetailWhollyOneVersion()
    {
        WriteStory("Old");
        var importer = new Importer(DataServiceCollectionExtensions.CreateOptions("Data Source=" + DatabasePath));
        await importer.ImportAsync(ContentRoot);
        var ingestAfterFirstRead = new IngestAfterFirstArticleRead(() =>
        {
            WriteStory("New");
            return importer.ImportAsync(ContentRoot);
        });
        await using var api = new InterceptedApiFactory(DatabasePath, ingestAfterFirstRead);
        var client = api.CreateClient();

        var during = await client.GetJsonAsync("/api/articles/story");
        var after = await client.GetJsonAsync("/api/articles/story");

        Assert.True(ingestAfterFirstRead.Ran);
        Assert.Equal(("Old story", "Old topic", "Old link"), Version(during));
        Assert.Equal(("New story", "New topic", "New link"), Version(after));
    }

    static (string?, string?, string?) Version(System.Text.Json.JsonElement detail) => (
        detail.GetProperty("title").GetString(),
        detail.GetProperty("topics")[0].GetProperty("name").GetString(),
        detail.GetProperty("related")[0].GetProperty("title").GetString());

    void WriteStory(string version)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ArticlePath)!);
        File.WriteAllText(ArticlePath, $"""
            ---
            title: "{version} story"
            publishedDateTime: 2024-05-01T10:00:00Z
            topics:
              - {version} topic
            related:
              - title: "{version} link"
                webUrl: "https://example.com/{version}"
            ---
            """);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Runs an ingest, once, right after the API's first read of an article row.</summary>
    sealed class IngestAfterFirstArticleRead(Func<Task> ingest) : DbCommandInterceptor
    {
        public bool Ran { get; private set; }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (!Ran && command.CommandText.Contains("FROM \"Articles\"", StringComparison.Ordinal))
            {
                Ran = true;
                await ingest();
            }

            return result;
        }
    }

    sealed class InterceptedApiFactory(string databasePath, IInterceptor interceptor) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:News", "Data Source=" + databasePath);
            builder.UseSetting("NewsApi:LoadSampleContent", "false");
            builder.ConfigureTestServices(services => services.ConfigureDbContext<NewsDbContext>(options => options.AddInterceptors(interceptor)));
        }
    }
}
