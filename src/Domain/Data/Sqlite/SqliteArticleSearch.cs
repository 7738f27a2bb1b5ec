using Microsoft.EntityFrameworkCore;

namespace NewsApi.Domain.Data.Sqlite;

/// <summary>
/// Word-prefix search through an FTS5 index over Articles.SearchText (created and kept in step by
/// triggers in the ArticleSearch migration). The MATCH expression is built from our own words, each
/// quoted with a prefix star, so user text never reaches FTS5 syntax.
/// </summary>
static class SqliteArticleSearch
{
    // unicode61 folds case like our words; diacritics are kept, as they are in SearchText.
    public const string CreateSql = """
        CREATE VIRTUAL TABLE ArticleSearch USING fts5(SearchText, content='Articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0');
        CREATE TRIGGER Articles_Search_Insert AFTER INSERT ON Articles BEGIN
            INSERT INTO ArticleSearch (rowid, SearchText) VALUES (new.rowid, new.SearchText);
        END;
        CREATE TRIGGER Articles_Search_Delete AFTER DELETE ON Articles BEGIN
            INSERT INTO ArticleSearch (ArticleSearch, rowid, SearchText) VALUES ('delete', old.rowid, old.SearchText);
        END;
        CREATE TRIGGER Articles_Search_Update AFTER UPDATE OF SearchText ON Articles BEGIN
            INSERT INTO ArticleSearch (ArticleSearch, rowid, SearchText) VALUES ('delete', old.rowid, old.SearchText);
            INSERT INTO ArticleSearch (rowid, SearchText) VALUES (new.rowid, new.SearchText);
        END;
        INSERT INTO ArticleSearch (ArticleSearch) VALUES ('rebuild');
        """;

    public const string DropSql = """
        DROP TRIGGER Articles_Search_Update;
        DROP TRIGGER Articles_Search_Delete;
        DROP TRIGGER Articles_Search_Insert;
        DROP TABLE ArticleSearch;
        """;

    public static IQueryable<string> MatchingIds(NewsDbContext db, IReadOnlyList<string> words)
    {
        var match = string.Join(' ', words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*"));
        return db.Set<SearchHit>()
            .FromSqlRaw("SELECT a.Id FROM Articles AS a WHERE a.rowid IN (SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH {0})", match)
            .Select(h => h.Id);
    }
}
