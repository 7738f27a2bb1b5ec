using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NewsApi.Api.Tests;

/// <summary>The API over the repository's own sample content, as the README's run command serves it.</summary>
public sealed class SampleApiFactory : NewsApiFactory
{
    protected override Task<string> PrepareContentRootAsync(string workFolder) => Task.FromResult(Path.Combine(RepositoryPaths.Root, "samples"));
}

/// <summary>Every curl example in the README, run against the sample content: the README cannot rot.</summary>
public sealed partial class ReadmeExamplesTests(SampleApiFactory factory) : IClassFixture<SampleApiFactory>
{
    public sealed record Example(string Path, int Status, string? Link, string Json)
    {
        public override string ToString() => Path;
    }

    // A ```sh block with one curl, then a line with the status (and Link header), then a ```json block.
    [GeneratedRegex(@"```sh\ncurl -s 'http://localhost:5000(?<path>[^']+)'\n```\n\n`(?<status>\d{3})`(?:, `Link: (?<link>[^`]+)`)?\n\n```json\n(?<json>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ExamplePattern();

    public static TheoryData<Example> Examples()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var data = new TheoryData<Example>();
        foreach (Match m in ExamplePattern().Matches(readme))
        {
            data.Add(new Example(m.Groups["path"].Value, int.Parse(m.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["link"].Success ? m.Groups["link"].Value : null, m.Groups["json"].Value));
        }

        return data;
    }

    [Fact]
    public void TheReadmeShowsAnExampleForEveryEndpoint() => Assert.True(Examples().Count >= 9);

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task EachReadmeExampleAnswersWhatTheReadmeShows(Example example)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(example.Path, UriKind.Relative));

        Assert.Equal((HttpStatusCode)example.Status, response.StatusCode);
        Assert.Equal(example.Link, response.Headers.TryGetValues("Link", out var links) ? string.Join(", ", links) : null);
        var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        (actual as JsonObject)?.Remove("traceId");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(example.Json), actual), $"{example.Path} answered:\n{actual}");
    }
}
