using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Data;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// A load into an empty database drops the secondary indexes and suspends the full-text index, and
/// builds them once at the end; whatever happens in between, the schema a run leaves is the one the
/// migrations make, and the full-text index holds every article.
/// </summary>
public sealed class BulkLoadIndexTests : IDisposable
{
    readonly TempWorkspace _workspace = new();
    readonly TempWorkspace _migratedOnly = new();

    [Fact]
    public async Task AFirstLoadEndsWithExactlyTheMigratedSchema()
    {
        _workspace.CopyFrom(CorpusPaths.PowerAppsNews, "_news");
        await _workspace.Importer(new ImportSettings { BatchSize = 100 }).ImportAsync(_workspace.Content);

        Assert.Equal(await MigratedSchemaAsync(), Schema(_workspace));
        Assert.Equal("ok", Scalar(_workspace, "PRAGMA integrity_check"));
        AssertSearchIndexMatchesArticles(_workspace);
    }

    [Fact]
    public async Task ALoadStoppedBetweenBatchesLeavesIndexesThatTheNextRunRestores()
    {
        _workspace.CopyFrom(CorpusPaths.PowerAppsNews, "_news");
        using var stop = new CancellationTokenSource();
        var stopped = await Record.ExceptionAsync(() => _workspace.Importer(new ImportSettings { BatchSize = 100 })
            .ImportAsync(_workspace.Content, onBatch: _ => stop.Cancel(), ct: stop.Token));
        Assert.IsAssignableFrom<OperationCanceledException>(stopped);

        // Stopped mid-load: the rows of the committed batch are there, the secondary indexes and
        // their full-text entries are not.
        Assert.Equal(100L, Scalar(_workspace, "SELECT count(*) FROM Articles"));
        Assert.NotEqual(await MigratedSchemaAsync(), Schema(_workspace));
        Assert.DoesNotContain(Schema(_workspace), row => row.StartsWith("trigger Articles_Search_Insert", StringComparison.Ordinal));
        Assert.ThrowsAny<SqliteException>(() => AssertSearchIndexMatchesArticles(_workspace));

        var report = await _workspace.Importer().ImportAsync(_workspace.Content);
        Assert.Equal(100, report.Unchanged);
        Assert.Equal(await MigratedSchemaAsync(), Schema(_workspace));
        Assert.Equal("ok", Scalar(_workspace, "PRAGMA integrity_check"));
        AssertSearchIndexMatchesArticles(_workspace);
    }

    [Fact]
    public async Task AnIngestIntoADatabaseWithArticlesKeepsItsIndexesThroughout()
    {
        _workspace.CopyFrom(CorpusPaths.PowerAppsNews, "_news");
        await _workspace.Importer().ImportAsync(_workspace.Content);
        var expected = await MigratedSchemaAsync();
        var first = Directory.EnumerateFiles(_workspace.Content, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.Copy(first, Path.Combine(_workspace.Content, "_news", "zz-one-more.md"));

        var schemaAtEachBatch = new List<string[]>();
        await _workspace.Importer().ImportAsync(_workspace.Content, onBatch: _ => schemaAtEachBatch.Add(Schema(_workspace)));

        Assert.NotEmpty(schemaAtEachBatch);
        Assert.All(schemaAtEachBatch, schema => Assert.Equal(expected, schema));
        AssertSearchIndexMatchesArticles(_workspace);
    }

    async Task<string[]> MigratedSchemaAsync()
    {
        await using var db = _migratedOnly.OpenDb();
        await DatabaseSchema.MigrateAsync(db);
        return Schema(_migratedOnly);
    }

    static string[] Schema(TempWorkspace workspace) =>
        Query(workspace, "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name")
            .Select(row => (string)row).ToArray();

    // FTS5's own check, which with rank 1 also compares the index with the Articles rows it indexes:
    // SQLite reports a mismatch as a corrupt database.
    static void AssertSearchIndexMatchesArticles(TempWorkspace workspace)
    {
        using var connection = new SqliteConnection($"Data Source={workspace.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO ArticleSearch (ArticleSearch, rank) VALUES ('integrity-check', 1)";
        command.ExecuteNonQuery();
    }

    static object Scalar(TempWorkspace workspace, string sql) => Query(workspace, sql).Single();

    static List<object> Query(TempWorkspace workspace, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={workspace.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object>();
        while (reader.Read())
        {
            rows.Add(reader.GetValue(0));
        }

        return rows;
    }

    public void Dispose()
    {
        _workspace.Dispose();
        _migratedOnly.Dispose();
    }
}
