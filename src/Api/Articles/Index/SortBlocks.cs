using System.Numerics;

namespace NewsApi.Api.Articles.Index;

/// <summary>
/// Each row's block in each sort: which run of entries of the sort's permutation holds it, one byte
/// per row and sort (at most 256 blocks: of 4,096 entries at 1,000,000 articles). A page of a sparse
/// set of rows in a sort (a rare word, narrow filters) then counts the set's rows per block and walks
/// only the blocks that hold the page, instead of the permutation up to it (~1 ms a million entries).
/// </summary>
sealed class SortBlocks
{
    const int MaxBlocks = 256;

    readonly int _shift;
    readonly byte[]?[] _blocks;

    SortBlocks(int shift, byte[]?[] blocks)
    {
        _shift = shift;
        _blocks = blocks;
    }

    public long Bytes => _blocks.Sum(b => b?.LongLength ?? 0);

    /// <summary>
    /// The blocks of each sort's permutation in <paramref name="orders"/> (null for the default sort,
    /// which needs none) over <paramref name="count"/> rows: 256 blocks or fewer, of the fewest
    /// entries (a power of two) that makes so.
    /// </summary>
    public static SortBlocks Build(IReadOnlyList<int[]?> orders, int count)
    {
        var shift = 0;
        while ((Math.Max(count - 1L, 0) >> shift) >= MaxBlocks)
        {
            shift++;
        }

        var blocks = new byte[]?[orders.Count];
        for (var s = 0; s < orders.Count; s++)
        {
            if (orders[s] is { } order)
            {
                var blockOf = new byte[count];
                for (var i = 0; i < order.Length; i++)
                {
                    blockOf[order[i]] = (byte)(i >> shift);
                }

                blocks[s] = blockOf;
            }
        }

        return new SortBlocks(shift, blocks);
    }

    /// <summary>
    /// Whether a page of a set of <paramref name="total"/> rows among <paramref name="length"/> is
    /// cheaper found by blocks than by walking the permutation past <paramref name="pass"/> of the
    /// set's rows, if they are spread evenly (their span at the set's density).
    /// </summary>
    public bool Pays(int total, int pass, int take, int length) =>
        (pass + take) * (double)length / total > WalkLimit(total, take, length);

    /// <summary>
    /// How many entries of the permutation a walk may pass before finding the page by blocks would
    /// have cost less (twice their cost: a pass over the set, then about a block and the page's own
    /// span): a walk that gets that far gives up for blocks, as the set's rows may lie far along
    /// the sort (a word of titles that sort last) where their density said they were near.
    /// </summary>
    public long WalkLimit(int total, int take, int length)
    {
        var density = (double)total / length;
        return 2 * (long)(total + (1L << _shift) + Math.Min(take / density, (take + 1L) << _shift));
    }

    /// <summary>
    /// Adds rows [<paramref name="skip"/>, <paramref name="skip"/> + <paramref name="take"/>) of the set
    /// <paramref name="bits"/> in sort <paramref name="sort"/>, whose permutation is <paramref name="order"/>, to <paramref name="page"/>.
    /// </summary>
    public void Page(int sort, int[] order, ReadOnlySpan<ulong> bits, int skip, int take, List<int> page)
    {
        var blockOf = _blocks[sort] ?? throw new ArgumentException("The default sort has no blocks: its rows are in order.", nameof(sort));
        Span<int> counts = stackalloc int[MaxBlocks];
        counts.Clear();
        for (var word = 0; word < bits.Length; word++)
        {
            for (var set = bits[word]; set != 0; set &= set - 1)
            {
                counts[blockOf[(word << 6) + BitOperations.TrailingZeroCount(set)]]++;
            }
        }

        var block = 0;
        var pass = skip;
        while (block < MaxBlocks && pass >= counts[block])
        {
            pass -= counts[block++];
        }

        for (; block < MaxBlocks && page.Count < take; block++)
        {
            // A block with none of the set's rows is skipped; a walk stops at the block's last one.
            var left = counts[block];
            for (var i = block << _shift; left > 0 && page.Count < take; i++)
            {
                var row = order[i];
                if (!RowBits.Has(bits, row))
                {
                    continue;
                }

                left--;
                if (pass > 0)
                {
                    pass--;
                    continue;
                }

                page.Add(row);
            }
        }
    }
}
