using NewsApi.Api.Articles.Index;

namespace NewsApi.Api.Tests;

/// <summary>A filter's starting set is exactly the rows of its date range, whatever was in the (pooled) bitmap before.</summary>
public sealed class RowBitsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 200)]
    [InlineData(5, 5)]
    [InlineData(5, 6)]
    [InlineData(3, 60)]
    [InlineData(63, 65)]
    [InlineData(64, 128)]
    [InlineData(70, 200)]
    [InlineData(199, 200)]
    public void SetOnlyLeavesExactlyTheRange(int from, int to)
    {
        var bits = new ulong[RowBits.Words(200)];
        bits.AsSpan().Fill(0xA5A5_A5A5_A5A5_A5A5);

        RowBits.SetOnly(bits, from, to);

        Assert.All(Enumerable.Range(0, bits.Length * 64), row => Assert.Equal(row >= from && row < to, RowBits.Has(bits, row)));
    }
}
