using System.Numerics;

namespace NewsApi.Api.Articles.Index;

/// <summary>
/// Each row's place in each sort, coarse and fine: which run of entries of the sort's permutation
/// holds it (a block: at most 256 per sort, of 4,096 entries at 1,000,000 articles) and which short
/// run within that (a fine block: at most 65,536 per sort, of 16 entries there), two bytes per row and
/// sort. A page of a sparse set of rows in a sort (a rare word, narrow filters) then counts the set's
/// rows per block, and walks only the blocks that hold the page, instead of the permutation up to it
/// (~1 ms a million entries); or, when its rows are so few that the page spans many blocks, only the
/// fine blocks that hold them.
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

    // A page by blocks, in entries of a walk: a pass over the set's rows, then the cheaper of about a
    // block and the page's own span, or a second pass (its words cost about half an entry each) and
    // the fine blocks of the page's rows and of those before it in its first block.
    long Cost(int total, int take, int length)
    {
        var density = (double)total / length;
        var blocks = (1L << _shift) + Math.Min(take / density, (take + 1L) << _shift);
        var fine = total + length / 128.0 + (take + density * (1L << _shift)) * (1L << _fineShift);
        return (long)(total + Math.Min(blocks, fine));
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

        // Whole blocks, or a second pass over the set for the fine blocks of its rows there when
        // that costs fewer entries (the set is sparse, and its page spans blocks).
        var (blocks, rows, total) = (0, 0, 0);
        foreach (var count in counts)
        {
            total += count;
        }

        for (var block = first; block <= last && block < MaxBlocks; block++)
        {
            blocks += counts[block] > 0 ? 1 : 0;
            rows += counts[block];
        }

        if ((long)blocks << _shift <= total + bits.Length / 2 + ((long)rows << _fineShift))
        {
            for (var block = first; block <= last && block < MaxBlocks && page.Count < take; block++)
            {
                Walk(order, bits, block << _shift, (block + 1) << _shift, counts[block], ref pass, take, page);
            }

            return;
        }

        // Each fine block that holds some of the set's rows, in order, walked once.
        var fine = FineBlocks(fineBlockOf, bits, rows, first, last, toBlock);
        for (var i = 0; i < fine.Length && page.Count < take; i++)
        {
            if (i == 0 || fine[i] != fine[i - 1])
            {
                Walk(order, bits, fine[i] << _fineShift, (fine[i] + 1) << _fineShift, int.MaxValue, ref pass, take, page);
            }
        }
    }

    // The fine blocks of the set's rows in blocks [first, last] (rows of them), sorted.
    static ushort[] FineBlocks(ushort[] fineBlockOf, ReadOnlySpan<ulong> bits, int rows, int first, int last, int toBlock)
    {
        var fine = new ushort[rows];
        var at = 0;
        for (var word = 0; word < bits.Length && at < rows; word++)
        {
            for (var set = bits[word]; set != 0; set &= set - 1)
            {
                var fineBlock = fineBlockOf[(word << 6) + BitOperations.TrailingZeroCount(set)];
                if (fineBlock >> toBlock is var block && block >= first && block <= last)
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
