using System.Text.Json.Nodes;

namespace NewsApi.Api.Tests;

/// <summary>The runtime settings the API is built with, read from its runtimeconfig.json (the test host does not use them).</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void ApiRunsWithWorkstationGarbageCollection()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "NewsApi.Api.runtimeconfig.json");
        var settings = JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"];

        // Server GC (the Web SDK's default) keeps a heap per core and took the API's memory over its budget.
        Assert.False(settings?["System.GC.Server"]?.GetValue<bool>() ?? false, $"{path} turns server GC on");
    }
}
