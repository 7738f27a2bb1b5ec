using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NewsApi.Api.Articles.Index;

/// <summary>
/// Sets of index rows as bitmaps (row r is bit r % 64 of word r / 64), and the word-at-a-time tests
/// the filters are made of. Column arrays are padded to whole words, so a word's 64 values can be
/// loaded as vectors without a bounds check per row.
/// </summary>
static class RowBits
{
    public static int Words(int rows) => (rows + 63) >> 6;

    /// <summary>Sets rows [from, to) (the others are left as they are).</summary>
    public static void SetRange(Span<ulong> bits, int from, int to)
    {
        for (var row = from; row < to && (row & 63) != 0; row++)
        {
            Set(bits, row);
        }

        var first = (from + 63) >> 6;
        var last = to >> 6;
        if (first < last)
        {
            bits[first..last].Fill(ulong.MaxValue);
        }

        for (var row = Math.Max(last << 6, from); row < to; row++)
        {
            Set(bits, row);
        }
    }

    /// <summary>Clears every row outside [from, to).</summary>
    public static void KeepRange(Span<ulong> bits, int from, int to)
    {
        var first = from >> 6;
        var last = to >> 6;
        bits[..Math.Min(first, bits.Length)].Clear();
        if (first < bits.Length)
        {
            bits[first] &= ulong.MaxValue << (from & 63);
        }

        if (last < bits.Length)
        {
            bits[last] &= (1UL << (to & 63)) - 1;
            bits[(last + 1)..].Clear();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(Span<ulong> bits, int row) => bits[row >> 6] |= 1UL << row;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Has(ReadOnlySpan<ulong> bits, int row) => (bits[row >> 6] & (1UL << row)) != 0;

    /// <summary>Keeps the rows of <paramref name="bits"/> that <paramref name="other"/> has too.</summary>
    public static void And(Span<ulong> bits, ReadOnlySpan<ulong> other)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(other.Length, bits.Length);
        ref var target = ref MemoryMarshal.GetReference(bits);
        ref var source = ref MemoryMarshal.GetReference(other);
        var word = 0;
        for (; word + Vector256<ulong>.Count <= bits.Length; word += Vector256<ulong>.Count)
        {
            (Vector256.LoadUnsafe(ref target, (nuint)word) & Vector256.LoadUnsafe(ref source, (nuint)word)).StoreUnsafe(ref target, (nuint)word);
        }

        for (; word < bits.Length; word++)
        {
            bits[word] &= other[word];
        }
    }

    public static int Count(ReadOnlySpan<ulong> bits)
    {
        var count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }

    /// <summary>
    /// Keeps the rows of <paramref name="bits"/> that <paramref name="present"/> has and whose value lies in
    /// [low, low + width] (unsigned distance from low: one max and one compare per lane; <typeparamref name="T"/> is an unsigned type).
    /// </summary>
    public static void KeepInRange<T>(Span<ulong> bits, ReadOnlySpan<ulong> present, T[] values, T low, T width)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(present.Length, bits.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Length, bits.Length * 64);
        var lows = Vector256.Create(low);
        var widths = Vector256.Create(width);
        ref var first = ref MemoryMarshal.GetArrayDataReference(values);
        for (var word = 0; word < bits.Length; word++)
        {
            var keep = bits[word] & present[word];
            if (keep != 0)
            {
                ref var start = ref Unsafe.Add(ref first, word << 6);
                ulong mask = 0;
                for (var i = 0; i < 64; i += Vector256<T>.Count)
                {
                    var distance = Vector256.LoadUnsafe(ref start, (nuint)i) - lows;
                    mask |= (ulong)Vector256.Equals(Vector256.Max(distance, widths), widths).ExtractMostSignificantBits() << i;
                }

                keep &= mask;
            }

            bits[word] = keep;
        }
    }

    /// <summary>Keeps the rows of <paramref name="bits"/> whose value is <paramref name="value"/>.</summary>
    public static void KeepEqual<T>(Span<ulong> bits, T[] values, T value)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Length, bits.Length * 64);
        var target = Vector256.Create(value);
        ref var first = ref MemoryMarshal.GetArrayDataReference(values);
        for (var word = 0; word < bits.Length; word++)
        {
            var keep = bits[word];
            if (keep != 0)
            {
                ref var start = ref Unsafe.Add(ref first, word << 6);
                ulong mask = 0;
                for (var i = 0; i < 64; i += Vector256<T>.Count)
                {
                    mask |= (ulong)Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)i), target).ExtractMostSignificantBits() << i;
                }

                keep &= mask;
            }

            bits[word] = keep;
        }
    }
}
