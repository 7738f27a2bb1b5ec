using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Articles;
using NewsApi.Domain.Data;
using NewsApi.Ingest.Storage;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// Every way <see cref="BulkInsert{T}"/> writes a row must store what EF Core's typed parameters on a
/// command store, the same values of the same types: values bound by position on SQLite's own
/// statement, and the ingest's rows packed beside the parsing (<see cref="PackedRows"/>), bound by
/// position or unpacked onto a command.
/// </summary>
public sealed class BulkInsertTests : IDisposable
{
    readonly TempWorkspace _source = new();
    readonly TempWorkspace _positional = new();
    readonly TempWorkspace _packed = new();
    readonly TempWorkspace _packedCommands = new();
    readonly TempWorkspace _commands = new();

    enum Way { Commands, Positional, Packed, PackedCommands }

    [Fact]
    public async Task PositionalAndCommandInsertsStoreTheCorpusIdentically()
    {
        var articles = await CorpusArticlesAsync();
        Assert.True(articles.Count > 100, $"{articles.Count} articles in the corpus");
        await AssertStoredIdenticallyAsync(articles);
    }

    // Text is bound as UTF-8 by position and by Microsoft.Data.Sqlite's commands: the empty text must
    // stay text, not NULL, text longer than the statement's first buffer must be whole, and a lone
    // surrogate must become what the commands make of it.
    [Theory]
    [InlineData("")]
    [InlineData("naïve café, 東京, Ελληνικά, עברית, 😀")]
    [InlineData("lone \uD800 high and \uDC00 low surrogates")]
    [InlineData("long")]
    public async Task PositionalAndCommandInsertsStoreTextIdentically(string text)
    {
        text = text == "long" ? string.Concat(Enumerable.Repeat("é😀x", 3_000)) : System.Text.RegularExpressions.Regex.Unescape(text);
        var articles = (await CorpusArticlesAsync()).Take(3).ToList();
        foreach (var article in articles)
        {
            article.Excerpt = text;
            article.Title = text + article.Title;
        }

        await AssertStoredIdenticallyAsync(articles);
        await using var db = _packed.OpenDb();
        Assert.All(await db.Articles.Select(a => a.Excerpt).ToListAsync(), excerpt => Assert.Equal(text.Length == 0 ? "" : Utf8RoundTrip(text), excerpt));
    }

    static string Utf8RoundTrip(string text) => System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text));

    async Task<List<Article>> CorpusArticlesAsync()
    {
        if (!File.Exists(_source.DatabasePath))
        {
            await _source.Importer().ImportAsync(CorpusPaths.Corpus);
        }

        await using var db = _source.OpenDb();
        return await db.Articles.AsNoTracking().Include(a => a.Topics).Include(a => a.Related).OrderBy(a => a.Id).ToListAsync();
    }

    async Task AssertStoredIdenticallyAsync(List<Article> articles)
    {
        await WriteAsync(_commands, articles, Way.Commands);
        foreach (var (workspace, way) in new[] { (_positional, Way.Positional), (_packed, Way.Packed), (_packedCommands, Way.PackedCommands) })
        {
            await WriteAsync(workspace, articles, way);
            await AssertSameRowsAsync(workspace, articles);
        }
    }

    async Task AssertSameRowsAsync(TempWorkspace written, List<Article> articles)
    {
        await using var connection = new SqliteConnection($"Data Source={written.DatabasePath}");
        await connection.OpenAsync();
        await using var attach = connection.CreateCommand();
        attach.CommandText = $"ATTACH '{_commands.DatabasePath}' AS other";
        await attach.ExecuteNonQueryAsync();
        foreach (var table in new[] { "Articles", "ArticleTopics", "RelatedLinks" })
        {
            Assert.Equal(table == "Articles" ? articles.Count : articles.Sum(a => table == "ArticleTopics" ? a.Topics.Count : a.Related.Count),
                await ScalarAsync(connection, $"SELECT count(*) FROM main.{table}"));
            // EXCEPT tells 1 from '1' and 1.0: a value stored with another type counts as a difference.
            foreach (var (left, right) in new[] { ("main", "other"), ("other", "main") })
            {
                Assert.Equal(0, await ScalarAsync(connection, $"SELECT count(*) FROM (SELECT * FROM {left}.{table} EXCEPT SELECT * FROM {right}.{table})"));
            }
        }
    }

    static async Task WriteAsync(TempWorkspace workspace, List<Article> articles, Way way)
    {
        await using var db = workspace.OpenDb();
        await db.Database.OpenConnectionAsync();
        await DatabaseSchema.MigrateAsync(db);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var dbTransaction = Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(transaction);
        if (way is Way.Packed or Way.PackedCommands)
        {
            await using var writer = new ArticleWriter(db, positional: way == Way.Packed);
            foreach (var article in articles)
            {
                await writer.InsertAsync(writer.Rows(article), dbTransaction, CancellationToken.None);
            }
        }
        else
        {
            await using var articleRows = new BulkInsert<Article>(db, positional: way == Way.Positional);
            await using var topicRows = new BulkInsert<ArticleTopic>(db, positional: way == Way.Positional);
            await using var relatedRows = new BulkInsert<RelatedLink>(db, positional: way == Way.Positional);
            foreach (var article in articles)
            {
                await articleRows.InsertAsync(article, dbTransaction, CancellationToken.None);
                foreach (var topic in article.Topics)
                {
                    await topicRows.InsertAsync(topic, dbTransaction, CancellationToken.None);
                }

                foreach (var related in article.Related)
                {
                    await relatedRows.InsertAsync(related, dbTransaction, CancellationToken.None);
                }
            }
        }

        await transaction.CommitAsync();
    }

    static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        _source.Dispose();
        _positional.Dispose();
        _packed.Dispose();
        _packedCommands.Dispose();
        _commands.Dispose();
    }
}
