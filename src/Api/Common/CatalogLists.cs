using System.Collections.Concurrent;

namespace NewsApi.Api.Common;

/// <summary>
/// The providers' or topics' list of one content version, read whole in the database's order of
/// each sort (they are small: a row per provider or topic) the first time a request of that
/// version asks, then filtered and paged in memory. A request reads the list in its own snapshot
/// and uses it only at that snapshot's version, so a page and its total always come from one state.
/// </summary>
public sealed class CatalogLists<T>
{
    /// <summary>One item, with the lower-cased name that <c>q</c> is looked for in.</summary>
    public readonly record struct Entry(string? NameKey, T Item);

    sealed record Version(long Number, ConcurrentDictionary<string, Entry[]> BySort);

    volatile Version? _current;

    /// <summary>A page of the items of <paramref name="version"/> whose name contains q, in <paramref name="query"/>'s sort.</summary>
    public async Task<PagedList<T>> PageAsync(long version, CatalogQuery query, Func<string, Task<List<Entry>>> readSorted)
    {
        var current = _current;
        if (current?.Number != version)
        {
            current = new Version(version, new ConcurrentDictionary<string, Entry[]>(StringComparer.Ordinal));
            _current = current;
        }

        if (!current.BySort.TryGetValue(query.Sort, out var sorted))
        {
            sorted = [.. await readSorted(query.Sort)];
            current.BySort[query.Sort] = sorted;
        }

        // Ordinal, as SQLite's instr() compares: the same matches as the query this replaced.
        var matching = query.NameContains is { } name
            ? Array.FindAll(sorted, e => e.NameKey is not null && e.NameKey.Contains(name, StringComparison.Ordinal))
            : sorted;
        var paging = query.Paging;
        var items = paging.Offset >= matching.Length
            ? []
            : matching.AsSpan((int)paging.Offset, (int)Math.Min(paging.PageSize, matching.Length - paging.Offset)).ToArray();
        return new PagedList<T>(Array.ConvertAll(items, e => e.Item), paging.Page, paging.PageSize, matching.Length);
    }
}
