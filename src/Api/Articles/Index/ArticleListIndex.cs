using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;
using NewsApi.Api.Common;

namespace NewsApi.Api.Articles.Index;

/// <summary>
/// The published articles of one content version, held as columns so that an article list's count
/// and page ids come from memory instead of an SQL count and OFFSET. Rows are numbered in the
/// default sort's order (newest first, undated last, ties by id), so that sort and any date range
/// are row ranges; every other sort is a permutation of the rows as the database orders it. Each
/// provider and topic keeps its rows ready to page in every sort (<see cref="KeyRows"/>), and each
/// row its topic names (<see cref="RowTopics"/>), so a page reads only its rows from the database. The
/// index knows articles by search key, not id; the caller turns a page's keys into ids.
/// </summary>
public sealed class ArticleListIndex
{
    readonly int[] _keyByRow;
    readonly KeyMap _rowByKey;
    readonly long[] _ticks;
    readonly NumberColumn _quality;
    readonly NumberColumn _heat;
    readonly KeyColumn _provider; // tested through the providers' KeyRows; here for Bytes
    readonly KeyColumn _type;
    readonly KeyColumn _category;
    readonly Dictionary<string, KeyRows> _providers;
    readonly Dictionary<string, KeyRows> _topics;
    readonly RowTopics? _topicNames;
    readonly int[]?[] _orders;
    readonly SortBlocks _blocks;

    // A word's matches, as rows: q's words come from a small vocabulary in practice, and a short
    // prefix costs the full-text index a merge of many terms (tens of ms at 100k articles). Bounded
    // (at most this many bitmaps of Count bits), and dropped with the index at the next version.
    readonly ConcurrentDictionary<string, ulong[]> _wordRows = new(StringComparer.Ordinal);
    const int MaxCachedWords = 64;

    internal ArticleListIndex(
        long version, int[] keyByRow, KeyMap rowByKey, long[] ticks, NumberColumn quality, NumberColumn heat,
        KeyColumn provider, KeyColumn type, KeyColumn category, Dictionary<string, KeyRows> providers, Dictionary<string, KeyRows> topics,
        RowTopics? topicNames, int[]?[] orders, SortBlocks blocks)
    {
        Version = version;
        _keyByRow = keyByRow;
        _rowByKey = rowByKey;
        _ticks = ticks;
        _quality = quality;
        _heat = heat;
        _provider = provider;
        _type = type;
        _category = category;
        _providers = providers;
        _topics = topics;
        _topicNames = topicNames;
        _orders = orders;
        _blocks = blocks;
    }

    /// <summary>The content version the index was read at: it answers for snapshots of that version only.</summary>
    public long Version { get; }

    /// <summary>Published articles.</summary>
    public int Count => _keyByRow.Length;

    /// <summary>The arrays' size (a close estimate of the managed memory the index holds).</summary>
    public long Bytes =>
        _keyByRow.Length * 4L + _rowByKey.Bytes + _ticks.Length * 8L + _quality.Bytes + _heat.Bytes
        + _provider.Bytes + _type.Bytes + _category.Bytes
        + _providers.Sum(p => p.Value.Bytes) + _topics.Sum(t => t.Value.Bytes) + (_topicNames?.Bytes ?? 0) + _orders.Sum(o => (o?.Length ?? 0) * 4L) + _blocks.Bytes;

    /// <summary>Providers and topics with published articles.</summary>
    public int Keys => _providers.Count + _topics.Count;

    /// <summary>Those of <see cref="Keys"/> whose rows are listed in every sort (the others are walked; see <see cref="KeyRows"/>).</summary>
    public int ListedKeys => _providers.Values.Count(k => k.IsListed) + _topics.Values.Count(k => k.IsListed);

    public int RowOf(long key) => _rowByKey.RowOf(key);

    /// <summary>
    /// The rows whose title or excerpt has a word starting with <paramref name="word"/>, from
    /// <paramref name="search"/> (the word's search keys, read in a snapshot of this index's version) or kept from an earlier call.
    /// </summary>
    public ulong[] RowsMatching(string word, Func<string, IEnumerable<long>> search)
    {
        if (_wordRows.TryGetValue(word, out var rows))
        {
            return rows;
        }

        rows = new ulong[RowBits.Words(Count)];
        foreach (var key in search(word))
        {
            if (RowOf(key) is var row and >= 0)
            {
                RowBits.Set(rows, row);
            }
        }

        if (_wordRows.Count >= MaxCachedWords)
        {
            foreach (var old in _wordRows.Keys)
            {
                _wordRows.TryRemove(old, out _);
                break;
            }
        }

        _wordRows[word] = rows;
        return rows;
    }

    public long KeyOf(int row) => _keyByRow[row];

    /// <summary>Whether the index knows each row's topic names (<see cref="AddTopicNames"/>), so a page's rows can be read without them.</summary>
    public bool HasTopicNames => _topicNames is not null;

