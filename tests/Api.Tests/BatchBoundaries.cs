using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsApi.Ingest;

namespace NewsApi.Api.Tests;

/// <summary>
/// The totals a reader may see while an ingest runs: the database's counts in the first state and
/// right after each committed batch, read on a connection of our own. The ingest waits while its
/// batch callback runs, so nothing moves while we count.
/// </summary>
sealed class BatchBoundaries : IDisposable
{
    public const string All = "all";
    public const string Topic = "topic";
    public const string Videos = "videos";

    readonly SqliteConnection _connection;

    BatchBoundaries(string databasePath)
    {
        _connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        _connection.Open();

        // A topic with a few dozen articles: its list fits one page of 100 in every state.
        using var command = Command("SELECT Slug, Name FROM Topics ORDER BY abs(ArticleCount - 40), Slug LIMIT 1");
        using var reader = command.ExecuteReader();
        reader.Read();
        TopicSlug = reader.GetString(0);
        TopicName = reader.GetString(1);
    }

    public string TopicSlug { get; }
    public string TopicName { get; }

    /// <summary>Each set's totals at the boundaries recorded so far.</summary>
    public Dictionary<string, HashSet<int>> Totals { get; } = new() { [All] = [], [Topic] = [], [Videos] = [] };

    public int Recorded { get; private set; }

    /// <summary>Batch reports whose published-article total differs from the database's.</summary>
    public List<string> WrongReports { get; } = [];

    public static BatchBoundaries Open(string databasePath) => new(databasePath);

    /// <summary>Records the current state: the first one, or the one <paramref name="batch"/> just committed.</summary>
    public void Record(BatchReport? batch = null)
    {
        var all = Count("SELECT count(*) FROM Articles WHERE Published = 1");
        Totals[All].Add(all);
        Totals[Topic].Add(Count("SELECT count(*) FROM Articles a WHERE a.Published = 1 AND EXISTS (SELECT 1 FROM ArticleTopics t WHERE t.ArticleId = a.Id AND t.TopicSlug = $slug)"));
        Totals[Videos].Add(Count("SELECT count(*) FROM Articles WHERE Published = 1 AND TypeKey = 'video'"));
        if (batch is not null && batch.PublishedArticles != all)
        {
            WrongReports.Add($"{batch} after {Recorded} boundaries; the database holds {all} published articles");
        }

        Recorded++;
    }

    int Count(string sql)
    {
        using var command = Command(sql);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        if (sql.Contains("$slug", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$slug", TopicSlug);
        }

        return command;
    }

    public void Dispose() => _connection.Dispose();
}
