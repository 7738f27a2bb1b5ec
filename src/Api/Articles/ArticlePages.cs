using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Articles.Index;
using NewsApi.Api.Common;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Articles;

/// <summary>The article list that <c>/api/articles</c>, a provider's and a topic's articles all serve.</summary>
public sealed class ArticlePages(NewsDbContext db, CountCache counts, ArticleListIndexes indexes)
{
    public static bool TryRead(ArticleQueryParameters parameters, [NotNullWhen(true)] out ArticleQuery? query, [NotNullWhen(false)] out ValidationProblem? invalid)
    {
        var errors = new QueryErrors();
        query = ArticleQuery.Parse(parameters, errors);
        invalid = errors.Any ? Problems.Invalid(errors) : null;
        return invalid is null;
    }

    /// <summary>
    /// A page of <paramref name="scope"/>; call it inside a <c>ReadSnapshot</c>. The total and the
    /// page's ids come from the list index when it was read at this snapshot's version, else from
    /// SQL; either way only the page's rows are then read in full, in the same snapshot.
    /// </summary>
    public async Task<Ok<PagedList<ArticleSummary>>> PageAsync(ArticleScope scope, ArticleQuery query, HttpContext context, CancellationToken ct)
    {
        var version = await ContentVersions.CurrentAsync(db, ct);
        var (total, ids) = indexes.At(version) is { } index
            ? await IndexedIdsAsync(index, scope, query, ct)
            : await QueriedIdsAsync(version, scope, query, ct);
        var items = new List<ArticleSummary>();
        if (ids.Count > 0)
        {
            var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(ArticleProjections.Summary).ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, ct);
            items = ids.ConvertAll(id => rows[id].ToResponse());
        }

        var page = new PagedList<ArticleSummary>(items, query.Paging.Page, query.Paging.PageSize, total);
        PageLinks.Add(context, page);
        return TypedResults.Ok(page);
    }

    async Task<(int Total, List<string> Ids)> IndexedIdsAsync(ArticleListIndex index, ArticleScope scope, ArticleQuery query, CancellationToken ct)
    {
        // Word by word: matching all the words is matching each (FTS5's words are ANDed too).
        var words = query.Words.Select(w => index.RowsMatching(w, word => ArticleSearch.MatchingKeys(db, [word]))).ToList();
        var (total, rows) = index.Find(scope, query, words);
        var keys = rows.ConvertAll(index.KeyOf);
        var ids = await ArticleSearch.IdsByKeysAsync(db, keys, ct);
        return (total, keys.ConvertAll(k => ids[k]));
    }

    // The page's ids come from the sort's index alone, even deep in the list.
    async Task<(int Total, List<string> Ids)> QueriedIdsAsync(long version, ArticleScope scope, ArticleQuery query, CancellationToken ct)
    {
        var filtered = query.Filter(scope.Apply(db).AsNoTracking(), db);
        var total = await counts.GetOrCountAsync(version, scope.Key + "\u001d" + query.FilterKey, () => filtered.CountAsync(ct));
        var paging = query.Paging;
        if (paging.Offset >= total)
        {
            return (total, []);
        }

        var ids = await query.Order(filtered).Select(a => a.Id).Skip((int)paging.Offset).Take(paging.PageSize).ToListAsync(ct);
        return (total, ids);
    }
}
