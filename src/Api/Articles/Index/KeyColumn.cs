namespace NewsApi.Api.Articles.Index;

/// <summary>
/// A folded key per row (provider, type, category) as a small number: 0 for none, then one per
/// distinct key, stored in bytes or shorts when the keys are few, so a vector compares 32 or 16 rows.
/// </summary>
sealed class KeyColumn
{
    readonly Dictionary<string, int> _numbers;
    readonly byte[]? _bytes;
    readonly ushort[]? _shorts;
    readonly int[]? _ints;

    public KeyColumn(Dictionary<string, int> numbers, int[] values)
    {
        _numbers = numbers;
        if (numbers.Count <= byte.MaxValue)
        {
            _bytes = Array.ConvertAll(values, v => (byte)v);
        }
        else if (numbers.Count <= ushort.MaxValue)
        {
            _shorts = Array.ConvertAll(values, v => (ushort)v);
        }
        else
        {
            _ints = values;
        }
    }

    public long Bytes => (_bytes?.Length ?? 0) + (_shorts?.Length ?? 0) * 2L + (_ints?.Length ?? 0) * 4L + _numbers.Count * 64L;

    /// <summary>The distinct keys with their numbers (1 and up).</summary>
    public IReadOnlyDictionary<string, int> Numbers => _numbers;

    /// <summary>Whether row <paramref name="row"/>'s key is the one numbered <paramref name="number"/>.</summary>
    public bool Is(int row, int number) =>
        _bytes is not null ? _bytes[row] == number : _shorts is not null ? _shorts[row] == number : _ints![row] == number;

    /// <summary>Keeps the rows of <paramref name="bits"/> whose key is <paramref name="key"/> (ordinal, as SQL's '=' on the stored key).</summary>
    public void KeepEqual(Span<ulong> bits, string key)
    {
        if (!_numbers.TryGetValue(key, out var number))
        {
            bits.Clear();
            return;
        }

        KeepEqual(bits, number);
    }

    /// <summary>Keeps the rows of <paramref name="bits"/> whose key is the one numbered <paramref name="number"/>.</summary>
    public void KeepEqual(Span<ulong> bits, int number)
    {
        if (_bytes is not null)
        {
            RowBits.KeepEqual(bits, _bytes, (byte)number);
        }
        else if (_shorts is not null)
        {
            RowBits.KeepEqual(bits, _shorts, (ushort)number);
        }
        else
        {
            RowBits.KeepEqual(bits, _ints!, number);
        }
    }
}
