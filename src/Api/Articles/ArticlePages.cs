using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Articles.Index;
using NewsApi.Api.Articles.ListFile;
using NewsApi.Api.Common;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Articles;

/// <summary>The article list that <c>/api/articles</c>, a provider's and a topic's articles all serve.</summary>
public sealed class ArticlePages(NewsDbContext db, SnapshotVersion versions, CountCache counts, ArticleListIndexes indexes, ArticleListFiles files, ArticlePageCounts pageCounts)
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
    /// SQL. The page's items are then copied from the list file when it is of that version too, else
    /// their rows are read in full, in the same snapshot.
    /// </summary>
    public async Task<ArticlePage> PageAsync(ArticleScope scope, ArticleQuery query, HttpContext context, CancellationToken ct)
    {
        var version = await versions.CurrentAsync(ct);
        var page = indexes.At(version) is { } index
            ? await IndexedPageAsync(index, scope, query, ct)
            : ArticlePage.Rendered(await QueriedPageAsync(version, scope, query, ct));
        PageLinks.Add(context, page.Page, page.TotalPages);
        return page;
    }

    // The index gives the total and the page's rows; the list file, or one read by key, gives their items.
    async Task<ArticlePage> IndexedPageAsync(ArticleListIndex index, ArticleScope scope, ArticleQuery query, CancellationToken ct)
    {
        // Word by word: matching all the words is matching each (FTS5's words are ANDed too).
        var words = query.Words.Select(w => index.RowsMatching(w, word => ArticleSearch.MatchingKeys(db, [word]))).ToList();
        var (total, rows) = index.Find(scope, query, words);

        // The file holds each row of this version's index at the row's position, as the serializer
        // renders it: a page is then a few positioned reads, with no row read or rendered.
        if (files.Current is { } file && file.Version == index.Version)
        {
            pageCounts.FromListFile();
            return ArticlePage.Copied(file.Items, rows, query.Paging, total);
        }

        pageCounts.FromDatabase();
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

        return ArticlePage.Rendered(new PagedList<ArticleSummary>(items, query.Paging.Page, query.Paging.PageSize, total));
    }

    // The page's ids come from the sort's index alone, even deep in the list.
    async Task<PagedList<ArticleSummary>> QueriedPageAsync(long version, ArticleScope scope, ArticleQuery query, CancellationToken ct)
    {
        pageCounts.FromDatabase();
        var filtered = query.Filter(scope.Apply(db).AsNoTracking(), db);
        var total = await counts.GetOrCountAsync(version, scope.Key + "\u001d" + query.FilterKey, () => filtered.CountAsync(ct));
        var paging = query.Paging;
        if (paging.Offset >= total)
        {
            return new(Array.Empty<ArticleSummary>(), paging.Page, paging.PageSize, total);
        }

        var ids = await query.Order(filtered).Select(a => a.Id).Skip((int)paging.Offset).Take(paging.PageSize).ToListAsync(ct);
        var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(ArticleProjections.Summary).ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, ct);
        return new(ids.ConvertAll(id => ArticleProjections.ToSummary(rows[id])), paging.Page, paging.PageSize, total);
    }
}
