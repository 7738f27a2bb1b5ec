namespace NewsApi.Domain.Data.Sqlite;

/// <summary>A list page's rows read by search key on statements prepared once per native connection (<see cref="SqlitePrepared"/>).</summary>
static class SqliteListRows
{
    const string RowSql = """
        SELECT "Id", "Category", "Title", "Excerpt", "PublishedAtUtc", "Type", "Quality", "Heat",
               "WebUrl", "OriginalUrl", "ProviderName", "ProviderDomain", "Images", "RelatedCount"
        FROM "Articles" WHERE rowid = ?1
        """;

    const string TopicsSql = """
        SELECT t."Name" FROM "Articles" AS a JOIN "ArticleTopics" AS t ON t."ArticleId" = a."Id"
        WHERE a.rowid = ?1 ORDER BY t."Position"
        """;

    /// <summary>
    /// The list columns of each key's article (a key with no article is left out), read on EF Core's
    /// open connection, so in its snapshot.
    /// </summary>
    public static Dictionary<long, ArticleListRow> Read(NewsDbContext db, IReadOnlyList<long> keys, bool withTopics)
    {
        var statements = SqlitePrepared.Of(db);
        var rows = new Dictionary<long, ArticleListRow>(keys.Count);
        foreach (var key in keys)
        {
            if (Row(statements, key) is { } row)
            {
                if (withTopics)
                {
                    using var topics = statements.Start(TopicsSql, key);
                    while (topics.Step())
                    {
                        row.Topics.Add(topics.Text(0)!);
                    }
                }

                rows[key] = row;
            }
        }

        return rows;
    }

    static ArticleListRow? Row(SqlitePrepared statements, long key)
    {
        using var s = statements.Start(RowSql, key);
        return s.Step()
            ? new ArticleListRow(
                s.Text(0)!, s.Text(1), s.Text(2)!, s.Text(3), s.Date(4), s.Text(5), s.Number(6), s.Number(7),
                s.Text(8), s.Text(9), s.Text(10), s.Text(11), [],
                s.IsNull(12) ? null : ImageJson.First(s.Bytes(12)),
                s.Int(13))
            : null;
    }
}
