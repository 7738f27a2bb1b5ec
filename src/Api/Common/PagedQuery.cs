using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace NewsApi.Api.Common;

public static class PagedQuery
{
    /// <summary>Counts, then fetches the requested page only when it can hold rows.</summary>
    public static async Task<PagedList<TResult>> ToPageAsync<TEntity, TRow, TResult>(
        this IQueryable<TEntity> filtered,
        Func<IQueryable<TEntity>, IOrderedQueryable<TEntity>> order,
        Expression<Func<TEntity, TRow>> projection,
        Func<TRow, TResult> toResponse,
        PageRequest paging,
        CancellationToken ct)
    {
        var total = await filtered.CountAsync(ct);
        if (paging.Offset >= total)
        {
            return new PagedList<TResult>([], paging.Page, paging.PageSize, total);
        }

        var rows = await order(filtered).Skip((int)paging.Offset).Take(paging.PageSize).Select(projection).ToListAsync(ct);
        return new PagedList<TResult>(rows.ConvertAll(r => toResponse(r)), paging.Page, paging.PageSize, total);
    }
}
