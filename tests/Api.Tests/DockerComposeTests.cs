using YamlDotNet.RepresentationModel;

namespace NewsApi.Api.Tests;

/// <summary>SPEC section 4: docker-compose.yml runs the ingest worker and the API over a shared named volume.</summary>
public sealed class DockerComposeTests
{
    static readonly string ComposePath = Path.Combine(RepositoryPaths.Root, "docker-compose.yml");

    [Fact]
    public void ComposeFileNamesTheIngestAndApiServices()
    {
        var services = Services();

        Assert.Contains("ingest", services.Keys);
        Assert.Contains("api", services.Keys);
    }

    [Fact]
    public void BothServicesMountOneNamedVolumeThatHoldsTheDatabase()
    {
        var root = Root();
        var services = Services();
        var named = root.Children.TryGetValue(new YamlScalarNode("volumes"), out var volumes) && volumes is YamlMappingNode map
            ? map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).ToHashSet(StringComparer.Ordinal)
            : [];

        var ingest = Mounts(services["ingest"]).Where(m => named.Contains(m.Source)).ToList();
        var api = Mounts(services["api"]).Where(m => named.Contains(m.Source)).ToList();

        Assert.NotEmpty(named);
        var shared = ingest.Select(m => m.Source).Intersect(api.Select(m => m.Source)).ToList();
        Assert.True(shared.Count > 0, $"no named volume is mounted by both services (named: {string.Join(", ", named)})");
        foreach (var (name, service, mounts) in new[] { ("ingest", services["ingest"], ingest), ("api", services["api"], api) })
        {
            var database = DataSource(service);
            Assert.True(database is null || mounts.Any(m => shared.Contains(m.Source) && database.StartsWith(m.Target.TrimEnd('/') + "/", StringComparison.Ordinal)),
                $"{name}'s database {database} is not on the shared volume");
        }
    }

    [Fact]
    public void ApiPublishesItsContainerPort()
    {
        var api = Services()["api"];

        Assert.True(api.Children.TryGetValue(new YamlScalarNode("ports"), out var ports) && ports is YamlSequenceNode, "api has no ports");
        var targets = ((YamlSequenceNode)ports).Children.Select(p => p switch
        {
            YamlScalarNode s => s.Value!.Split('/')[0].Split(':')[^1],
            YamlMappingNode m => ((YamlScalarNode)m.Children[new YamlScalarNode("target")]).Value!,
            _ => "",
        }).ToList();
        Assert.Contains("8080", targets);
    }

    static YamlMappingNode Root()
    {
        Assert.True(File.Exists(ComposePath), $"{ComposePath} does not exist");
        var yaml = new YamlStream();
        using var reader = new StreamReader(ComposePath);
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    static Dictionary<string, YamlMappingNode> Services() =>
        ((YamlMappingNode)Root().Children[new YamlScalarNode("services")]).Children
            .ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => (YamlMappingNode)e.Value, StringComparer.Ordinal);

    /// <summary>A service's volume mounts as (source, target), from the short or the long syntax.</summary>
    static List<(string Source, string Target)> Mounts(YamlMappingNode service) =>
        service.Children.TryGetValue(new YamlScalarNode("volumes"), out var volumes) && volumes is YamlSequenceNode list
            ? [.. list.Children.Select(v => v switch
            {
                YamlScalarNode s when s.Value!.Split(':') is { Length: >= 2 } parts => (parts[0], parts[1]),
                YamlMappingNode m => (Scalar(m, "source") ?? "", Scalar(m, "target") ?? ""),
                _ => ("", ""),
            })]
            : [];

    /// <summary>The SQLite file a service's <c>ConnectionStrings__News</c> names, if it sets one.</summary>
    static string? DataSource(YamlMappingNode service)
    {
        if (!service.Children.TryGetValue(new YamlScalarNode("environment"), out var environment))
        {
            return null;
        }

        var value = environment switch
        {
            YamlMappingNode m => Scalar(m, "ConnectionStrings__News"),
            YamlSequenceNode s => s.Children.OfType<YamlScalarNode>().Select(e => e.Value!)
                .FirstOrDefault(e => e.StartsWith("ConnectionStrings__News=", StringComparison.Ordinal))?.Split('=', 2)[1],
            _ => null,
        };
        return value?.Split(';').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0].Trim().Equals("Data Source", StringComparison.OrdinalIgnoreCase))?[1].Trim();
    }

    static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;
}
