namespace NewsApi.Api.Articles.Index;

/// <summary>An optional whole number per row (quality, heat): the values, and which rows have one.</summary>
sealed class NumberColumn(int[] values, ulong[] present)
{
    public long Bytes => values.Length * 4L + present.Length * 8L;

    /// <summary>Keeps the rows of <paramref name="bits"/> that have a value in [min, max]; like SQL, a row without one fails.</summary>
    public void KeepInRange(Span<ulong> bits, int? min, int? max)
    {
        if (min is null && max is null)
        {
            return;
        }

        var low = min ?? int.MinValue;
        var high = max ?? int.MaxValue;
        for (var word = 0; word < bits.Length; word++)
        {
            var keep = bits[word] & present[word];
            if (keep != 0)
            {
                keep &= RowBits.InRange(values, word, low, high);
            }

            bits[word] = keep;
        }
    }
}
