using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Data;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// A list page's rows, read by search key on statements kept prepared on the connection's handle,
/// hold what EF Core's own query of the same articles gives, on real content, however often the
/// pooled connection is closed and opened again in between.
/// </summary>
public sealed class ListRowsByKeysTests : IDisposable
{
    readonly TempWorkspace _workspace = new();

    [Fact]
    public async Task RowsByKeyMatchEfCoresReadOfTheSameArticlesAcrossReopenedConnections()
    {
        _workspace.CopyFrom(CorpusPaths.PowerAppsNews, "_news");
        await _workspace.Importer().ImportAsync(_workspace.Content);
        var expected = await ExpectedAsync();
        var keys = expected.Keys.Order().ToList();
        Assert.True(keys.Count > 100);
        Assert.Contains(expected.Values, row => row.Topics.Count > 1);
        Assert.Contains(expected.Values, row => row.Image is not null);
        Assert.Contains(expected.Values, row => row.Image is null);

        var shuffled = keys.OrderBy(k => (k * 7919) % 1013).ToList();
        var missing = keys[^1] + 1000;
        for (var start = 0; start < shuffled.Count; start += 20)
        {
            // A new context per page: its connection opens from the pool (the same handle, statements kept) and closes again.
            await using var db = _workspace.OpenDb();
            await db.Database.OpenConnectionAsync();
            var page = shuffled.Skip(start).Take(20).Append(missing).ToList();

            var withTopics = await ArticleSearch.ListRowsByKeysAsync(db, page, withTopics: true, CancellationToken.None);
            var withoutTopics = await ArticleSearch.ListRowsByKeysAsync(db, page, withTopics: false, CancellationToken.None);

            Assert.Equal(page.Count - 1, withTopics.Count);
            Assert.False(withTopics.ContainsKey(missing));
            foreach (var key in page.SkipLast(1))
            {
                Assert.Equal(Comparable(expected[key]), Comparable(withTopics[key]));
                Assert.Equal(Comparable(expected[key] with { Topics = [] }), Comparable(withoutTopics[key]));
            }
        }
    }

    // EF Core's projection of every article, by its rowid.
    async Task<Dictionary<long, ArticleListRow>> ExpectedAsync()
    {
        await using var db = _workspace.OpenDb();
        var rows = await db.Articles.AsNoTracking()
            .Select(a => new ArticleListRow(
                a.Id, a.Category, a.Title, a.Excerpt, a.PublishedAtUtc, a.Type, a.Quality, a.Heat, a.WebUrl, a.OriginalUrl,
                a.ProviderName, a.ProviderDomain, a.Topics.OrderBy(t => t.Position).Select(t => t.Name).ToList(),
                ArticleListRow.First(a.Images), a.RelatedCount))
            .ToDictionaryAsync(r => r.Id, StringComparer.Ordinal);
        await using var connection = new SqliteConnection(_workspace.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid, Id FROM Articles";
        await using var reader = await command.ExecuteReaderAsync();
        var byKey = new Dictionary<long, ArticleListRow>();
        while (await reader.ReadAsync())
        {
            byKey[reader.GetInt64(0)] = rows[reader.GetString(1)];
        }

        return byKey;
    }

    // Records compare their lists and images by reference: compare their JSON instead, with the date's kind.
    static string Comparable(ArticleListRow row) =>
        JsonSerializer.Serialize(row, ImageJson.Options) + row.PublishedAtUtc?.Kind;

    public void Dispose() => _workspace.Dispose();
}
