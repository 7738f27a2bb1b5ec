using System.Text;
using NewsApi.Api.Articles.ListFile;

namespace NewsApi.Api.Tests;

/// <summary>The list file's store: what is appended is read back by position, whatever its size, and leaves nothing on disk.</summary>
public sealed class ListItemsFileTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("newsapi-list-items-").FullName;

    [Fact]
    public void PagesReadBackAsJsonArraysAndStopAtTheEnd()
    {
        using var file = Write(Enumerable.Range(0, 10).Select(i => $"{{\"n\":{i}}}"));

        Assert.Equal(10, file.Count);
        Assert.Equal("""[{"n":0},{"n":1},{"n":2}]""", Encoding.UTF8.GetString(file.ReadArray(0, 3)));
        Assert.Equal("""[{"n":8},{"n":9}]""", Encoding.UTF8.GetString(file.ReadArray(8, 5)));
        Assert.Equal("[]", Encoding.UTF8.GetString(file.ReadArray(10, 5)));
        Assert.Equal("[]", Encoding.UTF8.GetString(file.ReadArray(long.MaxValue / 2, 100)));
        Assert.Empty(file.Positions(10, 5));
    }

    [Fact]
    public void ItemsAtAnyPositionsReadBackInTheOrderAsked()
    {
        var items = Enumerable.Range(0, 50).Select(i => $"{{\"n\":{i},\"s\":\"{new string('x', i % 7)}\"}}").ToList();
        using var file = Write(items);
        int[][] pages = [[7, 3, 41], [10, 11, 12, 2, 3, 49], [49, 48, 47], [5, 5, 6], [0], [], [.. Enumerable.Range(0, 50).Reverse()]];

        foreach (var positions in pages)
        {
            var read = new byte[file.Length(positions)];
            file.ReadItems(positions, read);

            Assert.Equal(string.Concat(positions.Select(p => items[p] + ",")), Encoding.UTF8.GetString(read));
        }
    }

    [Fact]
    public void ItemsLargerThanTheWriteBufferAndManySmallOnesKeepTheirPlaces()
    {
        var big = $"\"{new string('é', 700_000)}\""; // 1.4 MB of UTF-8, more than the 1 MB buffer
        var items = Enumerable.Range(0, 30_000).Select(i => i == 12_345 ? big : $"[{i}]").ToList();

        using var file = Write(items);

        Assert.Equal(items.Count, file.Count);
        Assert.Equal($"[{big}]", Encoding.UTF8.GetString(file.ReadArray(12_345, 1)));
        Assert.Equal("[[12344]," + big + ",[12346]]", Encoding.UTF8.GetString(file.ReadArray(12_344, 3)));
        Assert.Equal("[[29999]]", Encoding.UTF8.GetString(file.ReadArray(29_999, 1)));
        Assert.Equal(items.Sum(i => Encoding.UTF8.GetByteCount(i) + 1L), file.Bytes);
    }

    [Fact]
    public void AnEmptyListHasNoPages()
    {
        using var file = Write([]);

        Assert.Equal(0, file.Count);
        Assert.Equal("[]", Encoding.UTF8.GetString(file.ReadArray(0, 20)));
    }

    [Fact]
    public void AnItemOfMoreThanOneLineIsRefused()
    {
        using var writer = ListItemsFile.Create(_folder, 1);

        Assert.Throws<ArgumentException>(() => writer.Append("{\n}"u8));
    }

    [Fact]
    public void TheFileHasNoNameOnDisk()
    {
        using var file = Write(["1", "2"]);

        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
        Assert.Equal("[1,2]", Encoding.UTF8.GetString(file.ReadArray(0, 2)));
    }

    ListItemsFile Write(IEnumerable<string> items)
    {
        using var writer = ListItemsFile.Create(_folder, 0);
        foreach (var item in items)
        {
            writer.Append(Encoding.UTF8.GetBytes(item));
        }

        return writer.Complete();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
