namespace NewsApi.Api.Articles.Index;

/// <summary>
/// Each row's topic names in its file's order, as a list shows them, so that a page's rows are read
/// without their topics: that second lookup (an index and a table page per article) cost about as
/// much as reading the rows. A row's names are numbers into the distinct names: a count per row, the
/// numbers of all rows one after another, and where each 64-row block starts among them.
/// </summary>
sealed class RowTopics
{
    readonly string[] _names;
    readonly byte[] _counts;
    readonly int[] _blockStarts;
    readonly ushort[] _numbers;

    RowTopics(string[] names, byte[] counts, int[] blockStarts, ushort[] numbers)
    {
        _names = names;
        _counts = counts;
        _blockStarts = blockStarts;
        _numbers = numbers;
    }

    public long Bytes => _counts.Length + _blockStarts.Length * 4L + _numbers.Length * 2L + _names.Length * 64L;

    /// <summary>Adds row <paramref name="row"/>'s topic names, in order, to <paramref name="names"/>.</summary>
    public void AddTo(int row, List<string> names)
    {
        var start = _blockStarts[row >> 6];
        for (var before = row & ~63; before < row; before++)
        {
            start += _counts[before];
        }

        for (var i = start; i < start + _counts[row]; i++)
        {
            names.Add(_names[_numbers[i]]);
        }
    }

    /// <summary>
    /// Collects the topics of <paramref name="count"/> rows, each row's all at once (as the index's
    /// reader meets them: article by article). Gives up (<see cref="Build"/> returns null, and lists
    /// read topics from the database) if a row comes back later, has more than 255 topics, or the
    /// names are more than 65,536.
    /// </summary>
    public sealed class Builder(int count)
    {
        readonly Dictionary<string, ushort> _numbering = new(StringComparer.Ordinal);
        readonly List<string> _names = [];
        readonly byte[] _counts = new byte[count];
        readonly int[] _starts = new int[count];
        readonly List<ushort> _numbers = [];
        readonly List<(int Position, ushort Number)> _row = [];
        int _current = -1;
        bool _failed;

        public void Add(int row, int position, string name)
        {
            if (_failed)
            {
                return;
            }

            if (row != _current)
            {
                Flush();
                if (_counts[row] != 0)
                {
                    _failed = true; // the row's topics did not come together
                    return;
                }

                _current = row;
            }

            if (!_numbering.TryGetValue(name, out var number))
            {
                if (_names.Count > ushort.MaxValue)
                {
                    _failed = true;
                    return;
                }

                number = (ushort)_names.Count;
                _numbering.Add(name, number);
                _names.Add(name);
            }

            _row.Add((position, number));
        }

        public RowTopics? Build()
        {
            Flush();
            if (_failed)
            {
                return null;
            }

            var blockStarts = new int[RowBits.Words(_counts.Length) + 1];
            var numbers = new ushort[_numbers.Count];
            var at = 0;
            for (var row = 0; row < _counts.Length; row++)
            {
                if ((row & 63) == 0)
                {
                    blockStarts[row >> 6] = at;
                }

                for (var i = 0; i < _counts[row]; i++)
                {
                    numbers[at++] = _numbers[_starts[row] + i];
                }
            }

            return new RowTopics([.. _names], _counts, blockStarts, numbers);
        }

        void Flush()
        {
            if (_row.Count == 0)
            {
                return;
            }

            if (_row.Count > byte.MaxValue)
            {
                _failed = true;
                return;
            }

            _row.Sort((a, b) => a.Position.CompareTo(b.Position));
            _counts[_current] = (byte)_row.Count;
            _starts[_current] = _numbers.Count;
            foreach (var (_, number) in _row)
            {
                _numbers.Add(number);
            }

            _row.Clear();
        }
    }
}
