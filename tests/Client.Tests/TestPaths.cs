using System.Reflection;

namespace NewsApi.Client.Tests;

/// <summary>Source-tree paths that the project file stamps into the assembly (see Client.Tests.csproj).</summary>
static class TestPaths
{
    /// <summary>The committed OpenAPI document the client is generated from.</summary>
    public static string OpenApiSnapshot { get; } = Metadata("OpenApiSnapshot");

    /// <summary>The repository's sample content root (300 articles).</summary>
    public static string SampleContent { get; } = Metadata("SampleContent");

    static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
