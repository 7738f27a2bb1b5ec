using System.Globalization;
using System.Text;

namespace NewsApi.Ingest.FrontMatter;

/// <summary>
/// Decodes single-line quoted scalars for <see cref="BlockYamlReader"/>. Null means "leave it to YamlDotNet": the
/// closing quote is not on this line (a multi-line scalar, or an error), or an escape is one it does not know.
/// </summary>
internal sealed class QuotedScalarDecoder
{
    /// <summary>Made on the first escape: most files have none.</summary>
    StringBuilder? _builder;

    /// <summary>The text of the '…' scalar opening at <paramref name="pos"/>, which moves past its closing quote.</summary>
    public string? SingleQuoted(ReadOnlySpan<char> upToLineEnd, ref int pos)
    {
        var start = pos + 1;
        var close = upToLineEnd[start..].IndexOf('\'');
        if (close < 0)
        {
            return null;
        }

        if (start + close + 1 >= upToLineEnd.Length || upToLineEnd[start + close + 1] != '\'')
        {
            pos = start + close + 1;
            return upToLineEnd.Slice(start, close).ToString();
        }

        // '' stands for one quote.
        var builder = Builder();
        var at = start;
        while (true)
        {
            close = upToLineEnd[at..].IndexOf('\'');
            if (close < 0)
            {
                return null;
            }

            builder.Append(upToLineEnd.Slice(at, close));
            at += close + 1;
            if (at < upToLineEnd.Length && upToLineEnd[at] == '\'')
            {
                builder.Append('\'');
                at++;
                continue;
            }

            pos = at;
            return builder.ToString();
        }
    }

    /// <summary>The text of the "…" scalar opening at <paramref name="pos"/>, which moves past its closing quote.</summary>
    public string? DoubleQuoted(ReadOnlySpan<char> upToLineEnd, ref int pos)
    {
        var start = pos + 1;
        var stop = upToLineEnd[start..].IndexOfAny('"', '\\');
        if (stop < 0)
        {
            return null;
        }

        if (upToLineEnd[start + stop] == '"')
        {
            pos = start + stop + 1;
            return upToLineEnd.Slice(start, stop).ToString();
        }

        var builder = Builder();
        var at = start;
        while (true)
        {
            stop = upToLineEnd[at..].IndexOfAny('"', '\\');
            if (stop < 0)
            {
                return null;
            }

            builder.Append(upToLineEnd.Slice(at, stop));
            at += stop;
            if (upToLineEnd[at] == '"')
            {
                pos = at + 1;
                return builder.ToString();
            }

            // A backslash that ends the line joins lines: not this reader's business.
            if (at + 1 >= upToLineEnd.Length || !AppendEscape(builder, upToLineEnd, ref at))
            {
                return null;
            }
        }
    }

    StringBuilder Builder() => (_builder ??= new StringBuilder()).Clear();

    /// <summary>Appends the escape whose backslash is at <paramref name="at"/>, which moves past it.</summary>
    static bool AppendEscape(StringBuilder builder, ReadOnlySpan<char> text, ref int at)
    {
        var code = text[at + 1];
        var simple = code switch
        {
            '0' => '\0',
            'a' => '\a',
            'b' => '\b',
            't' => '\t',
            'n' => '\n',
            'v' => '\v',
            'f' => '\f',
            'r' => '\r',
            'e' => '\u001B',
            ' ' => ' ',
            '"' => '"',
            '/' => '/',
            '\\' => '\\',
            'N' => '\u0085',
            '_' => '\u00A0',
            'L' => '\u2028',
            'P' => '\u2029',
            _ => (char?)null,
        };
        if (simple is { } c)
        {
            builder.Append(c);
            at += 2;
            return true;
        }

        var digits = code switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
        if (digits == 0 || at + 2 + digits > text.Length
            || !uint.TryParse(text.Slice(at + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            || !Rune.IsValid(value))
        {
            return false;
        }

        Span<char> utf16 = stackalloc char[2];
        builder.Append(utf16[..new Rune(value).EncodeToUtf16(utf16)]);
        at += 2 + digits;
        return true;
    }
}
