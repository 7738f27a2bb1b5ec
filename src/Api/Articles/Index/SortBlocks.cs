using System.Numerics;

namespace NewsApi.Api.Articles.Index;

/// <summary>
/// Each row's place in each sort, coarse and fine: which run of entries of the sort's permutation
/// holds it (a block: at most 256 per sort, of 4,096 entries at 1,000,000 articles) and which short
/// run within that (a fine block: at most 65,536 per sort, of 16 entries there), two bytes per row and
/// sort. A page of a sparse set of rows in a sort (a rare word, narrow filters) then counts the set's
/// rows per block, and walks only the fine blocks that hold the page's rows where a block holds few,
/// instead of the permutation up to the page (~1 ms a million entries) or whole blocks.
/// </summary>
sealed class SortBlocks
{
    const int MaxBlocks = 256;
    const int MaxFineBlocks = 65_536;

    readonly int _shift;
    readonly int _fineShift;
    readonly ushort[]?[] _fineBlocks;

    SortBlocks(int shift, int fineShift, ushort[]?[] fineBlocks)
    {
        _shift = shift;
        _fineShift = fineShift;
        _fineBlocks = fineBlocks;
    }

    public long Bytes => _fineBlocks.Sum(b => b?.LongLength * sizeof(ushort) ?? 0);

    /// <summary>
    /// The blocks of each sort's permutation in <paramref name="orders"/> (null for the default sort,
    /// which needs none) over <paramref name="count"/> rows: 256 blocks or fewer, and 65,536 fine
    /// blocks or fewer, each of the fewest entries (a power of two) that makes so.
    /// </summary>
    public static SortBlocks Build(IReadOnlyList<int[]?> orders, int count)
    {
        var shift = ShiftFor(count, MaxBlocks);
        var fineShift = ShiftFor(count, MaxFineBlocks);
        var blocks = new ushort[]?[orders.Count];
        for (var s = 0; s < orders.Count; s++)
        {
            if (orders[s] is { } order)
            {
                var fineBlockOf = new ushort[count];
                for (var i = 0; i < order.Length; i++)
                {
                    fineBlockOf[order[i]] = (ushort)(i >> fineShift);
                }

                blocks[s] = fineBlockOf;
            }
        }

        return new SortBlocks(shift, fineShift, blocks);
    }

    // The smallest shift that numbers count entries in at most max runs.
    static int ShiftFor(int count, int max)
    {
        var shift = 0;
        while ((Math.Max(count - 1L, 0) >> shift) >= max)
        {
            shift++;
        }

        return shift;
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
    /// have cost less (twice their cost): a walk that gets that far gives up for blocks, as the set's
    /// rows may lie far along the sort (a word of titles that sort last) where their density said they were near.
    /// </summary>
    public long WalkLimit(int total, int take, int length) => 2 * Cost(total, take, length);

    // A page by blocks, in entries of a walk: a pass over the set's rows, then about a block and the
    // page's own span; or, where blocks hold few of its rows, a second pass (the set's words cost
    // about half an entry each) and the fine blocks of the page's rows and of those before it in its first block.
    long Cost(int total, int take, int length)
    {
        var density = (double)total / length;
        var perBlock = density * (1L << _shift);
        return IsSparse((int)Math.Min(perBlock, int.MaxValue))
            ? (long)(2 * total + length / 64.0 + (take + perBlock) * (1L << _fineShift))
            : (long)(total + (1L << _shift) + Math.Min(take / density, (take + 1L) << _shift));
    }

    /// <summary>
    /// Adds rows [<paramref name="skip"/>, <paramref name="skip"/> + <paramref name="take"/>) of the set
    /// <paramref name="bits"/> in sort <paramref name="sort"/>, whose permutation is <paramref name="order"/>, to <paramref name="page"/>.
    /// </summary>
    public void Page(int sort, int[] order, ReadOnlySpan<ulong> bits, int skip, int take, List<int> page)
    {
        var fineBlockOf = _fineBlocks[sort] ?? throw new ArgumentException("The default sort has no blocks: its rows are in order.", nameof(sort));
        var toBlock = _shift - _fineShift;
        Span<int> counts = stackalloc int[MaxBlocks];
        counts.Clear();
        for (var word = 0; word < bits.Length; word++)
        {
            for (var set = bits[word]; set != 0; set &= set - 1)
            {
                counts[fineBlockOf[(word << 6) + BitOperations.TrailingZeroCount(set)] >> toBlock]++;
            }
        }

        // The page lies in blocks [first, last]; pass of the set's rows in block first come before it.
        var first = 0;
        var pass = skip;
        while (first < MaxBlocks && pass >= counts[first])
        {
            pass -= counts[first++];
        }

        var last = first;
        for (var held = 0; last < MaxBlocks - 1 && (held += counts[last]) < pass + take; last++)
        {
        }

        var fine = FineBlocksOfSparseBlocks(fineBlockOf, bits, counts, first, last, toBlock);
        var next = 0;
        for (var block = first; block <= last && block < MaxBlocks && page.Count < take; block++)
        {
            if (counts[block] == 0)
            {
                continue;
            }

            if (!IsSparse(counts[block]))
            {
                Walk(order, bits, block << _shift, (block + 1) << _shift, counts[block], ref pass, take, page);
                continue;
            }

            // Each fine block of this block that holds some of the set's rows, in order, walked once.
            for (; next < fine.Length && fine[next] >> toBlock == block && page.Count < take; next++)
            {
                if (next == 0 || fine[next] != fine[next - 1])
                {
                    Walk(order, bits, fine[next] << _fineShift, (fine[next] + 1) << _fineShift, int.MaxValue, ref pass, take, page);
                }
            }
        }
    }

    // A block whose few rows are cheaper found by their fine blocks (sorted first) than by a walk over all its entries.
    bool IsSparse(int count) => (long)count << (_fineShift + 1) <= 1L << _shift;

    // The fine blocks of the set's rows that lie in the sparse blocks of [first, last], sorted.
    ushort[] FineBlocksOfSparseBlocks(ushort[] fineBlockOf, ReadOnlySpan<ulong> bits, ReadOnlySpan<int> counts, int first, int last, int toBlock)
    {
        var size = 0;
        for (var block = first; block <= last && block < MaxBlocks; block++)
        {
            size += IsSparse(counts[block]) ? counts[block] : 0;
        }

        if (size == 0)
        {
            return [];
        }

        var fine = new ushort[size];
        var at = 0;
        for (var word = 0; word < bits.Length && at < size; word++)
        {
            for (var set = bits[word]; set != 0; set &= set - 1)
            {
                var fineBlock = fineBlockOf[(word << 6) + BitOperations.TrailingZeroCount(set)];
                var block = fineBlock >> toBlock;
                if (block >= first && block <= last && IsSparse(counts[block]))
                {
                    fine[at++] = fineBlock;
                }
            }
        }

        Array.Sort(fine);
        return fine;
    }

    // Walks entries [from, to) of the permutation, passing over the first pass rows of the set and
    // adding the next ones to the page, until left rows of the set were seen or the page is full.
    static void Walk(int[] order, ReadOnlySpan<ulong> bits, int from, int to, int left, ref int pass, int take, List<int> page)
    {
        for (var i = from; i < to && i < order.Length && left > 0 && page.Count < take; i++)
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
