using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Articles;
using YamlDotNet.RepresentationModel;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// Stored articles against their files, where the expected values come from reading the YAML here
/// with YamlDotNet's representation model, not from the product's parser.
/// </summary>
public sealed class CorpusFidelityTests : IClassFixture<CorpusFidelityTests.IngestedCorpus>
{
    readonly IngestedCorpus _corpus;

    public CorpusFidelityTests(IngestedCorpus corpus) => _corpus = corpus;

    public sealed class IngestedCorpus : IAsyncLifetime
    {
        public TempWorkspace Workspace { get; } = new();

        public async Task InitializeAsync() => await Workspace.Importer().ImportAsync(CorpusPaths.Corpus);

        public Task DisposeAsync()
        {
            Workspace.Dispose();
            return Task.CompletedTask;
        }

        public async Task<Article> LoadAsync(string id)
        {
            await using var db = Workspace.OpenDb();
            return await db.Articles.AsNoTracking().Include(a => a.Topics).Include(a => a.Related).SingleAsync(a => a.Id == id);
        }
    }

    [Fact]
    public async Task TheSeedArticleIsStoredFieldByField()
    {
        var a = await _corpus.LoadAsync("000_4ea240b01efe0ad8");

        Assert.Equal("Upwork Reveals Top 10 Generative AI-Related Skills and Hires in 2023", a.Title);
        Assert.StartsWith("Each company will figure out what works best for their own organization", a.Excerpt, StringComparison.Ordinal);
        Assert.Contains("an important place to start.\u201D Catch up", a.Excerpt, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2023, 8, 22, 21, 22, 0, DateTimeKind.Utc), a.PublishedAtUtc);
        Assert.Equal(DateTimeKind.Utc, a.PublishedAtUtc!.Value.Kind);
        Assert.Equal(("article", 67, 100, true), (a.Type, a.Quality, a.Heat, a.Published));
        Assert.Equal(("TechRepublic", "techrepublic.com", "techrepublic.com"), (a.ProviderName, a.ProviderDomain, a.ProviderKey));
        var providerImage = Assert.Single(a.ProviderImages);
        Assert.Equal(("https://everyday-cc.github.io/ai/assets/images/organizations/techrepublic.com-50x50.jpg", 50, 50), (providerImage.Url, providerImage.Width, providerImage.Height));
        Assert.Equal(["AI"], a.Topics.Select(t => t.Name));
        Assert.Equal(["ai"], a.Topics.Select(t => t.TopicSlug));
        var image = Assert.Single(a.Images);
        Assert.Equal((1400, 785, true), (image.Width, image.Height, image.IsCached));
        Assert.Equal("news", a.Category);
        Assert.StartsWith("1td70fyy0woiRPSdHi0R4YYKtWB3GxqWzrSGFpL8", a.Secured, StringComparison.Ordinal);