    /// <summary>Adds the row's topic names, in its file's order, to <paramref name="names"/>.</summary>
    public void AddTopicNames(int row, List<string> names) => _topicNames!.AddTo(row, names);

    /// <summary>Whether a published article of this version has the provider.</summary>
    public bool HasProvider(string key) => _providers.ContainsKey(key);

    /// <summary>Whether a published article of this version has the topic.</summary>
    public bool HasTopic(string slug) => _topics.ContainsKey(slug);

    /// <summary>
    /// The total of <paramref name="scope"/> filtered by <paramref name="query"/>, and the rows of the
    /// requested page in the query's sort. <paramref name="words"/>: the rows each of the query's
    /// words matched (see <see cref="RowsMatching"/>); all of them must hold.
    /// </summary>
    public (int Total, List<int> Rows) Find(ArticleScope scope, ArticleQuery query, IReadOnlyList<ulong[]> words)
    {
        KeyRows? scoped = null;
        if ((scope.ProviderKey is { } scopeProvider && !_providers.TryGetValue(scopeProvider, out scoped))
            || (scope.TopicSlug is { } scopeTopic && !_topics.TryGetValue(scopeTopic, out scoped)))
        {
            return (0, []); // no published article has the key
        }

        var (from, to) = DateRows(query.From, query.To);
        var sort = SortIndex(query.Sort);
        var order = _orders[sort];
        var filtered = words.Count > 0
            || query.MinQuality is not null || query.MaxQuality is not null || query.MinHeat is not null || query.MaxHeat is not null
            || query.TopicSlugs.Count > 0 || query.ProviderKey is not null || query.TypeKey is not null || query.CategoryKey is not null;
        var whole = from == 0 && to == Count;
        if (!filtered && scoped is null && (order is null || whole))
        {
            return (to - from, Slice(order, from, to, query.Paging));
        }

        if (!filtered && whole)
        {
            return (scoped!.Count, scoped.Page(sort, order, (int)Math.Min(query.Paging.Offset, scoped.Count), query.Paging.PageSize));
        }

        var length = RowBits.Words(Count);
        var buffer = ArrayPool<ulong>.Shared.Rent(length);
        try
        {
            var bits = buffer.AsSpan(0, length);
            var candidates = Candidates(scoped, query);
            Filter(bits, from, to, scoped, candidates ?? (scope.TopicSlug is not null ? scoped : null), query, words);
            var total = RowBits.Count(bits);
            return (total, Page(order, candidates, sort, bits, query.Paging, total));
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    static int SortIndex(string sort)
    {
        for (var i = 1; i < ArticleQuery.Sorts.Count; i++)
        {
            if (string.Equals(ArticleQuery.Sorts[i], sort, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return 0;
    }

    // A listed key that holds every row the filters can keep (the scope's, the provider filter's or
    // a single topic filter's), the fewest: a sorted page then walks those rows, not the permutation.
    KeyRows? Candidates(KeyRows? scoped, ArticleQuery query)
    {
        var best = scoped is { IsListed: true } ? scoped : null;
        if (query.ProviderKey is { } key && _providers.TryGetValue(key, out var provider) && provider.IsListed && provider.Count < (best?.Count ?? int.MaxValue))
        {
            best = provider;
        }

        if (query.TopicSlugs is [var slug] && _topics.TryGetValue(slug, out var topic) && topic.IsListed && topic.Count < (best?.Count ?? int.MaxValue))
        {
            best = topic;
        }

        return best;
    }

    // Starts from the fewest rows known to hold every result (a listed key's, the scope topic's,
    // else the date range), then clears the rows each other test fails: the sets first, so that the
    // column tests after them skip most words.
    void Filter(Span<ulong> bits, int from, int to, KeyRows? scoped, KeyRows? start, ArticleQuery query, IReadOnlyList<ulong[]> words)
    {
        // With no smaller start set, the first word's rows are copied in and trimmed to the dates,
        // rather than the dates' range filled and then and'ed with them.
        var firstWord = start is null && words.Count > 0;
        if (firstWord)
        {
            words[0].CopyTo(bits);
            RowBits.KeepRange(bits, from, to);
        }
        else if (start is null)
        {
            bits.Clear();
            RowBits.SetRange(bits, from, to);
        }
        else
        {
            bits.Clear();
            start.AddTo(bits);
            RowBits.KeepRange(bits, from, to);
        }

        if (scoped is not null && scoped != start)
        {
            scoped.KeepIn(bits);
        }

        for (var i = firstWord ? 1 : 0; i < words.Count; i++)
        {
            RowBits.And(bits, words[i]);
        }

        if (query.TopicSlugs.Count > 0 && !(query.TopicSlugs is [var only] && start is not null && _topics.GetValueOrDefault(only) == start))
        {
            KeepAnyTopic(bits, query.TopicSlugs);
        }

        if (query.ProviderKey is { } provider)
        {
            if (!_providers.TryGetValue(provider, out var rows))
            {
                bits.Clear();
            }
            else if (rows != start)
            {
                rows.KeepIn(bits);
            }
        }

        if (query.TypeKey is { } type)
        {
            _type.KeepEqual(bits, type);
        }

        if (query.CategoryKey is { } category)
        {
            _category.KeepEqual(bits, category);
        }

        _quality.KeepInRange(bits, query.MinQuality, query.MaxQuality);
        _heat.KeepInRange(bits, query.MinHeat, query.MaxHeat);
    }

    // Any of the topics: their rows' union, then the intersection.
    void KeepAnyTopic(Span<ulong> bits, IReadOnlyList<string> slugs)
    {
        var scratch = ArrayPool<ulong>.Shared.Rent(bits.Length);
        try
        {
            var set = scratch.AsSpan(0, bits.Length);
            set.Clear();
            foreach (var slug in slugs)
            {
                if (_topics.TryGetValue(slug, out var topic))
                {
                    topic.AddTo(set);
                }
            }

            RowBits.And(bits, set);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(scratch);
        }
    }

    // Rows [from, to) in row order, or a slice of a sort's permutation of all rows.
    static List<int> Slice(int[]? order, int from, int to, PageRequest paging)
    {
        var rows = new List<int>(paging.PageSize);
        var first = from + paging.Offset;
        for (var i = first; i < to && i < first + paging.PageSize; i++)
        {
            rows.Add(order is null ? (int)i : order[i]);
        }

        return rows;
    }

    /// <summary>
    /// The page's rows of the set <paramref name="bits"/>: in row order a walk over its words (whole
    /// words skipped by their bit count); in another sort a walk over <paramref name="candidates"/>'
    /// rows in that sort when they hold the whole set, else by the sort's blocks when the set is
    /// sparse, else a walk over the sort's permutation, which turns to blocks if the set's rows lie
    /// further along it than their density said.
    /// </summary>
    List<int> Page(int[]? order, KeyRows? candidates, int sort, ReadOnlySpan<ulong> bits, PageRequest paging, int total)
    {
        var rows = new List<int>(paging.PageSize);
        if (paging.Offset >= total)
        {
            return rows;
        }

        var skip = (int)paging.Offset;
        var take = Math.Min(paging.PageSize, total - skip);
        if (order is null)
        {
            for (var word = 0; rows.Count < take; word++)
            {
                var set = bits[word];
                var count = BitOperations.PopCount(set);
                if (skip >= count)
                {
                    skip -= count;
                    continue;
                }

                for (; set != 0 && rows.Count < take; set &= set - 1)
                {
                    if (skip > 0)
                    {
                        skip--;
                        continue;
                    }

                    rows.Add((word << 6) + BitOperations.TrailingZeroCount(set));
                }
            }

            return rows;
        }

        // A page in the second half is found from the end, backwards: a random page then walks a
        // quarter of the permutation (or of the candidates) on average instead of half.
        var after = total - skip - take;
        var backwards = after < skip;
        var pass = backwards ? after : skip;
        var length = candidates?.Count ?? order.Length;
        if (candidates is null && _blocks.Pays(total, pass, take, length))
        {
            _blocks.Page(sort, order, bits, skip, take, rows);
            return rows;
        }

        var limit = candidates is null ? _blocks.WalkLimit(total, take, length) : length;
        for (var i = 0; i < length; i++)
        {
            if (i == limit)
            {
                rows.Clear();
                _blocks.Page(sort, order, bits, skip, take, rows);
                return rows;
            }

            var at = backwards ? length - 1 - i : i;
            var row = candidates is not null ? candidates.RowAt(sort, at) : order[at];
            if (!RowBits.Has(bits, row))
            {
                continue;
            }

            if (pass > 0)
            {
                pass--;
                continue;
            }

            rows.Add(row);
            if (rows.Count == take)
            {
                break;
            }
        }

        if (backwards)
        {
            rows.Reverse();
        }

        return rows;
    }

    /// <summary>Rows [from, to) published in [<paramref name="after"/>, <paramref name="before"/>): a range, as rows are newest first.</summary>
    (int From, int To) DateRows(DateTime? after, DateTime? before)
    {
        if (after is null && before is null)
        {
            return (0, Count);
        }

        // Undated rows fail any date test, as NULL does in SQL; dated rows come first.
        var from = before is { } b ? DatedAtOrAfter(b.Ticks) : 0;
        var to = after is { } a ? DatedAtOrAfter(a.Ticks) : _ticks.Length;
        return (from, Math.Max(from, to));
    }

    // The number of leading rows dated at or after the instant; _ticks never increases.
    int DatedAtOrAfter(long ticks)
    {
        int low = 0, high = _ticks.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_ticks[middle] >= ticks)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
