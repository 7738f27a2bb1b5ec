using System.Globalization;
using System.Text;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// Writes a <see cref="GeneratedArticle"/> as a markdown file, drawing every choice YAML leaves open
/// from a seeded random: key order, plain/single/double-quoted/literal/folded scalars, flow or block
/// lists and mappings, indentation, comments, null spellings, anchors and aliases, integers with a
/// sign, leading zeros or quotes, booleans in any case, CRLF, a byte-order mark and a body.
/// </summary>
sealed class GeneratedArticleYaml
{
    readonly Random _random;
    readonly StringBuilder _out = new();
    readonly RandomYamlWriter _writer;
    readonly bool _blockOnly;
    int _anchors;

    GeneratedArticleYaml(int seed, bool blockOnly)
    {
        _random = new Random(seed);
        _writer = new RandomYamlWriter(_random, _out, blockOnly);
        _blockOnly = blockOnly;
    }

    /// <param name="blockOnly">Only the YAML the parser's fast path reads: no anchors, see <see cref="RandomYamlWriter"/>.</param>
    public static string Write(GeneratedArticle article, int seed, bool blockOnly = false) =>
        new GeneratedArticleYaml(seed, blockOnly).File(article);

    string File(GeneratedArticle article)
    {
        _out.Append("---").Append(Maybe(" \t")).Append('\n');
        _writer.WriteBlockMap(ArticleNode(article), 0, firstInline: false, topLevel: true);
        _out.Append("---").Append(Maybe("  "));
        if (_random.Next(4) > 0)
        {
            _out.Append('\n').Append(Maybe("Body text: not YAML [ {\n---\n"));
        }

        var text = _out.ToString();
        if (_random.Next(4) == 0)
        {
            text = text.Replace("\n", "\r\n", StringComparison.Ordinal);
        }

        return _random.Next(4) == 0 ? "\uFEFF" + text : text;
    }

    // ---- The article as a YAML tree, with SPEC's equivalent spellings chosen at random.

    MapNode ArticleNode(GeneratedArticle a)
    {
        var known = new List<(string, TreeNode)>();
        known.Add(("title", Text(a.Title)));
        AddText(known, "category", a.Category);
        AddText(known, "excerpt", a.Excerpt);
        AddInstant(known, "publishedDateTime", a.Published);
        AddText(known, "originalUrl", a.OriginalUrl);
        AddText(known, "webUrl", a.WebUrl);
        AddText(known, "ampWebUrl", a.AmpWebUrl);
        AddText(known, "cdnAmpWebUrl", a.CdnAmpWebUrl);
        AddText(known, "type", a.Type);
        AddInteger(known, "quality", a.Quality);
        AddInteger(known, "heat", a.Heat);
        AddBool(known, "published", a.IsPublished);
        AddText(known, "featuredContent", a.FeaturedContent);
        AddOptional(known, "provider", a.Provider is null ? null : ProviderNode(a.Provider));
        AddTopics(known, a.Topics);
        AddList(known, "images", a.Images.Select(ImageNode));
        AddList(known, "related", a.Related.Select(RelatedNode));
        AddText(known, "secured", a.Secured);
        return new MapNode(Interleave(known, ExtraEntries(a.Extra, withAliases: true)));
    }

    MapNode ProviderNode(GeneratedProvider p)
    {
        var known = new List<(string, TreeNode)>();
        AddText(known, "name", p.Name);
        AddText(known, "domain", p.Domain);
        AddList(known, "images", p.Images.Select(ImageNode));
        return new MapNode(Interleave(known, ExtraEntries(p.Extra, withAliases: false)));
    }

    MapNode ImageNode(GeneratedImage i)
    {
        var known = new List<(string, TreeNode)>();
        AddText(known, "url", i.Url);
        AddInteger(known, "width", i.Width);
        AddInteger(known, "height", i.Height);
        AddBool(known, "isCached", i.IsCached);
        AddText(known, "title", i.Title);
        return new MapNode(Interleave(known, ExtraEntries(i.Extra, withAliases: false)));
    }

    MapNode RelatedNode(GeneratedRelated r)
    {
        var known = new List<(string, TreeNode)>();
        AddText(known, "title", r.Title);
        AddText(known, "excerpt", r.Excerpt);
        AddInstant(known, "publishedDateTime", r.Published);
        AddText(known, "webUrl", r.WebUrl);
        AddText(known, "type", r.Type);
        AddOptional(known, "provider", r.Provider is null ? null : ProviderNode(r.Provider));
        AddInteger(known, "quality", r.Quality);
        AddList(known, "images", r.Images.Select(ImageNode));
        return new MapNode(Interleave(known, ExtraEntries(r.Extra, withAliases: false)));
    }

    static ScalarNode Text(string text) => new(text, ScalarUse.Text);

    void AddText(List<(string, TreeNode)> entries, string key, string? value) => AddOptional(entries, key, value is null ? null : Text(value));