        var related = a.Related.OrderBy(r => r.Position).ToList();
        Assert.Equal(["businessinsider.com", "aol.com", "design-reuse.com"], related.Select(r => r.ProviderDomain));
        Assert.Equal(["businessinsider.com", "aol.com", "design-reuse.com"], related.Select(r => r.ProviderKey));
        Assert.Equal([42, 39, 33], related.Select(r => r.Quality));
        Assert.Equal(
            [new DateTime(2023, 8, 22, 12, 13, 0, DateTimeKind.Utc), new DateTime(2023, 8, 23, 12, 0, 0, DateTimeKind.Utc), new DateTime(2023, 8, 23, 6, 5, 0, DateTimeKind.Utc)],
            related.Select(r => r.PublishedAtUtc!.Value));
        Assert.StartsWith("The analysis by Upwork\u2019s Research Institute", related[0].Excerpt, StringComparison.Ordinal);
        Assert.StartsWith("Businesses are searching for workers", related[1].Excerpt, StringComparison.Ordinal);
        Assert.StartsWith("By 2027, AI chips revenue", related[2].Excerpt, StringComparison.Ordinal);
        Assert.Equal((1200, 675), (related[1].Images.Single().Width, related[1].Images.Single().Height));
        Assert.Equal(3, a.RelatedCount);
    }

    public static TheoryData<string> RealFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CorpusPaths.PowerAppsNews, "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void TheRealCollectionHas674Files() => Assert.Equal(674, RealFiles().Count);

    [Theory]
    [MemberData(nameof(RealFiles))]
    public async Task EveryRealFileRoundTrips(string fileName)
    {
        var yaml = ReadFrontMatter(Path.Combine(CorpusPaths.PowerAppsNews, fileName));
        var a = await _corpus.LoadAsync(Path.GetFileNameWithoutExtension(fileName));

        Assert.Equal(Text(yaml, "title"), a.Title);
        Assert.Equal(Text(yaml, "excerpt"), a.Excerpt);
        Assert.Equal(Text(yaml, "category") ?? "news", a.Category);
        Assert.Equal(Date(yaml, "publishedDateTime"), a.PublishedAtUtc);
        Assert.Equal(Text(yaml, "originalUrl"), a.OriginalUrl);
        Assert.Equal(Text(yaml, "webUrl"), a.WebUrl);
        Assert.Equal(Text(yaml, "ampWebUrl"), a.AmpWebUrl);
        Assert.Equal(Text(yaml, "cdnAmpWebUrl"), a.CdnAmpWebUrl);
        Assert.Equal(Text(yaml, "type"), a.Type);
        Assert.Equal(Number(yaml, "quality"), a.Quality);
        Assert.Equal(Number(yaml, "heat"), a.Heat);
        Assert.Equal(Text(yaml, "published") != "false", a.Published);
        Assert.Equal(Text(yaml, "featuredContent"), a.FeaturedContent);
        Assert.Equal(Text(yaml, "secured"), a.Secured);

        var provider = (YamlMappingNode)yaml.Children[new YamlScalarNode("provider")];
        Assert.Equal(Text(provider, "name"), a.ProviderName);
        Assert.Equal(Text(provider, "domain"), a.ProviderDomain);
        AssertImages(provider, a.ProviderImages);
        Assert.Equal(Sequence(yaml, "topics").Select(t => ((YamlScalarNode)t).Value), a.Topics.OrderBy(t => t.Position).Select(t => t.Name));
        AssertImages(yaml, a.Images);

        var related = Sequence(yaml, "related").Cast<YamlMappingNode>().ToList();
        Assert.Equal(related.Count, a.RelatedCount);
        foreach (var (expected, actual) in related.Zip(a.Related.OrderBy(r => r.Position)))
        {
            Assert.Equal(Text(expected, "title"), actual.Title);
            Assert.Equal(Text(expected, "excerpt"), actual.Excerpt);
            Assert.Equal(Date(expected, "publishedDateTime"), actual.PublishedAtUtc);
            Assert.Equal(Text(expected, "webUrl"), actual.WebUrl);
            Assert.Equal(Number(expected, "quality"), actual.Quality);
            Assert.Equal(Text(expected, "type"), actual.Type);
            var relatedProvider = (YamlMappingNode)expected.Children[new YamlScalarNode("provider")];
            Assert.Equal((Text(relatedProvider, "name"), Text(relatedProvider, "domain")), (actual.ProviderName, actual.ProviderDomain));
            AssertImages(expected, actual.Images);
        }
    }

    static void AssertImages(YamlMappingNode owner, List<ImageInfo> actual)
    {
        var expected = Sequence(owner, "images").Cast<YamlMappingNode>().ToList();
        Assert.Equal(
            expected.Select(i => (Text(i, "url"), Number(i, "width"), Number(i, "height"), Text(i, "isCached") is { } c ? bool.Parse(c) : (bool?)null)),
            actual.Select(i => (i.Url, i.Width, i.Height, i.IsCached)));
    }

    static YamlMappingNode ReadFrontMatter(string path)
    {
        var text = File.ReadAllText(path);
        var start = text.IndexOf("---", StringComparison.Ordinal) + 3;
        var end = text.IndexOf("\n---", start, StringComparison.Ordinal);
        var stream = new YamlStream();
        stream.Load(new StringReader(text[start..end]));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;

    static int? Number(YamlMappingNode node, string key) =>
        Text(node, key) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    static DateTime? Date(YamlMappingNode node, string key) =>
        Text(node, key) is { } text ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) : null;

    static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence ? sequence.Children : [];
}
