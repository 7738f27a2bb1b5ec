using NewsApi.Api.Articles.Index;

namespace NewsApi.Api.Tests;

/// <summary>The list index's topic names per row: in each row's position order, for rows on either side of 64-row blocks, or none at all when they cannot be kept.</summary>
public sealed class RowTopicsTests
{
    [Fact]
    public void EachRowGetsItsOwnNamesInPositionOrder()
    {
        var random = new Random(6);
        var names = new[] { "AI", "Cloud", "Data", "Rust", "Ai" };
        var expected = new Dictionary<int, List<string>>();
        var builder = new RowTopics.Builder(300);
        foreach (var row in Enumerable.Range(0, 300).OrderBy(_ => random.Next()))
        {
            var topics = names.OrderBy(_ => random.Next()).Take(random.Next(0, 5)).ToList();
            expected[row] = topics;
            foreach (var position in Enumerable.Range(0, topics.Count).OrderBy(_ => random.Next()))
            {
                builder.Add(row, position * 10, topics[position]);
            }
        }

        var rowTopics = builder.Build();

        Assert.NotNull(rowTopics);
        foreach (var (row, topics) in expected)
        {
            var actual = new List<string> { "before" };
            rowTopics.AddTo(row, actual);
            Assert.Equal(["before", .. topics], actual);
        }
    }

    [Fact]
    public void ARowWhoseTopicsComeApartIsNotKept()
    {
        var builder = new RowTopics.Builder(10);
        builder.Add(3, 0, "AI");
        builder.Add(4, 0, "Cloud");
        builder.Add(3, 1, "Data");

        Assert.Null(builder.Build());
    }
}
