using System.Buffers;

namespace NewsApi.Domain.Text;

/// <summary>
/// Unicode canonical composition (NFC, UAX #15) on tables of its own (<c>Nfc.Tables.g.cs</c>): the
/// hosts run with InvariantGlobalization, where <see cref="string.Normalize()"/> returns text as it
/// is. Ill-formed UTF-16 never throws: a lone surrogate is kept, as a character that composes with nothing.
/// NfcTests hold it to ICU's own output (tests/Ingest.Tests/Fixtures/nfc-vectors.txt).
/// </summary>
public static partial class Nfc
{
    // Below U+0300 every character is a starter that has no class and never composes with what
    // precedes it (tools/NfcTables/generate.mjs checks this): most text is read no further.
    const int FirstMark = 0x300;

    // U+00C0 (À) is the first character with a canonical decomposition.
    const int FirstComposite = 0xC0;

    // A code point's properties: the rank of its combining class in the low byte, and two flags.
    const int ClassMask = 0xFF;
    const int NeverInNfc = 0x100;          // decomposes and never recomposes (Full_Composition_Exclusion)
    const int MayComposeBackward = 0x200;  // may compose with what precedes it (NFC_Quick_Check=Maybe)

    // Past U+2FFFF nothing has a class or a decomposition, nor composes.
    const int Limit = 0x30000;
    const int BlockBits = 7;

    // Hangul syllables are composed and decomposed by arithmetic (Unicode §3.12).
    const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    // A canonical decomposition has at most four code points per UTF-16 unit (U+1F82; Hangul three).
    const int MaxExpansion = 4;

    // A segment of up to this many UTF-16 units is checked on the stack.
    const int StackUnits = 16;

    static readonly Lookup Tables = Lookup.Build();

    /// <summary>Whether the text is in NFC; reads it without allocating.</summary>
    public static bool IsNormalized(string text)
    {
        var first = text.AsSpan().IndexOfAnyExceptInRange('\0', (char)(FirstMark - 1));
        if (first < 0)
        {
            return true;
        }

        var tables = Tables;
        var segmentStart = Math.Max(first - 1, 0);   // where the last character that no composition crosses starts
        var lastClass = 0;
        for (var i = first; i < text.Length;)
        {
            if (!tables.MayMatter(text[i]))
            {
                segmentStart = i++;
                lastClass = 0;
                continue;
            }

            var (cp, width) = Read(text, i);
            var properties = tables.Properties(cp);
            var cc = properties & ClassMask;
            if ((properties & NeverInNfc) != 0 || (cc != 0 && lastClass > cc))
            {
                return false;
            }

            if ((properties & MayComposeBackward) != 0)
            {
                // Whether it composes depends on its segment as a whole: compose that and compare.
                var end = i + width;
                while (end < text.Length && !StartsSegment(text, end, out var next))
                {
                    end += next;
                }

                if (!SegmentIsNormalized(text.AsSpan(segmentStart, end - segmentStart)))
                {
                    return false;
                }

                i = end;
                continue;
            }

            if (cc == 0)
            {
                segmentStart = i;
            }

            lastClass = cc;
            i += width;
        }

        return true;
    }

