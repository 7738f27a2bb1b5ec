using NewsApi.Api.Articles.Index;

namespace NewsApi.Api.Tests;

/// <summary>
/// A key's page in a sort, from its listed or walked rows, is that sort's permutation filtered to
/// the key's rows and sliced, for keys of every size and spread over 5,000 rows (five blocks and a
/// part), for pages at the start, across block boundaries, at the end and past it.
/// </summary>
public sealed class KeyRowsTests
{
    const int Total = 5000;

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.01)]
    public void EveryPageOfEveryKeyIsItsRowsInTheSortsOrder(double listedShare)
    {
        var random = new Random(3);
        int[]?[] orders = [null, Shuffled(random), [.. Enumerable.Range(0, Total).Reverse()]];
        List<int[]> keyRows =
        [
            [17],
            [0, Total - 1],
            Enumerable.Range(2040, 20).ToArray(),
            Enumerable.Range(0, Total).Where(r => r % 97 == 5 && r is < 2040 or >= 2060).ToArray(),
            Enumerable.Range(0, Total).Where(_ => random.Next(3) == 0).ToArray(),
            Enumerable.Range(0, Total).ToArray(),
        ];
        var values = new int[RowBits.Words(Total) * 64];
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal) { ["first"] = 1, ["second"] = 2 };
        foreach (var row in keyRows[3])
        {
            values[row] = 1;
        }

        foreach (var row in keyRows[2])
        {
            values[row] = 2;
        }

        var column = new KeyColumn(numbers, values);
        // Keys 2 and 3 are told apart by a column (as providers are), the others by a bitmap (as topics are).
        var sources = keyRows.Select((rows, k) => k switch
        {
            2 => new KeyRows.Source(rows, column, 2),
            3 => new KeyRows.Source(rows, column, 1),
            _ => new KeyRows.Source(rows, null, 0),
        }).ToList();

        var built = KeyRows.Build(sources, Total, orders, listedShare);

        Assert.Equal(listedShare switch { 0.0 => 0, 1.0 => keyRows.Count, _ => 3 }, built.Count(k => k.IsListed));
        for (var k = 0; k < keyRows.Count; k++)
        {
            var members = keyRows[k].ToHashSet();
            Assert.Equal(keyRows[k].Length, built[k].Count);
            for (var s = 0; s < orders.Length; s++)
            {
                var expected = (orders[s] ?? Enumerable.Range(0, Total)).Where(members.Contains).ToList();
                foreach (var take in new[] { 1, 3, 20, 100 })
                {
                    var skips = new[] { 0, 1, take, expected.Count / 2, expected.Count - take, expected.Count - 1, expected.Count, expected.Count + 5 }
                        .Concat(Enumerable.Range(0, 10).Select(_ => random.Next(expected.Count + 1)))
                        .Where(skip => skip >= 0)
                        .Distinct();
                    foreach (var skip in skips)
                    {
                        Assert.Equal(expected.Skip(skip).Take(take), built[k].Page(s, orders[s], skip, take));
                    }
                }

                if (built[k].IsListed)
                {
                    Assert.Equal(expected, Enumerable.Range(0, expected.Count).Select(i => built[k].RowAt(s, i)));
                }
            }
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void KeepingAKeysRowsClearsEveryOtherRow(double listedShare)
    {
        var random = new Random(6);
        var rows = new[]
        {
            Array.Empty<int>(), [0], [Total - 1], [63, 64, 65], Enumerable.Range(0, Total).Where(_ => random.Next(50) == 0).ToArray(),
            Enumerable.Range(0, Total).Where(_ => random.Next(2) == 0).ToArray(), Enumerable.Range(0, Total).ToArray(),
        };
        var values = new int[RowBits.Words(Total) * 64];
        foreach (var row in rows[4])
        {
            values[row] = 1;
        }

        var column = new KeyColumn(new Dictionary<string, int>(StringComparer.Ordinal) { ["provider"] = 1 }, values);
        // Key 4 is told apart by a column (as providers are), the others by their rows or a bitmap (as topics are).
        var built = KeyRows.Build([.. rows.Select((r, k) => k == 4 ? new KeyRows.Source(r, column, 1) : new KeyRows.Source(r, null, 0))], Total, [null], listedShare);
        for (var k = 0; k < rows.Length; k++)
        {
            var members = rows[k].ToHashSet();
            // Even keys meet random rows, odd keys every row.
            var before = Enumerable.Range(0, RowBits.Words(Total)).Select(_ => k % 2 == 0 ? (ulong)random.NextInt64() : ulong.MaxValue).ToArray();
            before[^1] &= (1UL << (Total % 64)) - 1;
            var bits = (ulong[])before.Clone();

            built[k].KeepIn(bits);

            Assert.All(Enumerable.Range(0, Total), row => Assert.Equal(members.Contains(row) && RowBits.Has(before, row), RowBits.Has(bits, row)));
        }
    }

    [Fact]
    public void AddingATopicsRowsSetsExactlyThoseRows()
    {
        var random = new Random(4);
        var rows = Enumerable.Range(0, Total).Where(_ => random.Next(4) == 0).ToArray();
        foreach (var share in new[] { 0.0, 1.0 })
        {
            var key = KeyRows.Build([new KeyRows.Source(rows, null, 0)], Total, [null], share)[0];
            var bits = new ulong[RowBits.Words(Total)];
            RowBits.Set(bits, 1);

            key.AddTo(bits);

            var set = rows.Append(1).ToHashSet();
            Assert.All(Enumerable.Range(0, Total), row => Assert.Equal(set.Contains(row), RowBits.Has(bits, row)));
        }
    }

    [Fact]
    public void KeepingARangeClearsEveryRowOutsideIt()
    {
        var random = new Random(5);
        var ranges = new[] { (0, 0), (0, Total), (0, 64), (64, 128), (63, 65), (Total - 1, Total), (Total, Total) }
            .Concat(Enumerable.Range(0, 50).Select(_ => random.Next(Total + 1)).Select(a => (a, random.Next(a, Total + 1))));
        foreach (var (from, to) in ranges)
        {
            var bits = Enumerable.Repeat(ulong.MaxValue, RowBits.Words(Total)).ToArray();

            RowBits.KeepRange(bits, from, to);

            Assert.All(Enumerable.Range(0, bits.Length * 64), row => Assert.Equal(row >= from && row < to, RowBits.Has(bits, row)));
        }
    }

    static int[] Shuffled(Random random)
    {
        var order = Enumerable.Range(0, Total).ToArray();
        random.Shuffle(order);
        return order;
    }
}
