namespace NewsApi.Ingest.Tests;

/// <summary>What a scalar may be written as: <see cref="Plain"/> must stay plain (a number or boolean in extra).</summary>
enum ScalarUse
{
    /// <summary>A string field: any style, plain when that reads back as the same text.</summary>
    Text,

    /// <summary>A string in extra: never plain where it would read as a number, a boolean or null.</summary>
    ExtraText,

    /// <summary>An integer, boolean or date of a known field: plain or quoted, never a block scalar.</summary>
    Token,

    Plain,
}

/// <summary>The YAML tree <see cref="GeneratedArticleYaml"/> builds and <see cref="RandomYamlWriter"/> writes.</summary>
abstract class TreeNode
{
    public string? Anchor { get; set; }
}

sealed class ScalarNode(string text, ScalarUse use) : TreeNode
{
    public string Text { get; } = text;
    public ScalarUse Use { get; } = use;
}

sealed class NullNode : TreeNode;

sealed class AliasNode(string name) : TreeNode
{
    public string Name { get; } = name;
}

sealed class SeqNode(List<TreeNode> items) : TreeNode
{
    public List<TreeNode> Items { get; } = items;
}

sealed class MapNode(List<(string Key, TreeNode Value)> entries) : TreeNode
{
    public List<(string Key, TreeNode Value)> Entries { get; } = entries;
}
