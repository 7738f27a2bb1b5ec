using NewsApi.Api.Articles.Index;

namespace NewsApi.Api.Tests;

/// <summary>
/// A page of a set of rows found by the sort's blocks is the sort's permutation filtered to the set
/// and sliced: for sets from one row to all, spread or packed in one block, over indexes of one
/// block up to blocks of many entries (and fine blocks of one entry up to four), at pages from the
/// first to the last.
/// </summary>
public sealed class SortBlocksTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(5000)]
    [InlineData(70001)]
    [InlineData(140001)]
    public void APageByBlocksIsTheSetInTheSortsOrder(int count)
    {
        var random = new Random(count);
        var shuffled = Enumerable.Range(0, count).ToArray();
        random.Shuffle(shuffled);
        int[]?[] orders = [null, shuffled, [.. Enumerable.Range(0, count).Reverse()]];
        var blocks = SortBlocks.Build(orders, count);
        List<int[]> sets =
        [
            [0],
            [count - 1],
            [.. Enumerable.Range(0, count).Where(_ => random.Next(500) == 0)],
            [.. shuffled.Take(Math.Min(count, 300)).Skip(Math.Min(count, 40))],
            [.. Enumerable.Range(0, count).Where(_ => random.Next(3) == 0)],
            [.. Enumerable.Range(0, count)],
        ];
        foreach (var set in sets.Where(s => s.Length > 0))
        {
            var bits = new ulong[RowBits.Words(count)];
            foreach (var row in set)
            {
                RowBits.Set(bits, row);
            }

            for (var s = 1; s < orders.Length; s++)
            {
                var expected = orders[s]!.Where(row => RowBits.Has(bits, row)).ToList();
                foreach (var take in new[] { 1, 3, 20, 100 })
                {
                    var skips = new[] { 0, 1, take, expected.Count / 2, expected.Count - take, expected.Count - 1 }
                        .Concat(Enumerable.Range(0, 10).Select(_ => random.Next(expected.Count)))
                        .Where(skip => skip >= 0 && skip < expected.Count)
                        .Distinct();
                    foreach (var skip in skips)
                    {
                        var page = new List<int>();
                        blocks.Page(s, orders[s]!, bits, skip, take, page);
                        Assert.Equal(expected.Skip(skip).Take(take), page);
                    }
                }
            }
        }
    }

    [Fact]
    public void BlocksPayForSparseSetsDeepInAPermutationOnly()
    {
        var count = 1_000_000;
        var blocks = SortBlocks.Build([null, [.. Enumerable.Range(0, count)]], count);

        Assert.True(blocks.Pays(total: 1_000, pass: 40, take: 20, length: count));
        Assert.True(blocks.Pays(total: 30, pass: 0, take: 20, length: count));
        Assert.False(blocks.Pays(total: 500_000, pass: 40, take: 20, length: count));
        Assert.False(blocks.Pays(total: 100_000, pass: 0, take: 20, length: count));
    }
}
