using System.Globalization;
using System.Text;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// Writes a YAML tree with every choice YAML leaves open drawn from a random: plain, single-quoted,
/// double-quoted (with escapes), literal or folded scalars, flow or block collections, indentation,
/// compact nested items, comments and null spellings. Plain and block styles are used only where the
/// text reads back unchanged. <c>blockOnly</c> keeps to what the parser's fast path reads: block collections,
/// one-line scalars (no block scalars, flow collections with content, literal tabs or line breaks in quotes).
/// </summary>
sealed class RandomYamlWriter(Random random, StringBuilder output, bool blockOnly = false)
{
    readonly Random _random = random;
    readonly StringBuilder _out = output;
    readonly bool _blockOnly = blockOnly;
    readonly int _step = random.Next(1, 5);
    bool _endedWithBlockScalar;

    public void WriteBlockMap(MapNode map, int indent, bool firstInline, bool topLevel = false)
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
    void WriteValue(TreeNode value, int indent)
    {
        var anchor = value.Anchor is { } name ? " &" + name : "";
        switch (value)
        {
            case AliasNode alias:
                _out.Append(" *").Append(alias.Name).Append('\n');
                return;
            case NullNode:
                _out.Append(anchor).Append(_random.Next(5) switch { 0 => "", 1 => " ~", 2 => " null", 3 => " Null", _ => " NULL" }).Append('\n');
                return;
            case ScalarNode scalar when !_blockOnly && BlockScalarFits(scalar) && _random.Next(3) == 0:
                _out.Append(anchor).Append(' ');
                WriteBlockScalar(scalar.Text, indent);
                _endedWithBlockScalar = true;
                return;
            case ScalarNode scalar:
                _out.Append(anchor).Append(' ').Append(InlineScalar(scalar, flow: false)).Append(Comment()).Append('\n');
                return;
            case SeqNode { Items.Count: > 0 } seq when _blockOnly || _random.Next(3) > 0:
                _out.Append(anchor).Append('\n');
                WriteBlockSeq(seq, indent + (_random.Next(2) == 0 ? 0 : _step), firstInline: false);
                return;
            case MapNode { Entries.Count: > 0 } map when _blockOnly || _random.Next(3) > 0:
                _out.Append(anchor).Append('\n');
                WriteBlockMap(map, indent + _step, firstInline: false);
                return;
            default:
                _out.Append(anchor).Append(' ').Append(Flow(value)).Append(Comment()).Append('\n');
                return;
        }
    }

    void WriteBlockSeq(SeqNode seq, int indent, bool firstInline)
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
                case NullNode:
                    _out.Append(_random.Next(2) == 0 ? "" : " ~").Append('\n');
                    break;
                case MapNode { Entries.Count: > 0 } map when _blockOnly || _random.Next(3) > 0:
                    _out.Append(' ');
                    WriteBlockMap(map, indent + 2, firstInline: true);
                    break;
                case SeqNode { Items.Count: > 0 } inner when _blockOnly || _random.Next(3) > 0:
                    _out.Append(' ');
                    WriteBlockSeq(inner, indent + 2, firstInline: true);
                    break;
                case ScalarNode scalar:
                    _out.Append(' ').Append(InlineScalar(scalar, flow: false)).Append(Comment()).Append('\n');
                    break;
                default:
                    _out.Append(' ').Append(Flow(item)).Append('\n');
                    break;
            }
        }
    }

    string Flow(TreeNode node) => node switch
    {
        NullNode => _random.Next(2) == 0 ? "~" : "null",
        ScalarNode scalar => InlineScalar(scalar, flow: true),
        SeqNode seq => "[" + string.Join(", ", seq.Items.Select(Flow)) + "]",
        MapNode map => "{" + string.Join(", ", map.Entries.Select(e => Key(e.Key, flow: true) + ": " + Flow(e.Value))) + "}",
        _ => throw new InvalidOperationException("aliases are written in block context only"),
    };

    string Key(string key, bool flow)
    {
        var plain = flow ? key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') : IsPlainSafe(key);
        return plain && _random.Next(4) > 0 ? key : SingleQuoteFits(key) && _random.Next(2) == 0 ? SingleQuoted(key) : DoubleQuoted(key);
    }

    string InlineScalar(ScalarNode scalar, bool flow)
    {
        var plain = scalar.Use switch
        {
            ScalarUse.Plain or ScalarUse.Token => true,
            ScalarUse.Text => !flow && IsPlainSafe(scalar.Text) && scalar.Text is not ("~" or "null" or "Null" or "NULL"),
            _ => !flow && IsPlainSafe(scalar.Text) && char.IsLetter(scalar.Text[0])
                && !(scalar.Text.ToUpperInvariant() is "TRUE" or "FALSE" or "NULL"),
        };
        if (scalar.Use == ScalarUse.Plain || (plain && _random.Next(3) > 0))
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
    static bool BlockScalarFits(ScalarNode scalar) =>
        scalar.Use is ScalarUse.Text or ScalarUse.ExtraText && scalar.Text.Any(c => !char.IsWhiteSpace(c))
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

    bool SingleQuoteFits(string text) => text.All(c => (c == '\t' && !_blockOnly) || IsPrintable(c));

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
                case '\t': builder.Append(_random.Next(2) == 0 && !_blockOnly ? "\t" : "\\t"); break;
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
}
