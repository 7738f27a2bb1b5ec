using System.Globalization;
using System.Text;

namespace NewsApi.CorpusGenerator;

/// <summary>Scalars written the way the real files write them: strings double-quoted, simple names plain.</summary>
internal static class YamlText
{
    static readonly string[] ReservedWords = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"];

    /// <summary>A double-quoted YAML scalar; line breaks and other controls become escapes, so it stays on one line.</summary>
    public static string Quoted(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ' or '\u007f':
                    builder.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    break;
                case '\u0085' or '\u2028' or '\u2029' or '\ufeff':
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// The value plain when that cannot be misread (letters, digits, spaces and . - # + inside, not a
    /// keyword or number), else quoted: <c>Power Apps</c> and <c>C#</c> stay plain, <c>.NET</c> is quoted.
    /// </summary>
    public static string Scalar(string value)
    {
        if (value.Length == 0 || !char.IsLetter(value[0]) || value[^1] == ' ' || value.Contains(" #", StringComparison.Ordinal)
            || ReservedWords.Contains(value.ToLowerInvariant()))
        {
            return Quoted(value);
        }

        foreach (var c in value)
        {
            if (!char.IsLetterOrDigit(c) && c is not (' ' or '.' or '-' or '#' or '+'))
            {
                return Quoted(value);
            }
        }

        return value;
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string DateTime(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
