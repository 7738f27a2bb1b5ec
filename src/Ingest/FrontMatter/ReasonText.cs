using System.Text;

namespace NewsApi.Ingest.FrontMatter;

/// <summary>Puts file content into a one-line rejection reason.</summary>
internal static class ReasonText
{
    const int MaxQuotedLength = 60;

    /// <summary>The text in single quotes, control characters escaped and cut to a readable length.</summary>
    public static string Quote(string text)
    {
        var cut = text.Length <= MaxQuotedLength ? text.Length
            : char.IsHighSurrogate(text[MaxQuotedLength - 1]) ? MaxQuotedLength - 1 : MaxQuotedLength;
        var builder = new StringBuilder(cut + 8);
        builder.Append('\'');
        foreach (var c in text.AsSpan(0, cut))
        {
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ' or '\u007f' or '\u0085' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        if (cut < text.Length)
        {
            builder.Append('…');
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>What a node is, for "expected X, got Y": a quoted scalar text, "a mapping" or "a list".</summary>
    public static string Describe(YamlValue node) => node switch
    {
        YamlScalarValue scalar => Quote(scalar.Text),
        YamlMappingValue => "a mapping",
        _ => "a list",
    };

    /// <summary>Folds a multi-line message (as YamlDotNet may give) into one line.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
