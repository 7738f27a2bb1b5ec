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
    readonly int _step;
    int _anchors;
    bool _endedWithBlockScalar;

    GeneratedArticleYaml(int seed)
    {
        _random = new Random(seed);
        _step = _random.Next(1, 5);
    }

    public static string Write(GeneratedArticle article, int seed) => new GeneratedArticleYaml(seed).File(article);

    string File(GeneratedArticle article)
    {
        _out.Append("---").Append(Maybe(" \t")).Append('\n');
        WriteBlockMap(ArticleNode(article), 0, firstInline: false, topLevel: true);
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

    Map ArticleNode(GeneratedArticle a)
    {
        var known = new List<(string, Node)>();
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
        return new Map(Interleave(known, ExtraEntries(a.Extra, withAliases: true)));
    }

    Map ProviderNode(GeneratedProvider p)
    {
        var known = new List<(string, Node)>();
        AddText(known, "name", p.Name);
        AddText(known, "domain", p.Domain);
        AddList(known, "images", p.Images.Select(ImageNode));
        return new Map(Interleave(known, ExtraEntries(p.Extra, withAliases: false)));
    }

    Map ImageNode(GeneratedImage i)
    {
        var known = new List<(string, Node)>();
        AddText(known, "url", i.Url);
        AddInteger(known, "width", i.Width);
        AddInteger(known, "height", i.Height);
        AddBool(known, "isCached", i.IsCached);
        AddText(known, "title", i.Title);
        return new Map(Interleave(known, ExtraEntries(i.Extra, withAliases: false)));
    }

    Map RelatedNode(GeneratedRelated r)
    {
        var known = new List<(string, Node)>();
        AddText(known, "title", r.Title);
        AddText(known, "excerpt", r.Excerpt);
        AddInstant(known, "publishedDateTime", r.Published);
        AddText(known, "webUrl", r.WebUrl);
        AddText(known, "type", r.Type);
        AddOptional(known, "provider", r.Provider is null ? null : ProviderNode(r.Provider));
        AddInteger(known, "quality", r.Quality);
        AddList(known, "images", r.Images.Select(ImageNode));
        return new Map(Interleave(known, ExtraEntries(r.Extra, withAliases: false)));
    }

    static Scalar Text(string text) => new(text, Use.Text);

    void AddText(List<(string, Node)> entries, string key, string? value) => AddOptional(entries, key, value is null ? null : Text(value));

    void AddInstant(List<(string, Node)> entries, string key, GeneratedInstant? value) =>
        AddOptional(entries, key, value is null ? null : new Scalar(value.Text, Use.Token));

    void AddInteger(List<(string, Node)> entries, string key, int? value)
    {
        if (value is not { } number)
        {
            AddOptional(entries, key, null);
            return;
        }

        var digits = Math.Abs((long)number).ToString(CultureInfo.InvariantCulture);
        var sign = number < 0 ? "-" : _random.Next(6) == 0 ? "+" : "";
        var zeros = _random.Next(6) == 0 ? "00" : "";
        entries.Add((key, new Scalar(sign + zeros + digits, Use.Token)));
    }

    void AddBool(List<(string, Node)> entries, string key, bool? value) =>
        AddOptional(entries, key, value is null ? null : new Scalar(AnyCase(value.Value ? "true" : "false"), Use.Token));

    /// <summary>An absent value is left out or written as one of YAML's nulls.</summary>
    void AddOptional(List<(string, Node)> entries, string key, Node? value)
    {
        if (value is not null || _random.Next(2) == 0)
        {
            entries.Add((key, value ?? new Null()));
        }
    }

    /// <summary>Lists hold null items (skipped) among the real ones; an empty list may be absent or null.</summary>
    void AddList(List<(string, Node)> entries, string key, IEnumerable<Node> items)
    {
        var list = WithNoise(items, () => new Null());
        AddOptional(entries, key, list.Count == 0 && _random.Next(2) == 0 ? null : new Seq(list));
    }

    /// <summary>One topic may be a plain string; blank and null topics (dropped) sit among the real ones.</summary>
    void AddTopics(List<(string, Node)> entries, IReadOnlyList<string> topics)
    {
        if (topics.Count == 1 && _random.Next(3) == 0)
        {
            entries.Add(("topics", Text(topics[0])));
            return;
        }

        string[] blanks = ["", " ", "\t", "\u3000", "\n"];
        AddList(entries, "topics", WithNoise(topics.Select(Text), () => _random.Next(2) == 0 ? new Null() : Text(blanks[_random.Next(blanks.Length)])));
    }

    List<Node> WithNoise(IEnumerable<Node> items, Func<Node> noise)
    {
        var list = new List<Node>();
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
    List<(string, Node)> Interleave(List<(string, Node)> known, List<(string, Node)> extra)
    {
        var shuffled = known.OrderBy(_ => _random.Next()).ToList();
        var merged = new List<(string, Node)>();
        int k = 0, e = 0;
        while (k < shuffled.Count || e < extra.Count)
        {
            merged.Add(e == extra.Count || (k < shuffled.Count && _random.Next(2) == 0) ? shuffled[k++] : extra[e++]);
        }

        return merged;
    }

    /// <summary>Top-level extra values that the model repeats (the same object) are written once and aliased after.</summary>
    List<(string, Node)> ExtraEntries(IReadOnlyList<ExtraEntry> entries, bool withAliases)
    {
        var written = new Dictionary<ExtraValue, Node>(ReferenceEqualityComparer.Instance);
        var list = new List<(string, Node)>();
        foreach (var entry in entries)
        {
            if (withAliases && written.TryGetValue(entry.Value, out var first))
            {
                first.Anchor ??= "a" + (++_anchors).ToString(CultureInfo.InvariantCulture);
                list.Add((entry.Key, new Alias(first.Anchor)));
                continue;
            }

            var node = ExtraNode(entry.Value);
            written.TryAdd(entry.Value, node);
            list.Add((entry.Key, node));
        }

        return list;
    }

    Node ExtraNode(ExtraValue value) => value switch
    {
        ExtraText t => new Scalar(t.Value, Use.ExtraText),
        ExtraNumber n => new Scalar(n.Json, Use.Plain),
        ExtraBool b => new Scalar(AnyCase(b.Value ? "true" : "false"), Use.Plain),
        ExtraList l => new Seq([.. l.Items.Select(ExtraNode)]),
        ExtraMap m => new Map(ExtraEntries(m.Entries, withAliases: false)),
        _ => new Null(),
    };

    string AnyCase(string word) => _random.Next(3) switch
    {
        0 => word,
        1 => word.ToUpperInvariant(),
        _ => string.Concat(word.Select(c => _random.Next(2) == 0 ? char.ToUpperInvariant(c) : c)),
    };

    // ---- Writing the tree.

    void WriteBlockMap(Map map, int indent, bool firstInline, bool topLevel = false)
    {
        var first = true;
        foreach (var (key, value) in map.Entries)
        {
            if (!(first && firstInline))
            {
                // A blank line after a keep-chomped block scalar (|+) would belong to it.
                if (topLevel && _random.Next(8) == 0)
                {
                    _out.Append(_random.Next(2) == 0 && !_endedWithBlockScalar ? "\n" : "# a comment: with 'quotes' and #\n");
                }

                _out.Append(' ', indent);
            }

            first = false;
            _out.Append(Key(key, flow: false)).Append(':');
            _endedWithBlockScalar = false;
            WriteValue(value, indent);
        }
    }

    /// <summary>The value after "key:"; ends with the line end.</summary>
    void WriteValue(Node value, int indent)
    {
        var anchor = value.Anchor is { } name ? " &" + name : "";
        switch (value)
        {
            case Alias alias:
                _out.Append(" *").Append(alias.Name).Append('\n');
                return;
            case Null:
                _out.Append(anchor).Append(_random.Next(5) switch { 0 => "", 1 => " ~", 2 => " null", 3 => " Null", _ => " NULL" }).Append('\n');
                return;
            case Scalar scalar when BlockScalarFits(scalar) && _random.Next(3) == 0:
                _out.Append(anchor).Append(' ');
                WriteBlockScalar(scalar.Text, indent);
                _endedWithBlockScalar = true;
                return;
            case Scalar scalar:
                _out.Append(anchor).Append(' ').Append(InlineScalar(scalar, flow: false)).Append(Comment()).Append('\n');
                return;
            case Seq { Items.Count: > 0 } seq when _random.Next(3) > 0:
                _out.Append(anchor).Append('\n');
                WriteBlockSeq(seq, indent + (_random.Next(2) == 0 ? 0 : _step), firstInline: false);
                return;
            case Map { Entries.Count: > 0 } map when _random.Next(3) > 0:
                _out.Append(anchor).Append('\n');
                WriteBlockMap(map, indent + _step, firstInline: false);
                return;
            default:
                _out.Append(anchor).Append(' ').Append(Flow(value)).Append(Comment()).Append('\n');
                return;
        }
    }

    void WriteBlockSeq(Seq seq, int indent, bool firstInline)
    {
        var first = true;
        foreach (var item in seq.Items)
        {
            if (!(first && firstInline))
            {
                _out.Append(' ', indent);
            }

            first = false;
            _out.Append('-');
            switch (item)
            {
                case Null:
                    _out.Append(_random.Next(2) == 0 ? "" : " ~").Append('\n');
                    break;
                case Map { Entries.Count: > 0 } map when _random.Next(3) > 0:
                    _out.Append(' ');
                    WriteBlockMap(map, indent + 2, firstInline: true);
                    break;
                case Seq { Items.Count: > 0 } inner when _random.Next(3) > 0:
                    _out.Append(' ');
                    WriteBlockSeq(inner, indent + 2, firstInline: true);
                    break;
                case Scalar scalar:
                    _out.Append(' ').Append(InlineScalar(scalar, flow: false)).Append(Comment()).Append('\n');
                    break;
                default:
                    _out.Append(' ').Append(Flow(item)).Append('\n');
                    break;
            }
        }
    }

    string Flow(Node node) => node switch
    {
        Null => _random.Next(2) == 0 ? "~" : "null",
        Scalar scalar => InlineScalar(scalar, flow: true),
        Seq seq => "[" + string.Join(", ", seq.Items.Select(Flow)) + "]",
        Map map => "{" + string.Join(", ", map.Entries.Select(e => Key(e.Key, flow: true) + ": " + Flow(e.Value))) + "}",
        _ => throw new InvalidOperationException("aliases are written in block context only"),
    };

    string Key(string key, bool flow)
    {
        var plain = flow ? key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') : IsPlainSafe(key);
        return plain && _random.Next(4) > 0 ? key : SingleQuoteFits(key) && _random.Next(2) == 0 ? SingleQuoted(key) : DoubleQuoted(key);
    }

    string InlineScalar(Scalar scalar, bool flow)
    {
        var plain = scalar.Use switch
        {
            Use.Plain or Use.Token => true,
            Use.Text => !flow && IsPlainSafe(scalar.Text) && scalar.Text is not ("~" or "null" or "Null" or "NULL"),
            _ => !flow && IsPlainSafe(scalar.Text) && char.IsLetter(scalar.Text[0])
                && !(scalar.Text.ToUpperInvariant() is "TRUE" or "FALSE" or "NULL"),
        };
        if (scalar.Use == Use.Plain || (plain && _random.Next(3) > 0))
        {
            return scalar.Text;
        }

        return SingleQuoteFits(scalar.Text) && _random.Next(2) == 0 ? SingleQuoted(scalar.Text) : DoubleQuoted(scalar.Text);
    }

    string Comment() => _random.Next(10) == 0 ? " # note: \"x\" 'y' #z" : "";

    /// <summary>Literal (<c>|</c>) or folded (<c>&gt;</c>) with an explicit indentation, so leading spaces survive.</summary>
    void WriteBlockScalar(string text, int indent)
    {
        var extra = _random.Next(1, 5);
        var pad = new string(' ', indent + extra);
        var folded = FoldFits(text) && _random.Next(2) == 0;
        if (folded)
        {
            // Breaking a line at a single space between two words folds back into that space.
            var lines = new List<string>();
            var start = 0;
            for (var i = 1; i < text.Length - 1; i++)
            {
                if (text[i] == ' ' && text[i - 1] != ' ' && text[i + 1] != ' ' && _random.Next(3) == 0)
                {
                    lines.Add(text[start..i]);
                    start = i + 1;
                }
            }

            lines.Add(text[start..]);
            _out.Append('>').Append(extra).Append("-\n");
            foreach (var line in lines)
            {
                _out.Append(pad).Append(line).Append('\n');
            }

            return;
        }

        var trailing = text.Length - text.TrimEnd('\n').Length;
        var body = text[..^trailing];
        _out.Append('|').Append(extra).Append(trailing switch { 0 => "-", 1 => "", _ => "+" }).Append('\n');
        foreach (var line in body.Split('\n'))
        {
            _out.Append(line.Length == 0 ? "" : pad).Append(line).Append('\n');
        }

        _out.Append('\n', Math.Max(0, trailing - 1));
    }

    /// <summary>YamlDotNet rejects a block scalar whose lines hold only spaces (YAML 1.2 allows them under an indentation indicator).</summary>
    static bool BlockScalarFits(Scalar scalar) =>
        scalar.Use is Use.Text or Use.ExtraText && scalar.Text.Any(c => !char.IsWhiteSpace(c))
        && scalar.Text.All(c => c == '\n' || c == '\t' || IsPrintable(c))
        && scalar.Text.Split('\n').All(line => line.Length == 0 || line.Trim(' ', '\t').Length > 0);

    static bool FoldFits(string text) =>
        text.Length > 0 && text[0] != ' ' && text[^1] != ' ' && !text.Contains('\n', StringComparison.Ordinal) && !text.Contains('\t', StringComparison.Ordinal);

    /// <summary>
    /// Conservative: never an indicator first, no ':' or '#', no spaces at the ends, nothing YAML would fold or trim.
    /// No " *" either: YamlDotNet 16.3 rejects "- a *b: c" followed by another key of that mapping (valid YAML).
    /// </summary>
    static bool IsPlainSafe(string text) =>
        text.Length > 0 && !"-?:,[]{}#&*!|>'\"%@`. ".Contains(text[0], StringComparison.Ordinal) && text[^1] != ' '
        && text.All(c => IsPrintable(c) && c is not (':' or '#' or '\t'))
        && !text.Contains("  ", StringComparison.Ordinal) && !text.Contains(" *", StringComparison.Ordinal);

    static bool SingleQuoteFits(string text) => text.All(c => c == '\t' || IsPrintable(c));

    static string SingleQuoted(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Printable YAML characters that no reader treats as a line break or a byte-order mark.</summary>
    static bool IsPrintable(char c) =>
        c is >= ' ' and not '\u007F' and not (>= '\u0080' and <= '\u009F') and not '\u2028' and not '\u2029' and not '\uFEFF' and not '\uFFFE' and not '\uFFFF';

    string DoubleQuoted(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            switch (value)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append(_random.Next(4) == 0 ? "\\x0A" : "\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append(_random.Next(2) == 0 ? "\t" : "\\t"); break;
                case 0: builder.Append("\\0"); break;
                case < 0x10000 when !IsPrintable((char)value) || _random.Next(20) == 0:
                    builder.Append(value <= 0xFF ? $"\\x{value:X2}" : $"\\u{value:X4}");
                    break;
                case >= 0x10000 when _random.Next(4) == 0:
                    builder.Append(CultureInfo.InvariantCulture, $"\\U{value:X8}");
                    break;
                default: builder.Append(rune.ToString()); break;
            }
        }

        return builder.Append('"').ToString();
    }

    string Maybe(string text) => _random.Next(3) == 0 ? text : "";

    /// <summary>What a scalar may be written as: <see cref="Use.Plain"/> must stay plain (a number in extra).</summary>
    enum Use { Text, ExtraText, Token, Plain }

    abstract class Node
    {
        public string? Anchor { get; set; }
    }

    sealed class Scalar(string text, Use use) : Node
    {
        public string Text { get; } = text;
        public Use Use { get; } = use;
    }

    sealed class Null : Node;

    sealed class Alias(string name) : Node
    {
        public string Name { get; } = name;
    }

    sealed class Seq(List<Node> items) : Node
    {
        public List<Node> Items { get; } = items;
    }

    sealed class Map(List<(string Key, Node Value)> entries) : Node
    {
        public List<(string Key, Node Value)> Entries { get; } = entries;
    }
}
