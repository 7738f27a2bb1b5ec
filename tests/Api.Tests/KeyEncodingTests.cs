using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace NewsApi.Api.Tests;

/// <summary>
/// A few files whose keys are spelled in ways the other content roots lack: one topic written
/// composed (é, U+00E9) and decomposed (e + U+0301), titles in either form, a provider domain and a
/// topic name holding '/', and an id and a domain holding the text "%2F". Served by a real Kestrel,
/// which decodes the request path as production does (the test host leaves no raw request target).
/// </summary>
public sealed class KeyEncodingApiFactory : NewsApiFactory
{
    public const string CafeComposed = "Caf\u00e9";
    public const string CafeDecomposed = "Cafe\u0301";
    const string EtudeDecomposed = "E\u0301tude";
    const string CremeComposed = "Cr\u00e8me br\u00fbl\u00e9e";

    public KeyEncodingApiFactory() => UseKestrel(0);

    protected override Task<string> PrepareContentRootAsync(string workFolder)
    {
        var root = Path.Combine(workFolder, "content");
        Write(root, "_news/kx-etude.md", $"""
            ---
            title: "{EtudeDecomposed}: {CafeDecomposed} society"
            excerpt: "Written decomposed throughout."
            publishedDateTime: 2024-05-02T00:00:00Z
            provider:
              name: A Writer
              domain: "medium.com/@writer"
            topics:
              - "{CafeComposed}"
              - "{CafeDecomposed}"
            ---
            """);
        Write(root, "_news/kx-creme.md", $"""
            ---
            title: "{CremeComposed} at the {CafeComposed}"
            excerpt: "Written composed throughout."
            publishedDateTime: 2024-05-01T00:00:00Z
            provider:
              name: A Writer
              domain: "medium.com/@writer"
            topics:
              - "{CafeDecomposed}"
              - "Medium.com/@writer"
            ---
            """);
        Write(root, "_news/kx-odd%2Fid.md", """
            ---
            title: "An id and a domain that hold a percent sign"
            publishedDateTime: 2024-04-01T00:00:00Z
            provider:
              name: Odd
              domain: "odd%2Fdomain.example"
            ---
            """);
        return Task.FromResult(root);
    }

    static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text + "\n");
    }
}

/// <summary>
/// Keys are the same for canonically equivalent text, and a key holding '/' or '%' is addressed by
/// its escaped form, decoded once, on every endpoint that takes one in its path.
/// </summary>
public sealed class KeyEncodingTests(KeyEncodingApiFactory factory) : IClassFixture<KeyEncodingApiFactory>
{
    const string CafeSlug = "caf\u00e9";
    const string WriterPath = "/api/providers/medium.com%2F%40writer";

    readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ATopicWrittenComposedAndDecomposedIsOneTopic()
    {
        var detail = await _client.GetJsonAsync("/api/articles/kx-etude");
        var topics = await _client.GetAllAsync<TopicDto>("/api/topics", "q=caf");
        var byDecomposedSlug = await _client.GetFromJsonOkAsync<TopicDto>("/api/topics/" + Uri.EscapeDataString(KeyEncodingApiFactory.CafeDecomposed));

        var topic = Assert.Single(detail.GetProperty("topics").EnumerateArray());
        Assert.Equal(KeyEncodingApiFactory.CafeComposed, topic.GetProperty("name").GetString());
        Assert.Equal(CafeSlug, topic.GetProperty("slug").GetString());
        var listed = Assert.Single(topics);
        Assert.Equal(CafeSlug, listed.Slug);
        Assert.Equal(2, listed.ArticleCount);
        Assert.Equal(listed, byDecomposedSlug);
    }

    [Theory]
    [InlineData(KeyEncodingApiFactory.CafeComposed)]
    [InlineData(KeyEncodingApiFactory.CafeDecomposed)]
    public async Task ATopicFilterMatchesEitherSpellingWithAndWithoutTheListIndex(string topic)
    {
        foreach (var url in new[] { "/api/articles?topic=" + Uri.EscapeDataString(topic), $"/api/topics/{Uri.EscapeDataString(topic)}/articles" })
        {
            Assert.Equal(["kx-etude", "kx-creme"], await IdsAsync(url));
        }
    }

