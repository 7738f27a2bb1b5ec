using Microsoft.Extensions.Caching.Memory;

namespace NewsApi.Api.Common;

/// <summary>
/// Exact totals without recounting: a filtered set's count is cached under the content version it
/// was counted in (read in the same snapshot as the page), so a new ingest batch makes new keys and
/// an old total is never served with a new page. Old entries just age out.
/// </summary>
public sealed class CountCache : IDisposable
{
    readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    public async Task<int> GetOrCountAsync(long version, string set, Func<Task<int>> count)
    {
        var key = (version, set);
        if (_cache.TryGetValue(key, out int total))
        {
            return total;
        }

        total = await count();
        _cache.Set(key, total, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return total;
    }

    public void Dispose() => _cache.Dispose();
}
