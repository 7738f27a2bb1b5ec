using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Articles;

namespace NewsApi.Ingest.Storage;

/// <summary>An article's row with its topic and related-link rows, as the values the database stores, and its catalog votes.</summary>
sealed record ArticleRows(object?[] Row, object?[][] Topics, object?[][] Related, ArticleVotes Votes);

/// <summary>
/// Writes articles with their topics and related links. Converting an article to its rows
/// (<see cref="Rows"/>: getters, value converters, image JSON) may run on any thread, so the ingest
/// does it beside the parsing and leaves the single writer only the binding and SQLite's work.
/// </summary>
sealed class ArticleWriter(DbContext db) : IAsyncDisposable
{
    readonly BulkInsert<Article> _articles = new(db);
    readonly BulkInsert<ArticleTopic> _topics = new(db);
    readonly BulkInsert<RelatedLink> _related = new(db);
    int _providerImagesColumn = -1;

    public ArticleRows Rows(Article article)
    {
        var row = _articles.Shape.Values(article);
        if (_providerImagesColumn < 0)
        {
            _providerImagesColumn = _articles.Shape.IndexOf(nameof(Article.ProviderImages));
        }

        return new(row, [.. article.Topics.Select(_topics.Shape.Values)], [.. article.Related.Select(_related.Shape.Values)],
            ArticleVotes.Of(article, (string)row[_providerImagesColumn]!));
    }

    public async Task InsertAsync(ArticleRows rows, DbTransaction transaction, CancellationToken ct)
    {
        await _articles.InsertAsync(rows.Row, transaction, ct);
        foreach (var topic in rows.Topics)
        {
            await _topics.InsertAsync(topic, transaction, ct);
        }

        foreach (var related in rows.Related)
        {
            await _related.InsertAsync(related, transaction, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _articles.DisposeAsync();
        await _topics.DisposeAsync();
        await _related.DisposeAsync();
    }
}
