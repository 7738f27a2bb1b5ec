using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace NewsApi.Ingest.FrontMatter;

/// <summary>Reads the front matter of one markdown file by SPEC section 1.</summary>
public static class FrontMatterParser
{
    /// <summary>A larger MaxDepth is not honoured: the stages after the tree builder recurse once per level.</summary>
    const int DepthCeiling = 512;

    static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The front matter of <paramref name="file"/> (the whole file's bytes), or the reason it is rejected. Never
    /// throws: every kind of bad input, however hostile, is a <see cref="FrontMatterError"/>.
    /// </summary>
    public static FrontMatterResult Parse(ReadOnlySpan<byte> file, FrontMatterLimits? limits = null) =>
        Parse(file, limits, fastPath: true);

    /// <summary>
    /// <paramref name="fastPath"/> false reads every file with YamlDotNet, as before the fast path existed: the
    /// tests compare the two.
    /// </summary>
    internal static FrontMatterResult Parse(ReadOnlySpan<byte> file, FrontMatterLimits? limits, bool fastPath)
    {
        limits ??= new FrontMatterLimits();
        if (file.Length > limits.MaxFileBytes)
        {
            return new FrontMatterError($"file is {file.Length} bytes, over the limit of {limits.MaxFileBytes}");
        }

        if (!Utf8.IsValid(file))
        {
            return InvalidUtf8(file);
        }

        // Markers are ASCII, so they are found in the bytes; only the YAML between them is decoded.
        var content = file.StartsWith(Utf8Bom) ? file[Utf8Bom.Length..] : file;
        if (FindBlock(content) is not { } block)
        {
            return IsMarkerLine(content[..LineEnd(content, 0)])
                ? new FrontMatterError("unterminated front matter: no closing '---' line", 1, 1)
                : new FrontMatterError("no front matter: the file does not start with a '---' line", 1, 1);
        }

        // The fast path reads the text from a pooled buffer; only YamlDotNet needs it as a string.
        var bytes = content[block.Start..block.End];
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        var maxDepth = Math.Min(limits.MaxDepth, DepthCeiling);
        try
        {
            var length = StrictUtf8.GetChars(bytes, chars);

            // The opening '---' is the one line before the YAML text.
            if (!fastPath || !BlockYamlReader.TryRead(chars, length, lineOffset: 1, maxDepth, limits.MaxNodes, out var root))
            {
                root = YamlTreeBuilder.Build(new string(chars, 0, length), lineOffset: 1, maxDepth, limits.MaxNodes, limits.MaxAliasText);
            }

            return new FrontMatterDocumentReader(maxDepth).Read(root);
        }
        catch (FrontMatterRejectedException e)
        {
            return e.Error;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The YAML text between the markers of a valid UTF-8 file, or null: for tests that compare the YAML readers.</summary>
    internal static string? YamlText(ReadOnlySpan<byte> file)
    {
        var content = file.StartsWith(Utf8Bom) ? file[Utf8Bom.Length..] : file;
        return Utf8.IsValid(file) && FindBlock(content) is { } block ? StrictUtf8.GetString(content[block.Start..block.End]) : null;
    }

    /// <summary>Where the YAML between the opening and the closing '---' lines starts and ends, if both exist.</summary>
    static (int Start, int End)? FindBlock(ReadOnlySpan<byte> content)
    {
        var lineEnd = LineEnd(content, 0);
        if (!IsMarkerLine(content[..lineEnd]) || lineEnd == content.Length)
        {
            return null;
        }

        var yamlStart = lineEnd + 1;
        for (var lineStart = yamlStart; lineStart < content.Length; lineStart = lineEnd + 1)
        {
            lineEnd = LineEnd(content, lineStart);
            if (IsMarkerLine(content[lineStart..lineEnd]))
            {
                return (yamlStart, lineStart);
            }
        }

        return null;
    }

    static int LineEnd(ReadOnlySpan<byte> content, int lineStart)
    {
        var newline = content[lineStart..].IndexOf((byte)'\n');
        return newline < 0 ? content.Length : lineStart + newline;
    }

    /// <summary>Exactly `---`, then only spaces and tabs (and the CR of a CRLF).</summary>
    static bool IsMarkerLine(ReadOnlySpan<byte> line) =>
        line.StartsWith("---"u8) && !line[3..].ContainsAnyExcept(" \t\r"u8);

    /// <summary>Names the first invalid byte by its line and column (in characters, as an editor counts them).</summary>
    static FrontMatterError InvalidUtf8(ReadOnlySpan<byte> file)
    {
        int offset = 0, line = 1, column = 1;
        while (offset < file.Length)
        {
            if (Rune.DecodeFromUtf8(file[offset..], out var rune, out var consumed) != OperationStatus.Done)
            {
                break;
            }

            offset += consumed;
            (line, column) = rune.Value switch
            {
                '\n' => (line + 1, 1),
                0xFEFF when offset == consumed => (line, column),
                _ => (line, column + rune.Utf16SequenceLength),
            };
        }

        return offset < file.Length
            ? new FrontMatterError($"invalid UTF-8: byte 0x{file[offset]:X2} at offset {offset} does not decode", line, column)
            : new FrontMatterError("invalid UTF-8");
    }
}
