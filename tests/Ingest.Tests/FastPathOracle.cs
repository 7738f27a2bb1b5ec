using System.Text.Json;
using NewsApi.Ingest.FrontMatter;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// The differential oracle for <see cref="BlockYamlReader"/>: wherever the fast path returns a tree, YamlDotNet's
/// builder must return the very same one (types, order, texts, kinds, lines, columns).
/// </summary>
static class FastPathOracle
{
    /// <summary>True when the fast path read <paramref name="yaml"/> (and agreed); false when it declined.</summary>
    public static bool Agrees(string yaml, int maxDepth = 32, int maxNodes = 100_000)
    {
        if (!BlockYamlReader.TryRead(yaml, lineOffset: 1, maxDepth, maxNodes, out var fast))
        {
            return false;
        }

        YamlValue? reference;
        try
        {
            reference = YamlTreeBuilder.Build(yaml, lineOffset: 1, maxDepth, maxNodes, maxAliasText: 100_000);
        }
        catch (FrontMatterRejectedException e)
        {
            Assert.Fail($"the fast path read YAML that YamlDotNet rejects ({e.Error}):\n{yaml}\nfast path:\n{YamlTreeText.Of(fast)}");
            throw;
        }

        var expected = YamlTreeText.Of(reference);
        var actual = YamlTreeText.Of(fast);
        if (expected != actual)
        {
            Assert.Fail($"the trees differ for:\n{yaml}\nYamlDotNet:\n{expected}\nfast path:\n{actual}");
        }

        return true;
    }

    /// <summary>Parse's whole answer (document or error) is the same with and without the fast path.</summary>
    public static void ParsesAlike(byte[] file, FrontMatterLimits? limits = null)
    {
        var expected = JsonSerializer.Serialize(FrontMatterParser.Parse(file, limits, fastPath: false));
        var actual = JsonSerializer.Serialize(FrontMatterParser.Parse(file, limits, fastPath: true));
        Assert.Equal(expected, actual);
    }
}
