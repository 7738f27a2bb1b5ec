namespace NewsApi.Api.Articles.Index;

/// <summary>
/// The rows of one provider or topic, kept so that a page of them in any sort costs about a page
/// rather than a walk of the sort's permutation up to the page (~3 ms of CPU for a deep page at
/// 1,000,000 articles). A key with few rows is <em>listed</em>: its rows ascending (the default
/// sort) and, for each other sort, the order of those rows as 16-bit positions. A key with many rows
/// is <em>walked</em>: a membership test (the provider column, or a bitmap) and, per sort, how many
/// of its rows fall in each block of <see cref="BlockRows"/> entries of the sort's permutation, so a
/// page jumps to its block and walks at most one block plus the page's own span.
/// </summary>
sealed class KeyRows
{
    const int BlockShift = 10;
    public const int BlockRows = 1 << BlockShift;

    readonly int _total;
    readonly int[]? _rows;
    readonly ushort[]?[]? _positions;
    readonly ulong[]? _bits;
    readonly KeyColumn? _column;
    readonly int _number;
    readonly ushort[][]? _blocks;

    KeyRows(int total, int count, int[]? rows, ushort[]?[]? positions, ulong[]? bits, KeyColumn? column, int number, ushort[][]? blocks)
    {
        _total = total;
        Count = count;
        _rows = rows;
        _positions = positions;
        _bits = bits;
        _column = column;
        _number = number;
        _blocks = blocks;
    }

    /// <summary>The key's rows (of published articles).</summary>
    public int Count { get; }

    /// <summary>Whether the rows are listed in every sort (so <see cref="RowAt"/> works), rather than walked.</summary>
    public bool IsListed => _rows is not null;

    public long Bytes =>
        (_rows?.Length ?? 0) * 4L + (_positions?.Sum(p => p?.Length ?? 0) ?? 0) * 2L
        + (_bits?.Length ?? 0) * 8L + (_blocks?.Sum(b => b.Length) ?? 0) * 2L + 64;

    /// <summary>A listed key's <paramref name="index"/>-th row in sort <paramref name="sort"/>.</summary>
    public int RowAt(int sort, int index) => _positions![sort] is { } positions ? _rows![positions[index]] : _rows![index];

    bool Has(int row) => _bits is not null ? RowBits.Has(_bits, row) : _column!.Is(row, _number);

    /// <summary>
    /// Rows [skip, skip + take) of the key in sort <paramref name="sort"/>, whose permutation is
    /// <paramref name="order"/> (null for the default sort, the rows' own order).
    /// </summary>
    public List<int> Page(int sort, int[]? order, int skip, int take)
    {
        take = Math.Min(take, Count - skip);
        var page = new List<int>(Math.Max(take, 0));
        if (take <= 0)
        {
            return page;
        }

        if (_rows is not null)
        {
            for (var i = skip; i < skip + take; i++)
            {
                page.Add(RowAt(sort, i));
            }

            return page;
        }

        var blocks = _blocks![sort];
        var block = 0;
        var pass = skip;
        while (pass >= blocks[block])
        {
            pass -= blocks[block++];
        }

        var length = order?.Length ?? _total;
        for (var i = block << BlockShift; i < length && page.Count < take; i++)
        {
            var row = order is null ? i : order[i];
            if (!Has(row))
            {
                continue;
            }

            if (pass > 0)
            {
                pass--;
                continue;
            }

            page.Add(row);
        }

        return page;
    }

    /// <summary>Sets the key's rows in <paramref name="bits"/> (a key built without a column: a topic).</summary>
    public void AddTo(Span<ulong> bits)
    {
        if (_rows is not null)
        {
            foreach (var row in _rows)
            {
                RowBits.Set(bits, row);
            }

            return;
        }

        if (_bits is null)
        {
            throw new InvalidOperationException("A key walked by its column has no rows to add.");
        }

        for (var word = 0; word < bits.Length; word++)
        {
            bits[word] |= _bits[word];
        }
    }

