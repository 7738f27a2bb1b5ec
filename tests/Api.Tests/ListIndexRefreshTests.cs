using Microsoft.Extensions.DependencyInjection;
using NewsApi.Api.Articles.Index;

namespace NewsApi.Api.Tests;

/// <summary>
/// An ingest that changes content makes the list index stale: lists are right at once (answered by
/// SQL) and stay right once the index has been read again at the new version.
/// </summary>
public sealed class ListIndexRefreshTests(EditableApiFactory factory) : IClassFixture<EditableApiFactory>
{
    static readonly string[] Urls =
    [
        "/api/articles?sort=-quality&pageSize=3",
        "/api/articles?minQuality=1000",
        "/api/articles?type=article&sort=quality",
        "/api/articles?q=soundcloud",
        "/api/topics/power-apps/articles?sort=-quality",
        "/api/providers/contoso.com/articles?minQuality=91",
    ];

    [Fact]
    public async Task ListsFollowAnIngestAtOnceAndFromTheRebuiltIndex()
    {
        using var client = factory.CreateClient();
        var indexes = factory.Services.GetRequiredService<ArticleListIndexes>();
        var before = await ReadAllAsync(client);
        var built = indexes.Current!.Version;
        var file = Path.Combine(factory.ContentRoot, "_news", "fx-bravo.md");
        var text = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, text.Replace("quality: 90", "quality: 5000", StringComparison.Ordinal).Replace("type: Video", "type: Article", StringComparison.Ordinal));

        await factory.ReingestAsync();
        Assert.Equal(built, indexes.Current?.Version);
        var stale = await ReadAllAsync(client);
        await indexes.RefreshAsync();
        var rebuilt = await ReadAllAsync(client);

        Assert.NotEqual(built, indexes.Current?.Version);
        await ListIndexParityTests.AssertIndexIsCurrentAsync(factory);
        Assert.Equal(stale, rebuilt);
        Assert.NotEqual(before, stale);
        Assert.StartsWith("total=1 pages=1 page=1 ids=[fx-bravo]", stale[1], StringComparison.Ordinal);
        Assert.Contains("ids=[fx-bravo,", stale[0], StringComparison.Ordinal);
        Assert.Contains("fx-bravo", stale[2], StringComparison.Ordinal);
        Assert.DoesNotContain("fx-bravo", before[2], StringComparison.Ordinal);
    }

    static async Task<List<string>> ReadAllAsync(HttpClient client)
    {
        var pages = new List<string>();
        foreach (var url in Urls)
        {
            pages.Add(await ListIndexParityTests.ReadAsync(client, url));
        }

        return pages;
    }
}
