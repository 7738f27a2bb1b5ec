using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Articles;

namespace NewsApi.Ingest.Storage;

/// <summary>
/// An article's row, then its topic rows, then its related-link rows, packed as the values the
/// database stores (<see cref="PackedRows"/>), and its catalog votes.
/// </summary>
sealed record ArticleRows(byte[] Packed, int Topics, int Related, ArticleVotes Votes);

/// <summary>
/// Writes articles with their topics and related links. Converting an article to its rows
/// (<see cref="Rows"/>: getters, value converters, image JSON, UTF-8) may run on any thread, so the
/// ingest does it beside the parsing and leaves the single writer only the binding and SQLite's work.
/// </summary>
sealed class ArticleWriter(DbContext db, bool positional = true) : IAsyncDisposable
{
    readonly BulkInsert<Article> _articles = new(db, positional: positional);
    readonly BulkInsert<ArticleTopic> _topics = new(db, positional: positional);
    readonly BulkInsert<RelatedLink> _related = new(db, positional: positional);
    int _providerImagesColumn = -1;

    public ArticleRows Rows(Article article)
    {
        var row = _articles.Shape.Values(article);
        if (_providerImagesColumn < 0)
        {
            _providerImagesColumn = _articles.Shape.IndexOf(nameof(Article.ProviderImages));
        }

        var rows = new List<object?[]>(1 + article.Topics.Count + article.Related.Count) { row };
        foreach (var topic in article.Topics)
        {
            rows.Add(_topics.Shape.Values(topic));
        }

        foreach (var related in article.Related)
        {
            rows.Add(_related.Shape.Values(related));
        }

        return new(PackedRows.Pack(rows), article.Topics.Count, article.Related.Count,
            ArticleVotes.Of(article, (string)row[_providerImagesColumn]!));
    }

    public async Task InsertAsync(ArticleRows rows, DbTransaction transaction, CancellationToken ct)
    {
        var offset = await _articles.InsertAsync(rows.Packed, 0, transaction, ct);
        for (var i = 0; i < rows.Topics; i++)
        {
            offset = await _topics.InsertAsync(rows.Packed, offset, transaction, ct);
        }

        for (var i = 0; i < rows.Related; i++)
        {
            offset = await _related.InsertAsync(rows.Packed, offset, transaction, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _articles.DisposeAsync();
        await _topics.DisposeAsync();
        await _related.DisposeAsync();
    }
}
