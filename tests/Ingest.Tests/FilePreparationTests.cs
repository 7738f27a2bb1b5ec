using NewsApi.Ingest.FrontMatter;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// A file is read at its size when it is opened, not at the size the folder listing gave: a file
/// that grew or shrank in between is read whole, and one that grew past the limit is rejected.
/// </summary>
public sealed class FilePreparationTests : IDisposable
{
    readonly TempWorkspace _workspace = new();

    ContentFile Listed(string name, string text, long listedLength)
    {
        var path = _workspace.Write("_news/" + name, text);
        return new ContentFile(path, "_news/" + name, listedLength, File.GetLastWriteTimeUtc(path).Ticks);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100_000)]
    public void AFileIsReadWholeWhateverSizeTheListingGave(long listedLength)
    {
        var text = Articles.Markdown("Resized", extra: $"excerpt: \"{new string('x', 3000)}\"");
        var file = Listed("resized.md", text, listedLength);

        var prepared = FilePreparation.Prepare(file, null, new FrontMatterLimits(), toRows: null);

        Assert.Null(prepared.ReadError);
        Assert.True(prepared.Parsed);
        Assert.Null(prepared.ParseError);
        Assert.Equal(Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(File.ReadAllBytes(file.FullPath))), prepared.ContentHash);
    }

    [Fact]
    public void AFileThatGrewPastTheLimitAfterTheListingIsRejected()
    {
        var file = Listed("grew.md", Articles.Markdown("Grew", extra: $"excerpt: \"{new string('x', 5000)}\""), listedLength: 100);

        var prepared = FilePreparation.Prepare(file, null, new FrontMatterLimits { MaxFileBytes = 4096 }, toRows: null);

        Assert.False(prepared.Parsed);
        Assert.Matches(@"^file is \d+ bytes, over the limit of 4096$", prepared.ReadError?.Reason);
    }

    public void Dispose() => _workspace.Dispose();
}
