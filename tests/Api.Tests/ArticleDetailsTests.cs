using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Domain.Articles;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Tests;

/// <summary>
/// The detail read on prepared statements gives what EF Core loads for the same article: every
/// column the detail shows, its topics and related links in file order, for every article of the
/// corpus, the fixture and 5,000 generated ones, and its related links page by page; nothing for an
/// unpublished or unknown id.
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

            // The related endpoint's reads: the count, then pages of 2 up to one past the end.
            var count = await ArticleDetails.RelatedCountAsync(db, article.Id, default);
            var pages = new List<string>();
            for (var offset = 0; article.Published && offset <= article.Related.Count; offset += 2)
            {
                pages.Add(Shown(await ArticleDetails.RelatedPageAsync(db, article.Id, offset, 2, default)));
            }

            var expectedPages = article.Related.Chunk(2).Select(Shown).Append(article.Related.Count % 2 == 0 ? Shown([]) : null).OfType<string>();
            if (count != (article.Published ? article.Related.Count : null) || (article.Published && !pages.SequenceEqual(expectedPages)))
            {
                mismatches.Add($"{article.Id} related: count {count} of {article.Related.Count}, pages {string.Join(" | ", pages)}");
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
        Related = Shown(r.Related),
        PublishedKind = r.PublishedAtUtc?.Kind,
    });

    // What a related link shows: not the columns the API does not serve.
    static string Shown(IEnumerable<RelatedLink> links) => JsonSerializer.Serialize(links.Select(l => new
    {
        l.ArticleId, l.Position, l.Title, l.Excerpt, l.PublishedAtUtc, l.WebUrl, l.Type, l.Quality, l.ProviderName, l.ProviderDomain, l.Images,
        PublishedKind = l.PublishedAtUtc?.Kind,
    }));
}
