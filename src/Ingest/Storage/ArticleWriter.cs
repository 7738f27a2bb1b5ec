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
        // The article's columns one by one, to note where the provider images' JSON lands: the votes take it from there.
        var buffer = PackedRows.EmptyBuffer();
        if (_providerImagesColumn < 0)
        {
            _providerImagesColumn = _articles.Shape.IndexOf(nameof(Article.ProviderImages));
        }

        var providerImagesAt = 0;
        var columns = _articles.Shape.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            providerImagesAt = i == _providerImagesColumn ? buffer.WrittenCount : providerImagesAt;
            columns[i].Pack(article, buffer);
        }

        foreach (var topic in article.Topics)
        {
            _topics.Shape.Pack(topic, buffer);
        }

        foreach (var related in article.Related)
        {
            _related.Shape.Pack(related, buffer);
        }

        var packed = buffer.WrittenSpan.ToArray();
        return new(packed, article.Topics.Count, article.Related.Count,
            ArticleVotes.Of(article, (string)PackedRows.Read(packed, ref providerImagesAt)!));
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
