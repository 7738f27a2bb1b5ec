using System.Runtime.CompilerServices;

namespace NewsApi.Api.Articles.Index;

/// <summary>
/// An optional whole number per row (quality, heat): which rows have one, and each value as its
/// distance from the smallest, in bytes or shorts when the values span few numbers (quality and heat
/// usually do), so a range test reads a quarter or half of what 32-bit values would (1 MB instead
/// of 4 MB at 1,000,000 articles, per filter).
/// </summary>
sealed class NumberColumn
{
    readonly ulong[] _present;
    readonly long _min;
    readonly long _max;
    readonly byte[]? _bytes;
    readonly ushort[]? _shorts;
    readonly uint[]? _ints;

    /// <param name="values">a value per row, padded to whole 64-row words; rows not in <paramref name="present"/> are ignored.</param>
    public NumberColumn(int[] values, ulong[] present)
    {
        _present = present;
        (_min, _max) = (long.MaxValue, long.MinValue);
        for (var row = 0; row < values.Length; row++)
        {
            if (RowBits.Has(present, row))
            {
                _min = Math.Min(_min, values[row]);
                _max = Math.Max(_max, values[row]);
            }
        }

        if (_min > _max)
        {
            (_min, _max) = (0, 0);
        }

        var min = _min;
        var span = _max - _min;
        if (span <= byte.MaxValue)
        {
            _bytes = Array.ConvertAll(values, v => unchecked((byte)(v - min)));
        }
        else if (span <= ushort.MaxValue)
        {
            _shorts = Array.ConvertAll(values, v => unchecked((ushort)(v - min)));
        }
        else
        {
            _ints = Array.ConvertAll(values, v => unchecked((uint)(v - min)));
        }
    }

    public long Bytes => (_bytes?.Length ?? 0) + (_shorts?.Length ?? 0) * 2L + (_ints?.Length ?? 0) * 4L + _present.Length * 8L;

    /// <summary>
    /// The test for values in [min, max], in distances from the smallest value, clamped to the values
    /// there are: made once per request, then applied word by word (<see cref="Matches"/>).
    /// </summary>
    public Range RangeOf(int? min, int? max)
    {
        if (min is null && max is null)
        {
            return Range.None;
        }

        var low = Math.Max(min ?? long.MinValue, _min) - _min;
        var high = Math.Min(max ?? long.MaxValue, _max) - _min;
        return low > high ? Range.Empty : new Range(RangeKind.Some, (uint)low, (uint)(high - low));
    }

    /// <summary>The rows of word <paramref name="word"/> with a value in <paramref name="range"/> (of kind Some); like SQL, a row without one fails.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Matches(int word, Range range) =>
        _present[word] & (_bytes is not null ? RowBits.InRange(_bytes, word, (byte)range.Low, (byte)range.Width)
            : _shorts is not null ? RowBits.InRange(_shorts, word, (ushort)range.Low, (ushort)range.Width)
            : RowBits.InRange(_ints!, word, range.Low, range.Width));

    public enum RangeKind
    {
        /// <summary>No bound given: every row passes, with a value or not.</summary>
        None,

        /// <summary>Bounds that no value lies within: no row passes.</summary>
        Empty,

        /// <summary>Rows with a value in [Low, Low + Width] (distances from the smallest value) pass.</summary>
        Some,
    }

    public readonly record struct Range(RangeKind Kind, uint Low, uint Width)
    {
        public static readonly Range None = new(RangeKind.None, 0, 0);
        public static readonly Range Empty = new(RangeKind.Empty, 0, 0);
    }
}
