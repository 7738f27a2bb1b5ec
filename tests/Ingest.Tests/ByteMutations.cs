using System.Text;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// Breaks a valid file the way disks, editors and attackers do: flipped bits, bytes inserted,
/// deleted, duplicated or repeated, a cut-off end, control bytes, invalid UTF-8 and stray BOMs.
/// </summary>
static class ByteMutations
{
    /// <summary>Byte runs that matter to a UTF-8 decoder, a YAML scanner or a marker-line finder.</summary>
    static readonly byte[][] Hostile =
    [
        [0x00], [0x01], [0x08], [0x0B], [0x0C], [0x1B], [0x7F], [(byte)'\t'], [(byte)'\r'], [(byte)'\n'], [(byte)' '],
        [0xFF], [0xFE], [0xC0, 0xAF], [0xC3, 0x28], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
        [0xF0, 0x9F, 0x98], [0xEF, 0xBB, 0xBF], [0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xEF, 0xBF, 0xBE],
        .. new[]
        {
            ":", ": ", "-", "- ", "? ", ",", "[", "]", "{", "}", "#", "&", "&a ", "*a", "*", "!", "!!str ", "!!int ", "!!binary ", "!<tag:x> ",
            "|", "|-", ">", "|+9", "'", "\"", "\\", "\\u", "\\x", "\\UFFFFFFFF", "%", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "@", "`",
            "---", "...", "\n---\n", "\n...\n", "\n--- ", "<<: ", "<<: *a\n", "~", "null", "true", "0x1F", "1e999", "2024-13-45",
            "\n  ", "\n\t", "title: ", "\ntitle: x\n", "quality: ", "topics: ", "- - - - ", "[[[[", "{{{{",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    static readonly byte[][] ValidUtf8Hostile = [.. Hostile.Where(run => System.Text.Unicode.Utf8.IsValid(run))];

    /// <summary>
    /// One to five edits. Half the files get byte-level edits (anything goes, so most end as invalid UTF-8); the
    /// other half stay valid UTF-8, with edits at character boundaries and a closing marker put back after a cut,
    /// so that they reach the YAML reader and the field rules.
    /// </summary>
    public static byte[] Mutate(byte[] file, int seed)
    {
        var random = new Random(seed);
        var textOnly = random.Next(2) == 0;
        var inserts = textOnly ? ValidUtf8Hostile : Hostile;
        var bytes = new List<byte>(file);
        for (var edits = random.Next(1, 6); edits > 0; edits--)
        {
            var at = random.Next(bytes.Count + 1);
            while (textOnly && at < bytes.Count && bytes[at] is >= 0x80 and < 0xC0)
            {
                at++;
            }

            switch (random.Next(9))
            {
                case 0 when at < bytes.Count && !(textOnly && bytes[at] >= 0x80):
                    bytes[at] ^= (byte)(1 << random.Next(textOnly ? 7 : 8));
                    break;
                case 1 when at < bytes.Count && !textOnly:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1 or 2 or 3:
                    bytes.InsertRange(at, inserts[random.Next(inserts.Length)]);
                    break;
                case 4 when at < bytes.Count:
                    bytes.RemoveRange(at, CharBoundary(bytes, at, random.Next(1, 64), textOnly) - at);
                    break;
                case 5 when at < bytes.Count:
                    var to = textOnly ? CharBoundary(bytes, random.Next(bytes.Count + 1), 0, textOnly) : random.Next(bytes.Count + 1);
                    bytes.InsertRange(to, bytes.GetRange(at, CharBoundary(bytes, at, random.Next(1, 128), textOnly) - at));
                    break;
                case 6 when at < bytes.Count && random.Next(4) == 0:
                    // Repeated runs make inputs tens of kilobytes long: time and memory must stay linear.
                    var run = bytes.GetRange(at, CharBoundary(bytes, at, random.Next(1, 64), textOnly) - at);
                    var copies = random.Next(10, 2000);
                    for (var i = 0; i < copies; i++)
                    {
                        bytes.InsertRange(at, run);
                    }

                    break;
                case 7:
                    bytes.RemoveRange(at, bytes.Count - at);
                    if (textOnly)
                    {
                        bytes.AddRange("\n---\n"u8.ToArray());
                    }

                    break;
                default:
                    bytes.Insert(at, (byte)random.Next(textOnly ? 128 : 256));
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>The end of a run of about <paramref name="length"/> bytes from <paramref name="at"/>, moved onto a character boundary when <paramref name="textOnly"/>.</summary>
    static int CharBoundary(List<byte> bytes, int at, int length, bool textOnly)
    {
        var end = Math.Min(at + length, bytes.Count);
        while (textOnly && end < bytes.Count && bytes[end] is >= 0x80 and < 0xC0)
        {
            end++;
        }

        return end;
    }

    /// <summary>The bytes readably (non-printable ones as \xNN) and exactly (hex, for Convert.FromHexString in a regression test).</summary>
    public static string Describe(byte[] bytes)
    {
        var builder = new StringBuilder();
        foreach (var b in bytes)
        {
            builder.Append(b switch
            {
                (byte)'\n' => "\\n\n",
                (byte)'\\' => "\\\\",
                >= 0x20 and < 0x7F => ((char)b).ToString(),
                _ => $"\\x{b:X2}",
            });
        }

        return $"{bytes.Length} bytes:\n{builder}\nhex: {Convert.ToHexString(bytes)}";
    }
}
