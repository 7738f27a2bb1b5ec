using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Domain.Articles;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Tests;

/// <summary>
/// The detail read on prepared statements gives what EF Core loads for the same article: every
/// column the detail shows, its topics and related links in file order, for every article of the
/// corpus, the fixture and 5,000 generated ones; nothing for an unpublished or unknown id.
/// </summary>
public sealed class ArticleDetailsTests(CorpusApiFactory corpus, FixtureApiFactory fixture, GeneratedApiFactory generated)
    : IClassFixture<CorpusApiFactory>, IClassFixture<FixtureApiFactory>, IClassFixture<GeneratedApiFactory>
{
    [Fact]
    public async Task TheCorpusReadsAsEfCoreLoadsIt() => await CompareAsync(corpus);

    [Fact]
    public async Task TheFixtureReadsAsEfCoreLoadsIt() => await CompareAsync(fixture);

    [Fact]
    public async Task GeneratedArticlesReadAsEfCoreLoadThem() => await CompareAsync(generated);

    static async Task CompareAsync(NewsApiFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var articles = await db.Articles.AsNoTracking().AsSplitQuery()
            .Include(a => a.Topics.OrderBy(t => t.Position)).Include(a => a.Related.OrderBy(r => r.Position))
            .ToDictionaryAsync(a => a.Id, StringComparer.Ordinal);
        Assert.Equal(factory.Index.All.Count, articles.Count);
        Assert.Contains(articles.Values, a => a.Related.Count > 0);

        var mismatches = new List<string>();
        foreach (var article in articles.Values)
        {
            var read = await ArticleDetails.ReadAsync(db, article.Id, default);
            var expected = article.Published ? Shown(article) : "null";
            var actual = read is null ? "null" : Shown(read);
            if (expected != actual)
            {
                mismatches.Add($"{article.Id}\n  EF Core: {expected}\n  read:    {actual}");
            }
        }

        Assert.Null(await ArticleDetails.ReadAsync(db, "no-such-article", default));
        Assert.Null(await ArticleDetails.ReadAsync(db, "", default));
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {articles.Count} differ:\n" + string.Join('\n', mismatches.Take(3)));
    }

    static string Shown(Article a) => Shown(new ArticleDetailRow(
        a.Id, a.Category, a.Title, a.Excerpt, a.PublishedAtUtc, a.Type, a.Quality, a.Heat, a.WebUrl, a.OriginalUrl, a.AmpWebUrl, a.CdnAmpWebUrl,
        a.FeaturedContent, a.ProviderName, a.ProviderDomain, a.ProviderImages, a.Topics, a.Images, a.Related, a.RelatedCount, a.ExtraJson));

    // What the detail shows of a row: its related links without the columns it does not serve.
    static string Shown(ArticleDetailRow r) => JsonSerializer.Serialize(new
    {
        Row = r with { Topics = [], Related = [] },
        Topics = r.Topics.Select(t => new { t.TopicSlug, t.Name, t.Position, t.ArticleId }),
        Related = r.Related.Select(l => new { l.ArticleId, l.Position, l.Title, l.Excerpt, l.PublishedAtUtc, l.WebUrl, l.Type, l.Quality, l.ProviderName, l.ProviderDomain, l.Images }),
        PublishedKind = r.PublishedAtUtc?.Kind,
    });
}
