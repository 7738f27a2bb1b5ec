using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsApi.Ingest.FrontMatter;

/// <summary>
/// Converts YAML nodes to JSON for <c>extra</c>: plain scalars that read as numbers become numbers, as
/// <c>true</c>/<c>false</c> (any case) booleans, null forms null; every other scalar is the string as written.
/// Mappings become objects in file order, sequences arrays. Recursion is bounded: the tree builder has
/// already rejected anything deeper than <see cref="FrontMatterLimits.MaxDepth"/>.
/// </summary>
internal static class YamlJsonWriter
{
    /// <summary>Non-ASCII text stays readable in the stored JSON; it is data, never embedded in HTML.</summary>
    static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>A JSON object text of the entries, keys in the given order; null when there is none.</summary>
    public static string? ObjectText(IReadOnlyList<KeyValuePair<YamlScalarValue, YamlValue>> entries, int maxDepth)
    {
        if (entries.Count == 0)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options(maxDepth)))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in entries)
            {
                writer.WritePropertyName(key.Text);
                Write(writer, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>One node as a standalone <see cref="JsonElement"/> (for <c>ImageInfo.Extra</c>).</summary>
    public static JsonElement Element(YamlValue node, int maxDepth)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options(maxDepth)))
        {
            Write(writer, node);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = maxDepth + 2 });
        return document.RootElement.Clone();
    }

    static JsonWriterOptions Options(int maxDepth) => new() { Encoder = Encoder, MaxDepth = maxDepth + 2 };

    static void Write(Utf8JsonWriter writer, YamlValue node)
    {
        switch (node)
        {
            case YamlScalarValue scalar:
                WriteScalar(writer, scalar);
                break;
            case YamlMappingValue mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Entries)
                {
                    writer.WritePropertyName(key.Text);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceValue sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
        }
    }

    static void WriteScalar(Utf8JsonWriter writer, YamlScalarValue scalar)
    {
        if (scalar.Kind == YamlScalarKind.Null)
        {
            writer.WriteNullValue();
        }
        else if (scalar.Kind == YamlScalarKind.String)
        {
            writer.WriteStringValue(scalar.Text);
        }
        else if (scalar.Text.Equals("true", StringComparison.OrdinalIgnoreCase)
            || scalar.Text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            writer.WriteBooleanValue(scalar.Text.Length == 4);
        }
        else if (YamlScalarReader.TryJsonNumber(scalar.Text, out var number))
        {
            writer.WriteRawValue(number);
        }
        else
        {
            writer.WriteStringValue(scalar.Text);
        }
    }
}
