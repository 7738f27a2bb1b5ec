using System.Text.Json;
using NewsApi.Domain.Articles;

namespace NewsApi.Domain.Data.Sqlite;

/// <summary>One published article's detail and related links read by id on statements prepared once per native connection (<see cref="SqlitePrepared"/>).</summary>
static class SqliteArticleDetails
{
    const string ArticleSql = """
        SELECT "Id", "Category", "Title", "Excerpt", "PublishedAtUtc", "Type", "Quality", "Heat", "WebUrl", "OriginalUrl",
               "AmpWebUrl", "CdnAmpWebUrl", "FeaturedContent", "ProviderName", "ProviderDomain", "ProviderImages",
               "Images", "RelatedCount", "ExtraJson"
        FROM "Articles" WHERE "Id" = ?1 AND "Published"
        """;

    const string TopicsSql = """
        SELECT "TopicSlug", "Name", "Position" FROM "ArticleTopics" WHERE "ArticleId" = ?1 ORDER BY "Position"
        """;

    const string RelatedSql = """
        SELECT "Position", "Title", "Excerpt", "PublishedAtUtc", "WebUrl", "Type", "Quality", "ProviderName", "ProviderDomain", "Images"
        FROM "RelatedLinks" WHERE "ArticleId" = ?1 ORDER BY "Position"
        """;

    const string RelatedPageSql = RelatedSql + " LIMIT ?2 OFFSET ?3";

    const string RelatedCountSql = """
        SELECT "RelatedCount" FROM "Articles" WHERE "Id" = ?1 AND "Published"
        """;

    /// <summary>The article, or null when no published article has the id; read on EF Core's open connection, so in its snapshot.</summary>
    public static ArticleDetailRow? Read(NewsDbContext db, string id)
    {
        var statements = SqlitePrepared.Of(db);
        ArticleDetailRow row;
        using (var s = statements.Start(ArticleSql, id))
        {
            if (!s.Step())
            {
                return null;
            }

            row = new ArticleDetailRow(
                s.Text(0)!, s.Text(1), s.Text(2)!, s.Text(3), s.Date(4), s.Text(5), s.Number(6), s.Number(7), s.Text(8), s.Text(9),
                s.Text(10), s.Text(11), s.Text(12), s.Text(13), s.Text(14), Images(s, 15),
                [], Images(s, 16), [], s.Int(17), s.Text(18));
        }

        using (var s = statements.Start(TopicsSql, id))
        {
            while (s.Step())
            {
                row.Topics.Add(new ArticleTopic { ArticleId = id, TopicSlug = s.Text(0)!, Name = s.Text(1)!, Position = s.Int(2) });
            }
        }

        // Most articles have no related links: their count says so without a query.
        if (row.RelatedCount > 0)
        {
            using var s = statements.Start(RelatedSql, id);
            while (s.Step())
            {
                row.Related.Add(Related(s, id));
            }
        }

        return row;
    }

    /// <summary>The published article's number of related links, or null when no published article has the id.</summary>
    public static int? RelatedCount(NewsDbContext db, string id)
    {
        using var s = SqlitePrepared.Of(db).Start(RelatedCountSql, id);
        return s.Step() ? s.Int(0) : null;
    }

    /// <summary>Related links <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="size"/> of the article, in file order.</summary>
    public static List<RelatedLink> RelatedPage(NewsDbContext db, string id, int offset, int size)
    {
        using var s = SqlitePrepared.Of(db).Start(RelatedPageSql, id);
        s.Bind(2, size);
        s.Bind(3, offset);
        var links = new List<RelatedLink>(size);
        while (s.Step())
        {
            links.Add(Related(s, id));
        }

        return links;
    }

    static RelatedLink Related(SqlitePrepared.Run s, string id) => new()
    {
        ArticleId = id, Position = s.Int(0), Title = s.Text(1), Excerpt = s.Text(2), PublishedAtUtc = s.Date(3), WebUrl = s.Text(4),
        Type = s.Text(5), Quality = s.Number(6), ProviderName = s.Text(7), ProviderDomain = s.Text(8), Images = Images(s, 9),
    };

    // An image list's JSON column, read from its UTF-8 bytes.
    static List<ImageInfo> Images(SqlitePrepared.Run s, int column) =>
        s.IsNull(column) ? [] : JsonSerializer.Deserialize<List<ImageInfo>>(s.Bytes(column), ImageJson.Options) ?? [];
}
