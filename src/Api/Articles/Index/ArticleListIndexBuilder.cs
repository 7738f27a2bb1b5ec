using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using NewsApi.Domain.Articles;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Articles.Index;

/// <summary>
/// Reads an <see cref="ArticleListIndex"/> from the database; call it inside a <c>ReadSnapshot</c>,
/// so the version and every column come from one snapshot. Each read is an ordered scan of one of
/// the sort and filter indexes the lists already use (the search keys come with every row), never
/// of the wide article rows.
/// </summary>
static class ArticleListIndexBuilder
{
    /// <param name="listedShare">see <see cref="KeyRows.Build"/>: a provider or topic with fewer rows than this share keeps them listed in every sort.</param>
    public static async Task<ArticleListIndex> BuildAsync(NewsDbContext db, double listedShare, CancellationToken ct)
    {
        var version = await ContentVersions.CurrentAsync(db, ct);

        // Rows in the default sort: newest first (DateDescKey is minus the ticks), undated last.
        var keys = new List<int>();
        var ticks = new List<long>();
        foreach (var (key, dateDescKey) in Keys<long>(db, nameof(Article.DateDescKey), ArticleQuery.SortColumns(ArticleQuery.Sorts[0])))
        {
            keys.Add(checked((int)key));
            if (dateDescKey != long.MaxValue)
            {
                ticks.Add(-dateDescKey);
            }
        }

        var keyByRow = keys.ToArray();
        keys = null;
        var map = new KeyMap(keyByRow);
        var orders = new int[]?[ArticleQuery.Sorts.Count];
        NumberColumn? quality = null, heat = null;
        for (var s = 1; s < orders.Length; s++)
        {
            var sort = ArticleQuery.Sorts[s];
            ct.ThrowIfCancellationRequested();

            // The ascending quality and heat keys are the values themselves (see SortKey): read with their sort.
            var valueProperty = sort switch { "quality" => nameof(Article.QualityAscKey), "heat" => nameof(Article.HeatAscKey), _ => null };
            var order = new int[keyByRow.Length];
            var values = valueProperty is null ? null : Padded<int>(keyByRow.Length);
            var present = valueProperty is null ? null : new ulong[RowBits.Words(keyByRow.Length)];
            var i = 0;
            foreach (var (key, value) in Keys<long>(db, valueProperty, ArticleQuery.SortColumns(sort)))
            {
                var row = Row(map, key);
                order[i++] = row;
                if (values is not null && value != long.MaxValue)
                {
                    values[row] = checked((int)value);
                    RowBits.Set(present, row);
                }
            }

            Expect(i == keyByRow.Length, $"sort {sort} read {i} articles, the default sort {keyByRow.Length}");
            orders[s] = order;
            if (values is not null)
            {
                var column = new NumberColumn(values, present!);
                (quality, heat) = sort == "quality" ? (column, heat) : (quality, column);
            }
        }

        var (provider, providerValues) = Keyed(db, map, keyByRow.Length, nameof(Article.ProviderKey));
        var type = Keyed(db, map, keyByRow.Length, nameof(Article.TypeKey)).Column;
        var category = Keyed(db, map, keyByRow.Length, nameof(Article.CategoryKey)).Column;
        var (topics, topicNames) = Topics(db, map, keyByRow.Length);

        var providerRows = RowsByNumber(providerValues, keyByRow.Length, provider.Numbers.Count);
        var providerKeys = provider.Numbers.ToList();
        var topicKeys = topics.ToList();
        var built = KeyRows.Build(
            [.. providerKeys.Select(p => new KeyRows.Source(providerRows[p.Value], provider, p.Value)), .. topicKeys.Select(t => new KeyRows.Source(t.Value, null, 0))],
            keyByRow.Length, orders, listedShare);
        var providers = providerKeys.Select((p, i) => (p.Key, Rows: built[i])).ToDictionary(p => p.Key, p => p.Rows, StringComparer.Ordinal);
        var topicRows = topicKeys.Select((t, i) => (t.Key, Rows: built[providerKeys.Count + i])).ToDictionary(t => t.Key, t => t.Rows, StringComparer.Ordinal);
        var blocks = SortBlocks.Build(orders, keyByRow.Length);
        return new ArticleListIndex(version, keyByRow, map, [.. ticks], quality!, heat!, provider, type, category, providers, topicRows, topicNames, orders, blocks);
    }

    // Each number's rows, ascending (number 0, no key, is left out).
    static int[][] RowsByNumber(int[] values, int count, int numbers)
    {
        var sizes = new int[numbers + 1];
        for (var row = 0; row < count; row++)
        {
            sizes[values[row]]++;
        }

        var rows = new int[numbers + 1][];
        for (var n = 0; n <= numbers; n++)
        {
            rows[n] = new int[n == 0 ? 0 : sizes[n]];
            sizes[n] = 0;
        }

        for (var row = 0; row < count; row++)
        {
            if (values[row] is var n and > 0)
            {
                rows[n][sizes[n]++] = row;
            }
        }

        return rows;
    }

    // The key's own filter index, (key, DateDescKey, Id) over published articles, ordered so SQLite scans it.
    static (KeyColumn Column, int[] Values) Keyed(NewsDbContext db, KeyMap map, int count, string property)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = Padded<int>(count);
        var order = new[] { (property, false), (nameof(Article.DateDescKey), false), (nameof(Article.Id), false) };
        string? last = null;
        var number = 0;
        foreach (var (key, value) in Keys<string>(db, property, order))
        {
            if (value is null)
            {
                continue;
            }

            if (!string.Equals(value, last, StringComparison.Ordinal))
            {
                last = value;
                if (!numbers.TryGetValue(value, out number))
                {
                    number = numbers.Count + 1;
                    numbers.Add(value, number);
                }
            }

            values[Row(map, key)] = number;
        }

        return (new KeyColumn(numbers, values), values);
    }

    static (Dictionary<string, int[]> Rows, RowTopics? Names) Topics(NewsDbContext db, KeyMap map, int count)
    {
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var names = new RowTopics.Builder(count);
        foreach (var (slug, key, name, position) in ArticleSearch.TopicKeys(db))
        {
            var row = map.RowOf(key);
            if (row < 0)
            {
                continue; // an unpublished article's topic
            }

            (CollectionsMarshal.GetValueRefOrAddDefault(postings, slug, out _) ??= []).Add(row);
            names.Add(row, position, name);
        }

        var topics = new Dictionary<string, int[]>(postings.Count, StringComparer.Ordinal);
        foreach (var (slug, list) in postings)
        {
            var array = list.ToArray();
            Array.Sort(array);
            topics.Add(slug, array);
        }

        return (topics, names.Build());
    }

    static IEnumerable<(long Key, T? Value)> Keys<T>(NewsDbContext db, string? valueProperty, IReadOnlyList<(string Property, bool Descending)> order) =>
        ArticleSearch.PublishedKeys<T>(db, valueProperty, order);

    static int Row(KeyMap map, long key)
    {
        var row = map.RowOf(key);
        Expect(row >= 0, $"search key {key} is in one sort of the published articles but not in the default sort");
        return row;
    }

    // Whole 64-row words, so a word's values load as vectors; the padding rows are in no set.
    static T[] Padded<T>(int count) => new T[RowBits.Words(count) * 64];

    static void Expect([DoesNotReturnIf(false)] bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The list index could not be read consistently: " + problem);
        }
    }
}
