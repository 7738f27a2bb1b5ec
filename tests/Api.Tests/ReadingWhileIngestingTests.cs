using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using NewsApi.Domain;
using NewsApi.Ingest;
using Xunit.Abstractions;

namespace NewsApi.Api.Tests;

/// <summary>
/// The API serving while the ingest writes the same SQLite file: readers go round the API's reads
/// while an in-process ingest adds, changes and removes thousands of generated articles in small
/// batches. No read fails or stalls, and every answer comes from one committed state.
/// </summary>
public sealed class ReadingWhileIngestingTests(ITestOutputHelper output) : IDisposable
{
    const int ArticlesPerKind = 1000;
    const int Readers = 4;
    readonly string _folder = Path.Combine(Path.GetTempPath(), "newsapi-api-tests-" + Guid.NewGuid().ToString("N"));

    string DatabasePath => Path.Combine(_folder, "news.db");

    [Fact]
    public async Task ReadersNeverFailAndSeeOnlyCommittedBatchesWhileAnIngestAddsChangesAndRemovesThousandsOfArticles()
    {
        var total = Stopwatch.StartNew();
        var content = await ChurnedContent.CreateAsync(_folder, ArticlesPerKind);
        var importer = new Importer(DataServiceCollectionExtensions.CreateOptions("Data Source=" + DatabasePath), new ImportSettings { BatchSize = 250 });
        await importer.ImportAsync(content.Root);
        output.WriteLine($"content generated and first state ingested in {total.Elapsed.TotalSeconds:F1} s");
        using var boundaries = BatchBoundaries.Open(DatabasePath);
        await using var api = new ReadOnlyApiFactory(DatabasePath);
        var client = api.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        var articleUrls = ReadLoad.ArticleUrls(new[] { content.ChangedIds, content.RemovedIds, content.AddedIds, content.UnchangedIds }
            .SelectMany(ids => ids.Where((_, i) => i % 50 == 0)));
        var before = await AnswersAsync(client, articleUrls);
        boundaries.Record();
        content.Churn();

        var load = new ReadLoad(client, boundaries, articleUrls);
        var started = new TaskCompletionSource();
        var ingestDone = new TaskCompletionSource();
        var reading = load.RunAsync(Readers, started, ingestDone.Task);
        await Task.WhenAny(started.Task, reading);
        var watch = Stopwatch.StartNew();
        ImportReport report;
        try
        {
            report = await importer.ImportAsync(content.Root, onBatch: boundaries.Record);
        }
        finally
        {
            ingestDone.SetResult();
        }

        var ingestTime = watch.Elapsed;
        await reading;
        var after = await AnswersAsync(client, articleUrls);

        output.WriteLine($"second ingest {ingestTime.TotalSeconds:F1} s, {boundaries.Recorded} states; {load.Requests} requests by {Readers} readers, slowest {load.Slowest.TotalMilliseconds:F0} ms; " +
            string.Join(", ", boundaries.Totals.Keys.Select(set => $"{set}: {load.Totals.Keys.Count(k => k.Set == set)} of {boundaries.Totals[set].Count} totals seen")) +
            $"; test {total.Elapsed.TotalSeconds:F1} s in all");
        Assert.Equal("added 1000, updated 1000, unchanged 1000, removed 1000, rejected 0", report.Summary);
        Assert.Empty(boundaries.WrongReports);
        Assert.All(boundaries.Totals[BatchBoundaries.Topic], total => Assert.InRange(total, 1, 100));
        Assert.Empty(load.Failures.Take(10));
        Assert.All(load.Totals.Keys, seen => Assert.Contains(seen.Total, boundaries.Totals[seen.Set]));
        Assert.All(load.ArticleAnswers.Keys, seen => Assert.True(
            seen.Answer == before[seen.Url] || seen.Answer == after[seen.Url],
            $"{seen.Url} answered neither its state before the ingest nor after it: {HttpHelpers.Brief(seen.Answer)}"));
        Assert.Contains(articleUrls, url => before[url] != after[url]);
    }

    static async Task<Dictionary<string, string>> AnswersAsync(HttpClient client, IEnumerable<string> urls)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var url in urls)
        {
            answers[url] = await ReadLoad.AnswerAsync(client, url);
        }

        return answers;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere: the temp folder is left for the OS to clean.
        }
    }

    // Read-only: a write the API attempted would fail its request, so no read can hold a write lock.
    sealed class ReadOnlyApiFactory(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:News", $"Data Source={databasePath};Mode=ReadOnly");
            builder.UseSetting("NewsApi:LoadSampleContent", "false");
        }
    }
}
