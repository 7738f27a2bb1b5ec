using System.Data.Common;
using System.Text.Json;
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
using SQLitePCL;

namespace NewsApi.Api.Tests;

/// <summary>
/// A response read in several statements (a list's count and its page; an article's row, then its
/// topics and related links) must come from one state of the database even when an ingest commits
/// between them. The load in <see cref="ReadingWhileIngestingTests"/> hits that moment only by
/// chance; here the ingest runs right after the response's first statement, every time.
/// </summary>
public sealed class SnapshotReadTests : IDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "newsapi-api-tests-" + Guid.NewGuid().ToString("N"));

    string DatabasePath => Path.Combine(_folder, "news.db");
    string ContentRoot => Path.Combine(_folder, "content");

    [Fact]
    public async Task AnIngestCommittingWhileADetailIsReadLeavesThatDetailWhollyOneVersion()
    {
        WriteStory("story", "Old");
        var importer = await IngestAsync();
        var ingest = new IngestAtFirstStatement("FROM \"ArticleTopics\"", () =>
        {
            WriteStory("story", "New");
            return importer.ImportAsync(ContentRoot);
        });
        await using var api = new InterceptedApiFactory(DatabasePath, ingest);
        var client = api.CreateClient();

        var during = await client.GetJsonAsync("/api/articles/story");
        Assert.True(ingest.Ran);
        var after = await client.GetJsonAsync("/api/articles/story");

        Assert.Equal(("Old story", "Old topic", "Old link"), Version(during));
        Assert.Equal(("New story", "New topic", "New link"), Version(after));
    }

    [Fact]
    public async Task AnIngestCommittingBetweenAListsCountAndItsPageLeavesThemOneState()
    {
        WriteStory("first", "Old");
        WriteStory("second", "Old");
        var importer = await IngestAsync();
        await using var api = new InterceptedApiFactory(DatabasePath, new IngestAfterFirstRead("COUNT(*)", () =>
        {
            WriteStory("third", "New");
            return importer.ImportAsync(ContentRoot);
        }));
        var client = api.CreateClient();

        var (_, during) = await client.GetPageAsync<SummaryDto>("/api/articles?pageSize=100");
        var (_, after) = await client.GetPageAsync<SummaryDto>("/api/articles?pageSize=100");

        Assert.Equal((2, 2), (during.TotalCount, during.Items.Count));
        Assert.Equal((3, 3), (after.TotalCount, after.Items.Count));
    }

    async Task<Importer> IngestAsync()
    {
        var importer = new Importer(DataServiceCollectionExtensions.CreateOptions("Data Source=" + DatabasePath));
        await importer.ImportAsync(ContentRoot);
        return importer;
    }

    static (string?, string?, string?) Version(JsonElement detail) => (
        detail.GetProperty("title").GetString(),
        detail.GetProperty("topics")[0].GetProperty("name").GetString(),
        detail.GetProperty("related")[0].GetProperty("title").GetString());

    void WriteStory(string id, string version)
    {
        var path = Path.Combine(ContentRoot, "_news", id + ".md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"""
            ---
            title: "{version} {id}"
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

    /// <summary>Runs an ingest, once, right after the API's first statement containing <paramref name="marker"/> starts reading.</summary>
    sealed class IngestAfterFirstRead(string marker, Func<Task> ingest) : DbCommandInterceptor
    {
        bool _ran;

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (!_ran && command.CommandText.Contains(marker, StringComparison.Ordinal))
            {
                _ran = true;
                await ingest();
            }

            return result;
        }
    }

    /// <summary>
    /// Runs an ingest, once, when the API's first statement containing <paramref name="marker"/>
    /// starts: SQLite's statement trace sees it even when it does not go through EF Core (the
    /// detail is read on prepared statements).
    /// </summary>
    sealed class IngestAtFirstStatement(string marker, Func<Task> ingest) : DbConnectionInterceptor
    {
        int _ran;

        public bool Ran => Volatile.Read(ref _ran) == 1;

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Trace(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Trace(connection);
            return Task.CompletedTask;
        }

        void Trace(DbConnection connection) => raw.sqlite3_trace(((SqliteConnection)connection).Handle, OnStatement, null);

        // Called as the statement starts, on the request's thread: the ingest commits before the statement reads.
        void OnStatement(object user, string sql)
        {
            if (sql.Contains(marker, StringComparison.Ordinal) && Interlocked.Exchange(ref _ran, 1) == 0)
            {
                ingest().GetAwaiter().GetResult();
            }
        }
    }

    // Without the list index: lists then count and page in SQL (the path under test; the index is
    // used only at its snapshot's version, see ListIndexRefreshTests), and no background index
    // build issues statements the interceptor could take for the request's.
    sealed class InterceptedApiFactory(string databasePath, IInterceptor interceptor) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:News", "Data Source=" + databasePath);
            builder.UseSetting("NewsApi:LoadSampleContent", "false");
            builder.UseSetting("NewsApi:ListIndex:Enabled", "false");
            builder.ConfigureTestServices(services => services.ConfigureDbContext<NewsDbContext>(options => options.AddInterceptors(interceptor)));
        }
    }
}
