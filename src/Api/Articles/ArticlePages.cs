using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Articles.Index;
using NewsApi.Api.Common;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Articles;

/// <summary>The article list that <c>/api/articles</c>, a provider's and a topic's articles all serve.</summary>
public sealed class ArticlePages(NewsDbContext db, SnapshotVersion versions, CountCache counts, ArticleListIndexes indexes)
{
    public static bool TryRead(ArticleQueryParameters parameters, [NotNullWhen(true)] out ArticleQuery? query, [NotNullWhen(false)] out ValidationProblem? invalid)
    {
        var errors = new QueryErrors();
        query = ArticleQuery.Parse(parameters, errors);
        invalid = errors.Any ? Problems.Invalid(errors) : null;
        return invalid is null;
    }

    /// <summary>
    /// Whether the scope's provider or topic has published articles, for its 404; call it inside a
    /// <c>ReadSnapshot</c>. A key in the list index of this snapshot's version has some (the ingest
    /// counts a key's published articles in the batch that writes them); any other is asked of <paramref name="sql"/>.
    /// </summary>
    public async Task<bool> HasArticlesAsync(ArticleScope scope, Func<CancellationToken, Task<bool>> sql, CancellationToken ct)
    {
        var index = indexes.At(await versions.CurrentAsync(ct));
        var known = index is not null
            && (scope.ProviderKey is { } provider ? index.HasProvider(provider) : scope.TopicSlug is { } topic && index.HasTopic(topic));
        return known || await sql(ct);
    }

    /// <summary>
    /// A page of <paramref name="scope"/>; call it inside a <c>ReadSnapshot</c>. The total and the
    /// page's ids come from the list index when it was read at this snapshot's version, else from
    /// SQL; either way only the page's rows are then read in full, in the same snapshot.
    /// </summary>
    public async Task<Ok<PagedList<ArticleSummary>>> PageAsync(ArticleScope scope, ArticleQuery query, HttpContext context, CancellationToken ct)
    {
        var version = await versions.CurrentAsync(ct);
        var items = indexes.At(version) is { } index
            ? await IndexedPageAsync(index, scope, query, ct)
            : await QueriedPageAsync(version, scope, query, ct);
        var page = new PagedList<ArticleSummary>(items.Rows, query.Paging.Page, query.Paging.PageSize, items.Total);
        PageLinks.Add(context, page);
        return TypedResults.Ok(page);
    }

    // The index gives the total and the page's search keys; one read by key gives the rows.
    async Task<(int Total, List<ArticleSummary> Rows)> IndexedPageAsync(ArticleListIndex index, ArticleScope scope, ArticleQuery query, CancellationToken ct)
    {
        // Word by word: matching all the words is matching each (FTS5's words are ANDed too).
        var words = query.Words.Select(w => index.RowsMatching(w, word => ArticleSearch.MatchingKeys(db, [word]))).ToList();
        var (total, rows) = index.Find(scope, query, words);
        var keys = rows.ConvertAll(index.KeyOf);
        var found = await ArticleSearch.ListRowsByKeysAsync(db, keys, withTopics: !index.HasTopicNames, ct);
        var items = new List<ArticleSummary>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = found[keys[i]];
            if (index.HasTopicNames)
            {
                index.AddTopicNames(rows[i], row.Topics);
            }

            items.Add(ArticleProjections.ToSummary(row));
        }

        return (total, items);
    }

    // The page's ids come from the sort's index alone, even deep in the list.
    async Task<(int Total, List<ArticleSummary> Rows)> QueriedPageAsync(long version, ArticleScope scope, ArticleQuery query, CancellationToken ct)
    {
        var filtered = query.Filter(scope.Apply(db).AsNoTracking(), db);
        var total = await counts.GetOrCountAsync(version, scope.Key + "\u001d" + query.FilterKey, () => filtered.CountAsync(ct));
        var paging = query.Paging;
        if (paging.Offset >= total)
        {
            return (total, []);
        }

        var ids = await query.Order(filtered).Select(a => a.Id).Skip((int)paging.Offset).Take(paging.PageSize).ToListAsync(ct);
        var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(ArticleProjections.Summary).ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, ct);
        return (total, ids.ConvertAll(id => ArticleProjections.ToSummary(rows[id])));
    }
}
