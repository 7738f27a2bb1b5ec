using NewsApi.Api.Articles.Index;

namespace NewsApi.Api.Tests;

/// <summary>
/// A number column keeps exactly the rows with a value in range, as SQL's comparisons do (a row
/// without a value fails), whether its values fit bytes, shorts or need full integers, for bounds
/// inside, at and beyond the values there are.
/// </summary>
public sealed class NumberColumnTests
{
    const int Rows = 1000;

    [Theory]
    [InlineData(0, 200)]
    [InlineData(-5, 300)]
    [InlineData(100_000, 100_000)]
    [InlineData(int.MinValue, int.MaxValue)]
    [InlineData(0, 0)]
    public void OnlyRowsWithAValueInRangeAreKept(int low, int high)
    {
        var random = new Random(low ^ high);
        var values = new int[RowBits.Words(Rows) * 64];
        var present = new ulong[RowBits.Words(Rows)];
        for (var row = 0; row < Rows; row++)
        {
            if (low == 0 && high == 0 || random.Next(5) == 0)
            {
                continue; // (0, 0): a column without any value
            }

            values[row] = row % 7 == 0 ? (row % 2 == 0 ? low : high) : (int)random.NextInt64(low, high + 1L);
            RowBits.Set(present, row);
        }

        var column = new NumberColumn(values, present);
        var candidates = new long[] { low, high, low - 1L, high + 1L, int.MinValue, int.MaxValue, 0, values[3], values[10], (low + (long)high) / 2 }
            .Where(v => v is >= int.MinValue and <= int.MaxValue).Select(v => (int?)v).Append(null).Distinct().ToList();
        foreach (var min in candidates)
        {
            foreach (var max in candidates)
            {
                var bits = Enumerable.Range(0, present.Length).Select(_ => (ulong)random.NextInt64() | 1).ToArray();
                var before = (ulong[])bits.Clone();

                column.KeepInRange(bits, min, max);

                var keepAll = min is null && max is null;
                Assert.All(Enumerable.Range(0, Rows), row => Assert.Equal(
                    RowBits.Has(before, row) && (keepAll || (RowBits.Has(present, row) && (min is null || values[row] >= min) && (max is null || values[row] <= max))),
                    RowBits.Has(bits, row)));
            }
        }
    }
}
