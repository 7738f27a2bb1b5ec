using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using NewsApi.Tests.Shared;
using Xunit.Abstractions;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// The ingest as a child process on a large corpus, killed with SIGKILL at random moments spread over
/// its work (one of them while it creates the schema): after each kill the database is consistent and
/// every article it holds equals the uninterrupted run's, and the next run ends with the same content.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    const int Copies = 3;
    const int GeneratedArticles = 6000;
    readonly TempWorkspace _workspace = new();
    readonly TempWorkspace _reference = new();

    public void Dispose()
    {
        _workspace.Dispose();
        _reference.Dispose();
    }

    // The real collection copied under new ids (about 2,000 real front-matter files), beside a
    // generated corpus with what the real one lacks: related links, extra keys, non-Latin text.
    async Task WriteLargeCorpusAsync()
    {
        await GeneratedCorpus.WriteAsync(Path.Combine(_workspace.Content, "generated"), GeneratedArticles, seed: 5);
        var sources = Directory.GetFiles(CorpusPaths.PowerAppsNews, "*.md");
        for (var copy = 0; copy < Copies; copy++)
        {
            foreach (var source in sources)
            {
                var name = Path.GetFileNameWithoutExtension(source);
                _workspace.Write($"_news/{copy:D2}/{name}-{copy}.md", File.ReadAllText(source));
            }
        }
    }

    [Fact]
    public async Task KillingTheIngestAtRandomMomentsLeavesAConsistentDatabaseThatTheNextRunCompletes()
    {
        var total = Stopwatch.StartNew();
        await WriteLargeCorpusAsync();
        output.WriteLine($"corpus written in {total.Elapsed.TotalSeconds:F1} s");
        var watch = Stopwatch.StartNew();
        var clean = await IngestProcess.RunAsync(_workspace.Content, "--db", _reference.DatabasePath);
        var cleanDuration = watch.Elapsed;
        Assert.Equal(0, clean.ExitCode);
        output.WriteLine($"uninterrupted run: {clean.Stdout.Trim()} in {cleanDuration.TotalSeconds:F1} s");

        await KillWhenDatabaseAppearsAsync();
        AssertConsistentAndEqualToTheReference();

        // Each run resumes where the killed one stopped, so a kill after a fixed time may land after
        // all the work is done. Instead each run is killed a random moment into the batch after the
        // one that takes it past the next sixth of the articles.
        var articles = CountArticles(_reference.DatabasePath);
        var batchTime = cleanDuration / Math.Ceiling(articles / (double)new ImportSettings().BatchSize);
        var random = new Random(20261125);
        for (var sixth = 1; sixth <= 5; sixth++)
        {
            var delay = batchTime * random.NextDouble();
            await KillAfterCommittingAsync(articles * sixth / 6, delay);
            watch.Restart();
            var stored = AssertConsistentAndEqualToTheReference();
            output.WriteLine($"killed {delay.TotalSeconds:F1} s after passing {articles * sixth / 6} articles: {stored} stored, all equal to the reference (checked in {watch.Elapsed.TotalSeconds:F1} s)");
        }

        var final = await IngestProcess.RunAsync(_workspace.Content, "--db", _workspace.DatabasePath);
        output.WriteLine($"final run: {final.Stdout.Trim()}; test {total.Elapsed.TotalSeconds:F1} s in all");

        Assert.Equal(0, final.ExitCode);
        Assert.Equal(Dump(_reference.DatabasePath), Dump(_workspace.DatabasePath));
        using var connection = new SqliteConnection($"Data Source={_workspace.DatabasePath};Pooling=False");
        connection.Open();
        AssertSearchIndexMatchesArticles(connection);
    }

    // Throws when the full-text index differs from the articles it indexes.
    static void AssertSearchIndexMatchesArticles(SqliteConnection connection)
    {
        using var search = connection.CreateCommand();
        search.CommandText = "INSERT INTO ArticleSearch (ArticleSearch, rank) VALUES ('integrity-check', 1)";
        search.ExecuteNonQuery();
    }

    [Fact]
    public async Task AStaleMigrationLockLeftByAKilledRunDoesNotBlockTheNextRun()
    {
        _workspace.Write("_news/a.md", Articles.Markdown("A"));
        await using (var connection = new SqliteConnection(_workspace.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE __EFMigrationsLock (Id INTEGER PRIMARY KEY, Timestamp TEXT NOT NULL); INSERT INTO __EFMigrationsLock VALUES (1, '2026-01-01');";
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();

        var (exitCode, stdout, _) = await IngestProcess.RunAsync(_workspace.Content, "--db", _workspace.DatabasePath);

        Assert.Equal(0, exitCode);
        Assert.Equal("added 1, updated 0, unchanged 0, removed 0, rejected 0", stdout.TrimEnd());
    }

    async Task KillWhenDatabaseAppearsAsync()
    {
        using var process = IngestProcess.Start(_workspace.Content, "--db", _workspace.DatabasePath);
        var watch = Stopwatch.StartNew();
        while (!File.Exists(_workspace.DatabasePath) && !process.HasExited && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(1);
        }

        Kill(process);
    }

    async Task KillAfterCommittingAsync(int articles, TimeSpan delay)
    {
        using var process = IngestProcess.Start(_workspace.Content, "--db", _workspace.DatabasePath);
        var watch = Stopwatch.StartNew();
        while (!process.HasExited && CountArticles(_workspace.DatabasePath) < articles && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20);
        }

        await Task.Delay(delay);
        Kill(process);
    }

    // Read-only and unpooled, so polling neither writes nor keeps the file open; no schema yet counts as none.
    static int CountArticles(string databasePath)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
            connection.Open();
            return int.Parse(Scalar(connection, "SELECT count(*) FROM Articles"), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    static void Kill(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
    }

    // After any kill: the file is sound; before the schema is complete no article is stored; after,
    // every stored article equals the same id's article in the uninterrupted run's database (all
    // columns, topics and related links), the search index matches the articles, and the derived
    // provider and topic counts match the articles beside them.
    /// <summary>Returns the number of articles stored.</summary>
    int AssertConsistentAndEqualToTheReference()
    {
        if (!File.Exists(_workspace.DatabasePath))
        {
            return 0;
        }

        using var connection = new SqliteConnection(_workspace.ConnectionString + ";Pooling=False");
        connection.Open();
        Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
        using (var attach = connection.CreateCommand())
        {
            attach.CommandText = "ATTACH DATABASE $path AS reference";
            attach.Parameters.AddWithValue("$path", _reference.DatabasePath);
            attach.ExecuteNonQuery();
        }

        if (Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'") == "0"
            || Scalar(connection, "SELECT count(*) FROM __EFMigrationsHistory") != Scalar(connection, "SELECT count(*) FROM reference.__EFMigrationsHistory"))
        {
            Assert.True(Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'Articles'") == "0" || Scalar(connection, "SELECT count(*) FROM Articles") == "0");
            return 0;
        }

        Assert.Empty(RowsMissing(connection, "SELECT * FROM main.Articles", "SELECT * FROM reference.Articles"));
        foreach (var table in new[] { "ArticleTopics", "RelatedLinks" })
        {
            AssertSameRows(connection, $"SELECT * FROM main.{table}", $"SELECT * FROM reference.{table} WHERE ArticleId IN (SELECT Id FROM main.Articles)");
        }

        // A load into an empty database killed midway leaves full-text indexing suspended (its insert
        // trigger dropped) for the next run to rebuild; otherwise the index must match the articles.
        if (Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'Articles_Search_Insert'") == "1")
        {
            AssertSearchIndexMatchesArticles(connection);
        }

        Assert.Equal("0", Scalar(connection, "SELECT count(*) FROM Articles a WHERE a.RelatedCount <> (SELECT count(*) FROM RelatedLinks r WHERE r.ArticleId = a.Id)"));
        Assert.Equal("0", Scalar(connection, "SELECT count(*) FROM Articles a WHERE NOT EXISTS (SELECT 1 FROM ArticleTopics t WHERE t.ArticleId = a.Id)"));
        AssertSameRows(connection,
            "SELECT Key, ArticleCount FROM Providers WHERE ArticleCount <> 0",
            "SELECT ProviderKey, count(*) FROM Articles WHERE Published = 1 AND ProviderKey IS NOT NULL GROUP BY ProviderKey");
        AssertSameRows(connection,
            "SELECT Slug, ArticleCount FROM Topics WHERE ArticleCount <> 0",
            "SELECT x.TopicSlug, count(*) FROM ArticleTopics x JOIN Articles a ON a.Id = x.ArticleId WHERE a.Published = 1 GROUP BY x.TopicSlug");
        return int.Parse(Scalar(connection, "SELECT count(*) FROM Articles"), System.Globalization.CultureInfo.InvariantCulture);
    }

    static void AssertSameRows(SqliteConnection connection, string left, string right)
    {
        Assert.Empty(RowsMissing(connection, left, right));
        Assert.Empty(RowsMissing(connection, right, left));
    }

    /// <summary>The first column of up to five rows of <paramref name="rows"/> that <paramref name="from"/> lacks.</summary>
    static List<string> RowsMissing(SqliteConnection connection, string rows, string from)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM ({rows} EXCEPT {from}) LIMIT 5";
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    // Every table's rows in natural-key order (the schema has no surrogate ids).
    static string Dump(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        var dump = new StringBuilder();
        foreach (var (table, order) in new[]
        {
            ("Articles", "Id"), ("ArticleTopics", "ArticleId, TopicSlug"), ("RelatedLinks", "ArticleId, Position"), ("Providers", "Key"), ("Topics", "Slug"),
        })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY {order}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                dump.Append(table);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append('|').Append(reader.GetValue(i));
                }

                dump.Append('\n');
            }
        }

        return dump.ToString();
    }
}
