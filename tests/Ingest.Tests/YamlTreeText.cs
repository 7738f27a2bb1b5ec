using System.Text;
using NewsApi.Ingest.FrontMatter;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// A YAML tree as text, one node a line with its type, kind, line, column and text, so two trees compare as
/// strings and a difference shows where it is.
/// </summary>
static class YamlTreeText
{
    public static string Of(YamlValue? root)
    {
        var text = new StringBuilder();
        Write(root, 0, text);
        return text.ToString();
    }

    static void Write(YamlValue? node, int depth, StringBuilder text)
    {
        text.Append(' ', depth * 2);
        switch (node)
        {
            case null:
                text.Append("(no document)\n");
                break;
            case YamlScalarValue scalar:
                text.Append($"scalar {scalar.Kind} {scalar.Line}:{scalar.Column} {Quoted(scalar.Text)}\n");
                break;
            case YamlSequenceValue sequence:
                text.Append($"sequence {sequence.Line}:{sequence.Column} ({sequence.Items.Count})\n");
                foreach (var item in sequence.Items)
                {
                    Write(item, depth + 1, text);
                }

                break;
            case YamlMappingValue mapping:
                text.Append($"mapping {mapping.Line}:{mapping.Column} ({mapping.Entries.Count})\n");
                foreach (var (key, value) in mapping.Entries)
                {
                    Write(key, depth + 1, text);
                    Write(value, depth + 2, text);
                }

                break;
        }
    }

    /// <summary>The text with every character outside printable ASCII as \uXXXX, so nothing hides.</summary>
    static string Quoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return quoted.Append('"').ToString();
    }
}
