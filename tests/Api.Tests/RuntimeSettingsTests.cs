using System.Text.Json.Nodes;

namespace NewsApi.Api.Tests;

/// <summary>The runtime settings the API is built with, read from its runtimeconfig.json (the test host does not use them).</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void ApiRunsWithServerGarbageCollection()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "NewsApi.Api.runtimeconfig.json");
        var settings = JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"];

        // Its p99 under load is lower; the memory it costs is measured against the budget in bench/README.md.
        Assert.True(settings?["System.GC.Server"]?.GetValue<bool>() ?? false, $"{path} does not turn server GC on");
    }
}
