using System.Text.Json.Nodes;

namespace NewsApi.Client.Tests;

/// <summary>The client is generated from a committed copy of the OpenAPI document; this keeps the copy current.</summary>
public sealed class OpenApiSnapshotTests(SampleApiFactory factory) : IClassFixture<SampleApiFactory>
{
    /// <summary>Set to 1 to overwrite the snapshot with the live document instead of failing.</summary>
    const string RefreshVariable = "NEWSAPI_REFRESH_OPENAPI";

    [Fact]
    public async Task LiveDocumentEqualsCommittedSnapshot()
    {
        var live = await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json");

        if (Environment.GetEnvironmentVariable(RefreshVariable) == "1")
        {
            await File.WriteAllTextAsync(TestPaths.OpenApiSnapshot, live.TrimEnd() + "\n");
        }

        var committed = await File.ReadAllTextAsync(TestPaths.OpenApiSnapshot);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(live), JsonNode.Parse(committed)),
            $"The served OpenAPI document differs from {TestPaths.OpenApiSnapshot}, which the client is generated from. " +
            $"If the change is meant, refresh it with `{RefreshVariable}=1 dotnet test tests/Client.Tests --filter {nameof(LiveDocumentEqualsCommittedSnapshot)}`, " +
            "then build again (the client regenerates), fix the tests it breaks and commit openapi.json.");
    }
}