    [Theory]
    [InlineData("\u00e9", "kx-etude")]
    [InlineData("e\u0301tude", "kx-etude")]
    [InlineData("caf\u00e9 society", "kx-etude")]
    [InlineData("cre\u0300me", "kx-creme")]
    [InlineData("BRU\u0302LE\u0301E", "kx-creme")]
    public async Task SearchFindsTitlesWhicheverWayTheirAccentsAreEncoded(string q, string id)
    {
        Assert.Equal([id], await IdsAsync("/api/articles?q=" + Uri.EscapeDataString(q)));
    }

    [Fact]
    public async Task AProviderWhoseDomainHoldsASlashIsServedAtItsEscapedDomain()
    {
        var providers = await _client.GetAllAsync<ProviderDto>("/api/providers");
        var provider = await _client.GetFromJsonOkAsync<ProviderDto>(WriterPath);
        var (firstResponse, first) = await _client.GetPageAsync<SummaryDto>(WriterPath + "/articles?pageSize=1");
        var links = HttpHelpers.Links(firstResponse);
        var (_, second) = await _client.GetPageAsync<SummaryDto>(links["next"]);

        Assert.Contains(providers, p => p.Domain == "medium.com/@writer");
        Assert.Equal("medium.com/@writer", provider.Domain);
        Assert.Equal(2, provider.ArticleCount);
        Assert.Equal(2, first.TotalCount);
        Assert.Equal(WriterPath + "/articles?pageSize=1&page=2", links["next"]);
        Assert.Equal(WriterPath + "/articles?pageSize=1&page=1", links["first"]);
        Assert.Equal(["kx-etude", "kx-creme"], first.Items.Concat(second.Items).Select(a => a.Id));
    }

    [Fact]
    public async Task ATopicNameHoldingASlashFindsItsTopic()
    {
        var topic = await _client.GetFromJsonOkAsync<TopicDto>("/api/topics/Medium.com%2F@writer");
        var (_, articles) = await _client.GetPageAsync<SummaryDto>("/api/topics/Medium.com%2F@writer/articles");

        Assert.Equal("medium-com-writer", topic.Slug);
        Assert.Equal("kx-creme", Assert.Single(articles.Items).Id);
    }

    [Fact]
    public async Task AnEscapedPercentSignIsDecodedOnceNotTwice()
    {
        var article = await _client.GetJsonAsync("/api/articles/kx-odd%252Fid");
        var provider = await _client.GetFromJsonOkAsync<ProviderDto>("/api/providers/odd%252Fdomain.example");
        var (response, page) = await _client.GetPageAsync<SummaryDto>("/api/providers/odd%252Fdomain.example/articles");

        Assert.Equal("kx-odd%2Fid", article.GetProperty("id").GetString());
        Assert.Equal("odd%2fdomain.example", provider.Domain);
        Assert.Equal("kx-odd%2Fid", Assert.Single(page.Items).Id);
        Assert.Equal("/api/providers/odd%252Fdomain.example/articles?page=1", HttpHelpers.Links(response)["first"]);
        await _client.GetProblemAsync("/api/articles/kx-odd%2Fid", HttpStatusCode.NotFound);
        await _client.GetProblemAsync("/api/providers/odd%2Fdomain.example", HttpStatusCode.NotFound);
    }

    // The ids a list answers, the same with the list index and with SQL alone.
    async Task<List<string>> IdsAsync(string url)
    {
        using var sqlOnly = factory.WithWebHostBuilder(b => b.UseSetting("NewsApi:ListIndex:Enabled", "false"));
        using var sqlClient = sqlOnly.CreateClient();
        await ListIndexParityTests.AssertIndexIsCurrentAsync(factory);

        var (_, indexed) = await _client.GetPageAsync<SummaryDto>(url);
        var (_, queried) = await sqlClient.GetPageAsync<SummaryDto>(url);

        Assert.Equal(indexed.Items.Select(a => a.Id), queried.Items.Select(a => a.Id));
        return [.. indexed.Items.Select(a => a.Id)];
    }
}