    void AddInstant(List<(string, TreeNode)> entries, string key, GeneratedInstant? value) =>
        AddOptional(entries, key, value is null ? null : new ScalarNode(value.Text, ScalarUse.Token));

    void AddInteger(List<(string, TreeNode)> entries, string key, int? value)
    {
        if (value is not { } number)
        {
            AddOptional(entries, key, null);
            return;
        }

        var digits = Math.Abs((long)number).ToString(CultureInfo.InvariantCulture);
        var sign = number < 0 ? "-" : _random.Next(6) == 0 ? "+" : "";
        var zeros = _random.Next(6) == 0 ? "00" : "";
        entries.Add((key, new ScalarNode(sign + zeros + digits, ScalarUse.Token)));
    }

    void AddBool(List<(string, TreeNode)> entries, string key, bool? value) =>
        AddOptional(entries, key, value is null ? null : new ScalarNode(AnyCase(value.Value ? "true" : "false"), ScalarUse.Token));

    /// <summary>An absent value is left out or written as one of YAML's nulls.</summary>
    void AddOptional(List<(string, TreeNode)> entries, string key, TreeNode? value)
    {
        if (value is not null || _random.Next(2) == 0)
        {
            entries.Add((key, value ?? new NullNode()));
        }
    }

    /// <summary>Lists hold null items (skipped) among the real ones; an empty list may be absent or null.</summary>
    void AddList(List<(string, TreeNode)> entries, string key, IEnumerable<TreeNode> items)
    {
        var list = WithNoise(items, () => new NullNode());
        AddOptional(entries, key, list.Count == 0 && _random.Next(2) == 0 ? null : new SeqNode(list));
    }

    /// <summary>One topic may be a plain string; blank and null topics (dropped) sit among the real ones.</summary>
    void AddTopics(List<(string, TreeNode)> entries, IReadOnlyList<string> topics)
    {
        if (topics.Count == 1 && _random.Next(3) == 0)
        {
            entries.Add(("topics", Text(topics[0])));
            return;
        }

        string[] blanks = ["", " ", "\t", "\u3000", "\n"];
        AddList(entries, "topics", WithNoise(topics.Select(Text), () => _random.Next(2) == 0 ? new NullNode() : Text(blanks[_random.Next(blanks.Length)])));
    }

    List<TreeNode> WithNoise(IEnumerable<TreeNode> items, Func<TreeNode> noise)
    {
        var list = new List<TreeNode>();
        foreach (var item in items)
        {
            if (_random.Next(5) == 0)
            {
                list.Add(noise());
            }

            list.Add(item);
        }

        return list;
    }

    /// <summary>Extra keys keep their order among themselves (it is the order of <c>extra</c>); known keys go anywhere.</summary>
    List<(string, TreeNode)> Interleave(List<(string, TreeNode)> known, List<(string, TreeNode)> extra)
    {
        var shuffled = known.OrderBy(_ => _random.Next()).ToList();
        var merged = new List<(string, TreeNode)>();
        int k = 0, e = 0;
        while (k < shuffled.Count || e < extra.Count)
        {
            merged.Add(e == extra.Count || (k < shuffled.Count && _random.Next(2) == 0) ? shuffled[k++] : extra[e++]);
        }

        return merged;
    }

    /// <summary>Top-level extra values that the model repeats (the same object) are written once and aliased after.</summary>
    List<(string, TreeNode)> ExtraEntries(IReadOnlyList<ExtraEntry> entries, bool withAliases)
    {
        var written = new Dictionary<ExtraValue, TreeNode>(ReferenceEqualityComparer.Instance);
        var list = new List<(string, TreeNode)>();
        foreach (var entry in entries)
        {
            if (withAliases && !_blockOnly && written.TryGetValue(entry.Value, out var first))
            {
                first.Anchor ??= "a" + (++_anchors).ToString(CultureInfo.InvariantCulture);
                list.Add((entry.Key, new AliasNode(first.Anchor)));
                continue;
            }

            var node = ExtraNode(entry.Value);
            written.TryAdd(entry.Value, node);
            list.Add((entry.Key, node));
        }

        return list;
    }

    TreeNode ExtraNode(ExtraValue value) => value switch
    {
        ExtraText t => new ScalarNode(t.Value, ScalarUse.ExtraText),
        ExtraNumber n => new ScalarNode(n.Json, ScalarUse.Plain),
        ExtraBool b => new ScalarNode(AnyCase(b.Value ? "true" : "false"), ScalarUse.Plain),
        ExtraList l => new SeqNode([.. l.Items.Select(ExtraNode)]),
        ExtraMap m => new MapNode(ExtraEntries(m.Entries, withAliases: false)),
        _ => new NullNode(),
    };

    string AnyCase(string word) => _random.Next(3) switch
    {
        0 => word,
        1 => word.ToUpperInvariant(),
        _ => string.Concat(word.Select(c => _random.Next(2) == 0 ? char.ToUpperInvariant(c) : c)),
    };

    string Maybe(string text) => _random.Next(3) == 0 ? text : "";
}