    /// <summary>The text in NFC: the same instance when it already is.</summary>
    public static string Normalize(string text)
    {
        if (IsNormalized(text))
        {
            return text;
        }

        var buffer = ArrayPool<int>.Shared.Rent(text.Length * MaxExpansion);
        try
        {
            var length = Compose(buffer.AsSpan(0, Decompose(text, buffer)));
            var composed = ToString(buffer.AsSpan(0, length));
            return composed == text ? text : composed;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    static bool SegmentIsNormalized(ReadOnlySpan<char> segment)
    {
        // Nearly every segment is a letter and a mark or two; a longer one borrows a pooled buffer.
        var rented = segment.Length <= StackUnits ? null : ArrayPool<int>.Shared.Rent(segment.Length * MaxExpansion);
        try
        {
            Span<int> buffer = rented is null ? stackalloc int[StackUnits * MaxExpansion] : rented;
            var composed = buffer[..Compose(buffer[..Decompose(segment, buffer)])];
            var at = 0;
            for (var i = 0; i < segment.Length; at++)
            {
                var (cp, width) = Read(segment, i);
                if (at == composed.Length || composed[at] != cp)
                {
                    return false;
                }

                i += width;
            }

            return at == composed.Length;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    // A starter that never composes with what precedes it: no composition crosses its start.
    static bool StartsSegment(ReadOnlySpan<char> text, int index, out int width)
    {
        (var cp, width) = Read(text, index);
        return cp < FirstMark || (Tables.Properties(cp) & (ClassMask | NeverInNfc | MayComposeBackward)) == 0;
    }

    /// <summary>The canonical decomposition of the text, marks in canonical order; returns its count of code points.</summary>
    static int Decompose(ReadOnlySpan<char> text, Span<int> into)
    {
        var length = 0;
        for (var i = 0; i < text.Length;)
        {
            var (cp, width) = Read(text, i);
            i += width;
            if (cp - SBase is >= 0 and < SCount)
            {
                var index = cp - SBase;
                Append(into, ref length, LBase + (index / NCount));
                Append(into, ref length, VBase + (index % NCount / TCount));
                if (index % TCount != 0)
                {
                    Append(into, ref length, TBase + (index % TCount));
                }
            }
            else if (cp >= FirstComposite && Tables.Decomposition(cp) is { IsEmpty: false } parts)
            {
                foreach (var part in parts)
                {
                    Append(into, ref length, part);
                }
            }
            else
            {
                Append(into, ref length, cp);
            }
        }

        return length;
    }

    // Appends a code point, moving a mark back before the marks of a higher class (canonical order).
    static void Append(Span<int> into, ref int length, int cp)
    {
        var cc = Tables.Class(cp);
        var at = length;
        while (cc != 0 && at > 0 && Tables.Class(into[at - 1]) > cc)
        {
            into[at] = into[at - 1];
            at--;
        }

        into[at] = cp;
        length++;
    }

    /// <summary>Composes decomposed, ordered code points in place (UAX #15's algorithm); returns their new count.</summary>
    static int Compose(Span<int> cps)
    {
        if (cps.IsEmpty)
        {
            return 0;
        }

        var starterAt = 0;
        var starter = cps[0];
        var lastClass = Tables.Class(starter) == 0 ? 0 : 256; // marks before any starter compose with nothing
        var length = 1;
        for (var i = 1; i < cps.Length; i++)
        {
            var cp = cps[i];
            var cc = Tables.Class(cp);
            if ((lastClass < cc || lastClass == 0) && Composite(starter, cp) is { } composite)
            {
                cps[starterAt] = starter = composite;
                continue;
            }

            if (cc == 0)
            {
                starterAt = length;
                starter = cp;
            }

            lastClass = cc;
            cps[length++] = cp;
        }

        return length;
    }

    static int? Composite(int first, int second)
    {
        if (first - LBase is >= 0 and < LCount && second - VBase is >= 0 and < VCount)
        {
            return SBase + ((((first - LBase) * VCount) + second - VBase) * TCount);
        }

        if (first - SBase is >= 0 and < SCount && (first - SBase) % TCount == 0 && second - TBase is > 0 and < TCount)
        {
            return first + second - TBase;
        }

        return Tables.Composite(first, second);
    }

    // A code point and its UTF-16 length; a lone surrogate reads as itself.
    static (int CodePoint, int Width) Read(ReadOnlySpan<char> text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? (char.ConvertToUtf32(text[index], text[index + 1]), 2)
            : (text[index], 1);

    static string ToString(ReadOnlySpan<int> cps)
    {
        var length = 0;
        foreach (var cp in cps)
        {
            length += cp > 0xFFFF ? 2 : 1;
        }

        Span<char> chars = length <= 256 ? stackalloc char[length] : new char[length];
        var at = 0;
        foreach (var cp in cps)
        {
            if (cp > 0xFFFF)
            {
                chars[at++] = (char)(((cp - 0x10000) >> 10) + 0xD800);
                chars[at++] = (char)(((cp - 0x10000) & 0x3FF) + 0xDC00);
            }
            else
            {
                chars[at++] = (char)cp;
            }
        }

        return new string(chars);
    }

    /// <summary>The tables, read once from the generated data.</summary>
    sealed class Lookup
    {
        // One bit per UTF-16 unit: whether it has properties or starts a surrogate pair. Most letters
        // of most scripts have none, and this is one load where the properties take four.
        readonly ulong[] _mayMatter;

        // Two stages: a block of 128 code points, then its properties; equal blocks are stored once.
        readonly ushort[] _blockStarts;
        readonly ushort[] _blocks;
        readonly Dictionary<int, (int Start, int Length)> _decompositions;
        readonly int[] _parts;
        readonly Dictionary<long, int> _composites;

        Lookup(ulong[] mayMatter, ushort[] blockStarts, ushort[] blocks, Dictionary<int, (int, int)> decompositions, int[] parts, Dictionary<long, int> composites)
        {
            _mayMatter = mayMatter;
            _blockStarts = blockStarts;
            _blocks = blocks;
            _decompositions = decompositions;
            _parts = parts;
            _composites = composites;
        }

        public bool MayMatter(char c) => (_mayMatter[c >> 6] & (1UL << c)) != 0;

        public int Properties(int cp) =>
            cp is < 0 or >= Limit ? 0 : _blocks[(_blockStarts[cp >> BlockBits] << BlockBits) + (cp & ((1 << BlockBits) - 1))];

        public int Class(int cp) => Properties(cp) & ClassMask;

        public ReadOnlySpan<int> Decomposition(int cp) =>
            _decompositions.TryGetValue(cp, out var d) ? _parts.AsSpan(d.Start, d.Length) : default;

        public int? Composite(int first, int second) =>
            _composites.TryGetValue(((long)first << 21) | (uint)second, out var composite) ? composite : null;

        public static Lookup Build()
        {
            var properties = new ushort[Limit];
            var ranges = ClassRanges;
            for (var i = 0; i < ranges.Length; i += 3)
            {
                for (var cp = ranges[i]; cp <= ranges[i + 1]; cp++)
                {
                    properties[cp] = (ushort)ranges[i + 2];
                }
            }

            var composites = new Dictionary<long, int>();
            var compositions = Compositions;
            for (var i = 0; i < compositions.Length; i += 3)
            {
                composites[((long)compositions[i] << 21) | (uint)compositions[i + 1]] = compositions[i + 2];
                properties[compositions[i + 1]] |= MayComposeBackward;
            }

            for (var cp = VBase; cp < VBase + VCount; cp++)
            {
                properties[cp] |= MayComposeBackward;
            }

            for (var cp = TBase + 1; cp < TBase + TCount; cp++)
            {
                properties[cp] |= MayComposeBackward;
            }

            var decompositions = new Dictionary<int, (int, int)>();
            var data = Decompositions;
            var parts = new List<int>(data.Length);
            var primary = new HashSet<int>(composites.Values);
            for (var i = 0; i < data.Length; i += data[i + 1] + 2)
            {
                var cp = data[i];
                decompositions[cp] = (parts.Count, data[i + 1]);
                parts.AddRange(data.Slice(i + 2, data[i + 1]));
                if (!primary.Contains(cp))
                {
                    properties[cp] |= NeverInNfc;
                }
            }

            // A composite whose decomposition starts with such a second (Tulu-Tigalari's U+113C8 with
            // U+113C2, Kirat Rai's) may also compose with what precedes it.
            foreach (var (cp, (start, _)) in decompositions)
            {
                if ((properties[parts[start]] & MayComposeBackward) != 0)
                {
                    properties[cp] |= MayComposeBackward;
                }
            }

            var mayMatter = new ulong[0x10000 >> 6];
            for (var c = 0; c < 0x10000; c++)
            {
                if (properties[c] != 0 || char.IsHighSurrogate((char)c))
                {
                    mayMatter[c >> 6] |= 1UL << c;
                }
            }

            var blockSize = 1 << BlockBits;
            var blockStarts = new ushort[Limit >> BlockBits];
            var blocks = new List<ushort>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var b = 0; b < blockStarts.Length; b++)
            {
                var block = properties.AsSpan(b * blockSize, blockSize);
                var key = string.Create(blockSize, block.ToArray(), (chars, values) =>
                {
                    for (var i = 0; i < values.Length; i++)
                    {
                        chars[i] = (char)values[i];
                    }
                });
                if (!seen.TryGetValue(key, out var start))
                {
                    start = blocks.Count / blockSize;
                    seen[key] = start;
                    blocks.AddRange(block);
                }

                blockStarts[b] = (ushort)start;
            }

            return new Lookup(mayMatter, blockStarts, [.. blocks], decompositions, [.. parts], composites);
        }
    }
}
