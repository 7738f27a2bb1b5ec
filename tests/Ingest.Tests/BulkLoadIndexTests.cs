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

    [Fact]
    public async Task IndexesBuiltFromSortsSpilledInRunsAreWholeAndTheWritersSettingsAreBack()
    {
        await using var db = _workspace.OpenDb();
        await db.Database.OpenConnectionAsync();
        await DatabaseSchema.MigrateAsync(db);
        await DatabaseSchema.PrepareForBulkWritesAsync(db);
        await DatabaseSchema.DropSecondaryIndexesAsync(db);

        // Keys of ~3 MB per sort index: more than one 1 MB sort buffer, so the build merges runs.
        await db.Database.ExecuteSqlRawAsync("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
            INSERT INTO Articles (Id, Title, TitleKey, Published, ProviderImages, Images, SearchText, RelatedCount,
                DateAscKey, DateDescKey, QualityAscKey, QualityDescKey, HeatAscKey, HeatDescKey,
                SourceLength, SourceModifiedTicks, SourcePath, SourceHash)
            SELECT printf('%s-%d', hex(randomblob(20)), i), 'T', lower(hex(randomblob(12))), i % 10 <> 0, '[]', '[]', 'word', 0,
                random(), random(), random() % 200, random() % 200, random() % 100, random() % 100,
                1, 1, 'p' || i, 'h'
            FROM n
            """);
        await DatabaseSchema.CreateMissingIndexesAsync(db);

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        Assert.Equal(-16384L, ConnectionScalar(connection, "PRAGMA cache_size"));
        Assert.Equal(0L, ConnectionScalar(connection, "PRAGMA threads"));
        Assert.Equal("ok", ConnectionScalar(connection, "PRAGMA integrity_check"));
        Assert.Equal(27000L, ConnectionScalar(connection, "SELECT count(*) FROM Articles INDEXED BY IX_Articles_HeatDescKey_Id WHERE Published AND HeatDescKey >= -1000"));
    }

    static object? ConnectionScalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
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
