using NewsApi.Api.Articles.Index;

namespace NewsApi.Api.Tests;

/// <summary>Row sets and'ed a vector at a time keep exactly the rows both have, whatever is left over after the last whole vector.</summary>
public sealed class RowBitsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(15_625)]
    public void AndKeepsTheRowsBothSetsHave(int words)
    {
        var random = new Random(words);
        var bits = Random(random, words);
        var other = Random(random, words);
        var expected = bits.Zip(other, (a, b) => a & b).ToArray();

        RowBits.And(bits, other);

        Assert.Equal(expected, bits);
    }

    [Fact]
    public void AndWithAShorterSetIsAnError() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RowBits.And(new ulong[5], new ulong[4]));

    static ulong[] Random(Random random, int words) =>
        [.. Enumerable.Range(0, words).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63))];
}