    /// <summary>Clears the rows of <paramref name="bits"/> that are not the key's: a pass over its listed rows, else its bitmap or column.</summary>
    public void KeepIn(Span<ulong> bits)
    {
        if (_rows is null)
        {
            if (_bits is not null)
            {
                RowBits.And(bits, _bits);
            }
            else
            {
                _column!.KeepEqual(bits, _number);
            }

            return;
        }

        // The rows ascending: each word keeps its rows' bits, and the words between them are cleared.
        var next = 0;
        for (var i = 0; i < _rows.Length;)
        {
            var word = _rows[i] >> 6;
            var mask = 0UL;
            for (; i < _rows.Length && _rows[i] >> 6 == word; i++)
            {
                mask |= 1UL << _rows[i];
            }

            bits[next..word].Clear();
            bits[word] &= mask;
            next = word + 1;
        }

        bits[next..].Clear();
    }

    /// <summary>A key's rows ascending, and the column that tells them apart, if any (else a walked key gets a bitmap).</summary>
    public readonly record struct Source(int[] Rows, KeyColumn? Column, int Number);

    /// <summary>
    /// The keys' rows for every sort. <paramref name="orders"/>: each sort's permutation of the
    /// <paramref name="total"/> rows, null for the default sort. A key is listed when it holds under
    /// <paramref name="listedShare"/> of the rows (twice that without a column: a walked key would
    /// need a bitmap of <paramref name="total"/> bits), else walked.
    /// </summary>
    public static KeyRows[] Build(IReadOnlyList<Source> keys, int total, IReadOnlyList<int[]?> orders, double listedShare)
    {
        var built = new KeyRows[keys.Count];
        var blockCount = (total + BlockRows - 1) >> BlockShift;
        var longest = 0;
        for (var k = 0; k < keys.Count; k++)
        {
            var (rows, column, number) = keys[k];
            var limit = listedShare * total * (column is null ? 2 : 1);
            if (rows.Length < limit && rows.Length <= ushort.MaxValue + 1)
            {
                built[k] = new KeyRows(total, rows.Length, rows, new ushort[]?[orders.Count], null, null, 0, null);
                longest = Math.Max(longest, rows.Length);
            }
            else
            {
                ulong[]? bits = null;
                if (column is null)
                {
                    bits = new ulong[RowBits.Words(total)];
                    foreach (var row in rows)
                    {
                        RowBits.Set(bits, row);
                    }
                }

                var blocks = new ushort[orders.Count][];
                for (var s = 0; s < blocks.Length; s++)
                {
                    blocks[s] = new ushort[blockCount];
                }

                built[k] = new KeyRows(total, rows.Length, null, null, bits, column, number, blocks);
            }
        }

        // Sort by sort: each sort's rank of every row, then every key's rows by that rank.
        var rank = new int[total];
        var ranks = new int[longest];
        for (var s = 0; s < orders.Count; s++)
        {
            if (orders[s] is { } order)
            {
                for (var i = 0; i < order.Length; i++)
                {
                    rank[order[i]] = i;
                }
            }
            else
            {
                for (var row = 0; row < total; row++)
                {
                    rank[row] = row;
                }
            }

            for (var k = 0; k < keys.Count; k++)
            {
                var rows = keys[k].Rows;
                var key = built[k];
                if (key._blocks is { } blocks)
                {
                    var counts = blocks[s];
                    foreach (var row in rows)
                    {
                        counts[rank[row] >> BlockShift]++;
                    }
                }
                else if (orders[s] is not null)
                {
                    var positions = new ushort[rows.Length];
                    for (var i = 0; i < rows.Length; i++)
                    {
                        positions[i] = (ushort)i;
                        ranks[i] = rank[rows[i]];
                    }

                    Array.Sort(ranks, positions, 0, rows.Length);
                    key._positions![s] = positions;
                }
            }
        }

        return built;
    }
}
