using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsApi.Tests.Shared;

namespace NewsApi.CheckBodies;

/// <summary>What the database file says, read with plain SQL, never through the product's code.</summary>
sealed record Catalog(
    List<string> PublishedIds,
    List<string> UnpublishedIds,
    List<string> IdsWithRelated,
    List<(string Slug, string Name)> Topics,
    List<string> ProviderKeys,
    List<string> Types,
    List<string> Categories,
    int FirstYear,
    int LastYear);

sealed class Truth : IDisposable
{
    readonly SqliteConnection _db;

    public Truth(string file)
    {
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly }.ToString());
        _db.Open();
    }

    public void Dispose() => _db.Dispose();

    public Catalog LoadCatalog() => new(
        Strings("SELECT Id FROM Articles WHERE Published = 1 ORDER BY Id"),
        Strings("SELECT Id FROM Articles WHERE Published = 0 ORDER BY Id LIMIT 1000"),
        Strings("SELECT DISTINCT a.Id FROM Articles a JOIN RelatedLinks r ON r.ArticleId = a.Id WHERE a.Published = 1 ORDER BY a.Id LIMIT 10000"),
        Rows("SELECT t.Slug, t.Name FROM Topics t WHERE EXISTS (SELECT 1 FROM ArticleTopics x JOIN Articles a ON a.Id = x.ArticleId WHERE x.TopicSlug = t.Slug AND a.Published = 1) ORDER BY t.Slug",
            r => (r.GetString(0), r.GetString(1))),
        Strings("SELECT DISTINCT ProviderKey FROM Articles WHERE Published = 1 AND ProviderKey IS NOT NULL ORDER BY 1"),
        Strings("SELECT DISTINCT lower(Type) FROM Articles WHERE Published = 1 AND Type IS NOT NULL ORDER BY 1"),
        Strings("SELECT DISTINCT lower(Category) FROM Articles WHERE Published = 1 AND Category IS NOT NULL ORDER BY 1"),
        Year("SELECT min(PublishedAtUtc) FROM Articles WHERE Published = 1", 2015),
        Year("SELECT max(PublishedAtUtc) FROM Articles WHERE Published = 1", 2024));

    /// <summary>Fills in each case's expected status, total and page keys.</summary>
    public void Expect(List<Case> cases)
    {
        var matches = QMatches(cases.Where(c => c.Filter?.Q is not null).ToList());
        foreach (var c in cases)
        {
            if (c.Filter is { } filter)
            {
                ExpectArticlePage(c, filter, matches.GetValueOrDefault(c));
            }
        }
    }

    void ExpectArticlePage(Case c, ArticleFilter filter, List<string>? qMatches)
    {
        var parameters = new List<(string Name, object Value)>();
        var where = filter.Where(parameters);
        using var setup = _db.CreateCommand();
        setup.CommandText = "CREATE TEMP TABLE IF NOT EXISTS QMatch (Id TEXT PRIMARY KEY); DELETE FROM QMatch;";
        setup.ExecuteNonQuery();
        if (qMatches is not null)
        {
            using var transaction = _db.BeginTransaction();
            using var insert = _db.CreateCommand();
            insert.CommandText = "INSERT INTO QMatch (Id) VALUES (@id)";
            var id = insert.Parameters.Add("@id", SqliteType.Text);
            foreach (var match in qMatches)
            {
                id.Value = match;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            where += " AND a.Id IN (SELECT Id FROM QMatch)";
        }

        c.TotalCount = Scalar($"SELECT count(*) FROM Articles a WHERE {where}", parameters);
        var offset = (long)(c.Page - 1) * c.PageSize;
        c.Keys = Strings(
            $"SELECT a.Id FROM Articles a WHERE {where} ORDER BY {filter.OrderBy()} LIMIT {c.PageSize.ToString(CultureInfo.InvariantCulture)} OFFSET {offset.ToString(CultureInfo.InvariantCulture)}",
            parameters);
    }

    /// <summary>
    /// The published articles each q matches, by SPEC's rule (each word a whole word or a prefix of
    /// one in the title or the excerpt, case-insensitive), in one pass over the titles and excerpts.
    /// </summary>
    Dictionary<Case, List<string>> QMatches(List<Case> qCases)
    {
        var result = qCases.ToDictionary(c => c, _ => new List<string>());
        if (qCases.Count == 0)
        {
            return result;
        }

        var queries = qCases.Select(c => (Case: c, Words: ReferenceWords.Of(c.Filter!.Q!))).ToList();
        using var command = _db.CreateCommand();
        command.CommandText = "SELECT Id, Title, Excerpt FROM Articles WHERE Published = 1";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var tokens = ReferenceWords.Of(reader.GetString(1));
            if (!reader.IsDBNull(2))
            {
                tokens.AddRange(ReferenceWords.Of(reader.GetString(2)));
            }

            foreach (var (c, words) in queries)
            {
                if (words.Count > 0 && words.TrueForAll(w => tokens.Exists(t => t.StartsWith(w, StringComparison.Ordinal))))
                {
                    result[c].Add(reader.GetString(0));
                }
            }
        }

        return result;
    }

    public long Scalar(string sql, IEnumerable<(string Name, object Value)>? parameters = null)
    {
        using var command = Command(sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public string? Text(string sql, IEnumerable<(string Name, object Value)>? parameters = null)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar() as string;
    }

    public List<string> Strings(string sql, IEnumerable<(string Name, object Value)>? parameters = null) =>
        Rows(sql, r => r.GetString(0), parameters);

    public List<T> Rows<T>(string sql, Func<SqliteDataReader, T> read, IEnumerable<(string Name, object Value)>? parameters = null)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    int Year(string sql, int fallback) =>
        Text(sql) is { Length: >= 4 } text && int.TryParse(text.AsSpan(0, 4), CultureInfo.InvariantCulture, out var year) ? year : fallback;

    SqliteCommand Command(string sql, IEnumerable<(string Name, object Value)>? parameters)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters ?? [])
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
