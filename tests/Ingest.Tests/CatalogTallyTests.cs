using Microsoft.EntityFrameworkCore;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// Providers and topics are kept by adding and subtracting each batch's articles; after any
/// sequence of edits they must equal what a fresh ingest of the final content computes.
/// </summary>
public sealed class CatalogTallyTests : IDisposable
{
    readonly TempWorkspace _workspace = new();
    readonly TempWorkspace _fresh = new();

    public void Dispose()
    {
        _workspace.Dispose();
        _fresh.Dispose();
    }

    static string Article(string title, string provider, string date, string topics, bool published = true) => $"""
        ---
        title: "{title}"
        publishedDateTime: {date}
        published: {(published ? "true" : "false")}
        provider:
          name: {provider}
          domain: example.com
          images:
            - url: "https://img.example/{provider.Replace(' ', '-')}.png"
        topics: [{topics}]
        ---
        """;

    [Fact]
    public async Task TalliesAfterEditsEqualAFreshIngestOfTheFinalContent()
    {
        var random = new Random(7);
        string[] names = ["Example", "Example Inc", "EXAMPLE"];
        string[] topics = ["AI", "ai", "Cloud", "AWS AI", "Power Apps"];
        string Random(string title) => Article(
            title, names[random.Next(names.Length)], $"2024-0{random.Next(1, 10)}-1{random.Next(0, 10)}T00:00:00Z",
            string.Join(", ", topics.OrderBy(_ => random.Next()).Take(random.Next(1, 4))), published: random.Next(5) > 0);
        for (var i = 0; i < 40; i++)
        {
            _workspace.Write($"_news/{i:D2}.md", Random($"Article {i}"));
        }

        var settings = new ImportSettings { BatchSize = 7 };
        await _workspace.Importer(settings).ImportAsync(_workspace.Content);
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 40; i++)
            {
                var path = Path.Combine(_workspace.Content, $"_news/{i:D2}.md");
                switch (random.Next(4))
                {
                    case 0: File.Delete(path); break;
                    case 1: File.WriteAllText(path, Random($"Article {i} v{round}")); break;
                }
            }

            await _workspace.Importer(settings).ImportAsync(_workspace.Content);
        }

        _fresh.CopyFrom(_workspace.Content);
        await _fresh.Importer().ImportAsync(_fresh.Content);

        Assert.Equal(await CatalogAsync(_fresh), await CatalogAsync(_workspace));
    }

    [Fact]
    public async Task ATieGoesToTheNewestArticleAndFollowsItWhenItIsRemoved()
    {
        _workspace.Write("_news/a.md", Article("A", "Older Name", "2024-01-01T00:00:00Z", "AI"));
        _workspace.Write("_news/b.md", Article("B", "Newer Name", "2024-02-01T00:00:00Z", "AI"));
        await _workspace.Importer().ImportAsync(_workspace.Content);
        var before = await NameAsync();
        File.Delete(Path.Combine(_workspace.Content, "_news/b.md"));

        await _workspace.Importer().ImportAsync(_workspace.Content);

        Assert.Equal("Newer Name", before);
        Assert.Equal("Older Name", await NameAsync());
    }

    async Task<string?> NameAsync()
    {
        await using var db = _workspace.OpenDb();
        return (await db.Providers.SingleAsync()).Name;
    }

    static async Task<string> CatalogAsync(TempWorkspace workspace)
    {
        await using var db = workspace.OpenDb();
        var providers = await db.Providers.OrderBy(p => p.Key).Select(p => $"{p.Key}|{p.Name}|{p.ArticleCount}|{p.Images.Count}").ToListAsync();
        var topics = await db.Topics.OrderBy(t => t.Slug).Select(t => $"{t.Slug}|{t.Name}|{t.ArticleCount}").ToListAsync();
        var votes = await db.CatalogVotes.OrderBy(v => v.Kind).ThenBy(v => v.Key).ThenBy(v => v.Value).Select(v => $"{v.Kind}|{v.Key}|{v.Value}|{v.Votes}|{v.Newest}").ToListAsync();
        return string.Join("\n", providers.Concat(topics).Concat(votes));
    }
}
