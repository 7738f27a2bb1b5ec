using System.Buffers;

namespace NewsApi.Ingest.FrontMatter;

/// <summary>
/// The fast path for the common subset of front matter: block mappings and sequences laid out by indentation,
/// single-line plain and quoted scalars, comments and empty values (and <c>[]</c>, <c>{}</c>). It builds the very
/// tree <see cref="YamlTreeBuilder"/> would, with the same lines, columns and scalar kinds, and declines anything
/// it is not sure of (anchors, tags, other flow content, block scalars, multi-line scalars, tabs, odd indentation, ...),
/// so the caller falls back to YamlDotNet, whose answer (a tree or a rejection) then stands.
/// </summary>
internal sealed class BlockYamlReader
{
    /// <summary>YamlDotNet gives up on a simple key longer than 1024 characters; stay well clear of it.</summary>
    const int MaxKeyLength = 1000;

    /// <summary>A mapping finds duplicate keys by a linear scan up to this size, by a hash set beyond it.</summary>
    const int LinearKeyScanLimit = 16;

    /// <summary>
    /// Characters the fast path leaves to YamlDotNet: tabs, non-printable characters (YamlDotNet rejects them),
    /// the line breaks YAML knows besides LF and CRLF, and BOMs. Surrogates are checked apart: pairs only.
    /// </summary>
    static readonly SearchValues<char> Declined = SearchValues.Create(DeclinedCharacters());

    // The YAML text is the first _length characters of _text (a pooled buffer may be longer).
    readonly char[] _text;
    readonly int _length;
    readonly int _lineOffset;
    readonly int _maxDepth;
    readonly int _maxNodes;
    readonly QuotedScalarDecoder _quoted = new();
    int _nodes;

    // The current line: where it starts and ends (before any CR), where the next one starts, and its number.
    int _lineStart;
    int _lineEnd;
    int _nextLine;
    int _line;
    bool _atEnd;

    /// <summary>Where the next token starts on the current line.</summary>
    int _pos;

    BlockYamlReader(char[] text, int length, int lineOffset, int maxDepth, int maxNodes)
    {
        _text = text;
        _length = length;
        _lineOffset = lineOffset;
        _maxDepth = maxDepth;
        _maxNodes = maxNodes;
    }

    /// <summary>
    /// True with the tree <see cref="YamlTreeBuilder.Build"/> would give for <paramref name="yaml"/> (null for
    /// no document), or false when the text is outside the subset this reader is sure of.
    /// </summary>
    public static bool TryRead(string yaml, int lineOffset, int maxDepth, int maxNodes, out YamlValue? root) =>
        TryRead(yaml.ToCharArray(), yaml.Length, lineOffset, maxDepth, maxNodes, out root);

    /// <summary>As <see cref="TryRead(string, int, int, int, out YamlValue?)"/>, for the first <paramref name="length"/> characters of <paramref name="yaml"/>; keeps no reference to it.</summary>
    public static bool TryRead(char[] yaml, int length, int lineOffset, int maxDepth, int maxNodes, out YamlValue? root)
    {
        root = null;
        if (yaml.AsSpan(0, length).ContainsAny(Declined) || HasLoneSurrogate(yaml.AsSpan(0, length)))
        {
            return false;
        }

        var reader = new BlockYamlReader(yaml, length, lineOffset, maxDepth, maxNodes);
        if (!reader.NextContentLine())
        {
            return false;
        }

        if (reader._atEnd)
        {
            return true;
        }

        // Only a mapping at column 1 is read here: a root sequence or scalar is rare (and rejected later anyway).
        root = reader._pos == reader._lineStart ? reader.ReadMapping(0, 1, firstKey: null) : null;
        return root is not null && reader._atEnd;
    }

    /// <summary>A block mapping whose keys stand at <paramref name="column"/> (0-based); _pos is at its first key.</summary>
    YamlMappingValue? ReadMapping(int column, int depth, YamlScalarValue? firstKey)
    {
        var mapping = new YamlMappingValue(firstKey?.Line ?? MarkLine, firstKey?.Column ?? MarkColumn);
        if (!Open(depth))
        {
            return null;
        }

        HashSet<string>? keys = null;
        var key = firstKey;
        while (true)
        {
            key ??= ReadScalar();
            if (key is null || !AtKeyColon() || MarkColumn - key.Column > MaxKeyLength || !IsNewKey(mapping, ref keys, key.Text))
            {
                return null;
            }

            _pos++;
            if (ReadMappingValue(column, depth) is not { } value)
            {
                return null;
            }

            mapping.Entries.Add(new(key, value));
            key = null;
            if (_atEnd || _pos - _lineStart < column)
            {
                return mapping;
            }

            if (_pos - _lineStart > column || AtEntry())
            {
                return null;
            }
        }
    }

    /// <summary>What follows a key's ':' (at _pos - 1); leaves the reader at the next content line.</summary>
    YamlValue? ReadMappingValue(int column, int depth)
    {
        // YamlDotNet marks an empty value at the end of its ':' token.
        var (emptyLine, emptyColumn) = (MarkLine, MarkColumn);
        SkipSpaces();
        if (!AtLineEndOrComment())
        {
            return ReadInlineValue(depth, keyAllowed: false);
        }

        if (!NextContentLine())
        {
            return null;
        }

        var next = _pos - _lineStart;
        if (!_atEnd && (next > column || (next == column && AtEntry())))
        {
            // A sequence may stand at its key's own indentation.
            return AtEntry() ? ReadSequence(next, depth + 1) : ReadMapping(next, depth + 1, firstKey: null);
        }

        return Empty(emptyLine, emptyColumn);
    }

    /// <summary>A block sequence whose '-' stand at <paramref name="column"/>; _pos is at its first '-'.</summary>
    YamlSequenceValue? ReadSequence(int column, int depth)
    {
        var sequence = new YamlSequenceValue(MarkLine, MarkColumn);
        if (!Open(depth))
        {
            return null;
        }

        while (true)
        {
            _pos++;
            if (ReadSequenceItem(column, depth) is not { } item)
            {
                return null;
            }

            sequence.Items.Add(item);
            if (_atEnd || _pos - _lineStart < column)
            {
                return sequence;
            }

            if (_pos - _lineStart > column)
            {
                return null;
            }

            if (!AtEntry())
            {
                // A key at the indentation of a sequence that stood under it: the enclosing mapping goes on.
                return sequence;
            }
        }
    }

    /// <summary>What follows a '-' (at _pos - 1); leaves the reader at the next content line.</summary>
    YamlValue? ReadSequenceItem(int column, int depth)
    {
        // YamlDotNet marks an empty item at the end of its '-' token.
        var (emptyLine, emptyColumn) = (MarkLine, MarkColumn);
        SkipSpaces();
        if (AtLineEndOrComment())
        {
            if (!NextContentLine())
            {
                return null;
            }

            var next = _pos - _lineStart;
            if (!_atEnd && next > column)
            {
                return AtEntry() ? ReadSequence(next, depth + 1) : ReadMapping(next, depth + 1, firstKey: null);
            }

            return Empty(emptyLine, emptyColumn);
        }

        return AtEntry() ? ReadSequence(_pos - _lineStart, depth + 1) : ReadInlineValue(depth, keyAllowed: true);
    }

    /// <summary>
    /// A scalar or an empty flow collection that starts on this line at _pos and ends it; where a key may stand
    /// (after '- '), a scalar followed by ':' starts a compact mapping instead.
    /// </summary>
    YamlValue? ReadInlineValue(int depth, bool keyAllowed)
    {
        YamlValue? value;
        var start = _pos;
        if (_text[_pos] is '[' or '{')
        {
            value = ReadFlow(depth + 1);
        }
        else
        {
            var scalar = ReadScalar();
            if (scalar is not null && keyAllowed && AtKeyColon())
            {
                return ReadMapping(start - _lineStart, depth + 1, scalar);
            }

            value = scalar;
        }

        SkipSpaces();
        return value is not null && AtLineEndOrComment() && NextContentLine() ? value : null;
    }

    /// <summary>
    /// <c>{}</c>, or a one-line flow sequence of words (<c>[]</c>, <c>[a, b c, d-1]</c>): letters, digits, spaces,
    /// '_', '.' and '-', a letter or digit first. Other flow content is left to YamlDotNet.
    /// </summary>
    YamlValue? ReadFlow(int depth)
    {
        var (line, column) = (MarkLine, MarkColumn);
        var open = _text[_pos];
        if (open == '{')
        {
            if (_pos + 1 >= _lineEnd || _text[_pos + 1] != '}' || !Open(depth))
            {
                return null;
            }

            _pos += 2;
            return new YamlMappingValue(line, column);
        }

        var sequence = new YamlSequenceValue(line, column);
        if (!Open(depth))
        {
            return null;
        }

        _pos++;
        SkipSpaces();
        if (_pos < _lineEnd && _text[_pos] == ']')
        {
            _pos++;
            return sequence;
        }

        while (true)
        {
            if (ReadFlowWord() is not { } word)
            {
                return null;
            }

            sequence.Items.Add(word);
            SkipSpaces();
            if (_pos == _lineEnd || _text[_pos] is not (',' or ']'))
            {
                return null;
            }

            if (_text[_pos++] == ']')
            {
                return sequence;
            }

            SkipSpaces();
        }
    }

    /// <summary>A word of a flow sequence (see <see cref="ReadFlow"/>), without trailing spaces.</summary>
    YamlScalarValue? ReadFlowWord()
    {
        var (line, column) = (MarkLine, MarkColumn);
        var start = _pos;
        if (_pos == _lineEnd || !char.IsLetterOrDigit(_text[_pos]))
        {
            return null;
        }

        var end = _pos;
        while (_pos < _lineEnd && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '.' or '-' or ' '))
        {
            if (_text[_pos++] != ' ')
            {
                end = _pos;
            }
        }

        _pos = end;
        var text = CommonScalarTexts.Of(_text.AsSpan(start, end - start));
        return Count() ? new YamlScalarValue(text, PlainKind(text), line, column) : null;
    }

    /// <summary>A plain or quoted scalar on this line at _pos; _pos ends after it (a plain one's trailing spaces are left).</summary>
    YamlScalarValue? ReadScalar()
    {
        var (line, column) = (MarkLine, MarkColumn);
        var first = _text[_pos];
        string? text;
        YamlScalarKind kind;
        if (first is '"' or '\'')
        {
            var upToLineEnd = _text.AsSpan(0, _lineEnd);
            text = first == '"' ? _quoted.DoubleQuoted(upToLineEnd, ref _pos) : _quoted.SingleQuoted(upToLineEnd, ref _pos);
            kind = YamlScalarKind.String;
        }
        else
        {
            text = ReadPlain();
            kind = PlainKind(text);
        }

        return text is not null && Count() ? new YamlScalarValue(text, kind, line, column) : null;
    }

    /// <summary>
    /// A one-line plain scalar: it ends before ': ', a ':' that ends the line, ' #' or the line end, without its
    /// trailing spaces. Null when it starts with an indicator (YAML's or one this reader leaves to YamlDotNet).
    /// </summary>
    string? ReadPlain()
    {
        var start = _pos;
        var first = _text[start];
        var second = start + 1 < _lineEnd ? _text[start + 1] : ' ';
        if ("?:,[]{}#&*!|>'\"%@`".Contains(first) || (first == '-' && second == ' '))
        {
            return null;
        }

        var end = start;
        var at = start;
        while (at < _lineEnd)
        {
            var c = _text[at];
            if (c == ' ')
            {
                if (at + 1 < _lineEnd && _text[at + 1] == '#')
                {
                    break;
                }
            }
            else if (c == ':' && (at + 1 == _lineEnd || _text[at + 1] == ' '))
            {
                break;
            }
            else
            {
                end = at + 1;
            }

            at++;
        }

        _pos = at;
        return CommonScalarTexts.Of(_text.AsSpan(start, end - start));
    }

    /// <summary>A ':' that makes what came before it a key.</summary>
    bool AtKeyColon() => _pos < _lineEnd && _text[_pos] == ':' && (_pos + 1 == _lineEnd || _text[_pos + 1] == ' ');

    /// <summary>A '-' followed by a space or the line end: a block sequence entry.</summary>
    bool AtEntry() => _text[_pos] == '-' && (_pos + 1 == _lineEnd || _text[_pos + 1] == ' ');

    /// <summary>The line ends here, or a comment starts (after a space, or YAML reads '#' as text).</summary>
    bool AtLineEndOrComment() => _pos == _lineEnd || (_text[_pos] == '#' && _text[_pos - 1] == ' ');

    void SkipSpaces()
    {
        while (_pos < _lineEnd && _text[_pos] == ' ')
        {
            _pos++;
        }
    }

    /// <summary>
    /// Moves to the next line with content (past blank and comment-only lines), _pos at its first non-space, or
    /// sets _atEnd. False for what this reader declines: a lone CR, or a line that could be a document marker.
    /// </summary>
    bool NextContentLine()
    {
        while (_nextLine < _length)
        {
            _lineStart = _nextLine;
            _line++;
            var newline = _text.AsSpan(_lineStart, _length - _lineStart).IndexOf('\n');
            var end = newline < 0 ? _length : _lineStart + newline;
            _nextLine = end + 1;
            if (end > _lineStart && _text[end - 1] == '\r')
            {
                end--;
            }

            _lineEnd = end;
            if (_text.AsSpan(_lineStart, end - _lineStart).Contains('\r'))
            {
                return false;
            }

            _pos = _lineStart;
            SkipSpaces();
            if (_pos == _lineEnd || _text[_pos] == '#')
            {
                continue;
            }

            if (_pos == _lineStart && (_text.AsSpan(_pos, end - _pos).StartsWith("---") || _text.AsSpan(_pos, end - _pos).StartsWith("...")))
            {
                return false;
            }

            return true;
        }

        _atEnd = true;
        return true;
    }

    /// <summary>Counts a collection node; false where YamlTreeBuilder would reject the depth or the node count.</summary>
    bool Open(int depth) => Count() && depth <= _maxDepth;

    bool Count() => ++_nodes <= _maxNodes;

    YamlScalarValue? Empty(int line, int column) =>
        Count() ? new YamlScalarValue("", YamlScalarKind.Null, line, column) : null;

    static YamlScalarKind PlainKind(string? text) =>
        text is "~" or "null" or "Null" or "NULL" ? YamlScalarKind.Null : YamlScalarKind.Untyped;

    /// <summary>YAML text is Unicode: a surrogate that is not half of a pair is YamlDotNet's to reject.</summary>
    static bool HasLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOfAnyInRange('\uD800', '\uDFFF'); at >= 0 && at < text.Length; at++)
        {
            if (char.IsHighSurrogate(text[at]) && at + 1 < text.Length && char.IsLowSurrogate(text[at + 1]))
            {
                at++;
            }
            else if (char.IsSurrogate(text[at]))
            {
                return true;
            }
        }

        return false;
    }

    static bool IsNewKey(YamlMappingValue mapping, ref HashSet<string>? keys, string key)
    {
        if (keys is not null)
        {
            return keys.Add(key);
        }

        foreach (var entry in mapping.Entries)
        {
            if (entry.Key.Text == key)
            {
                return false;
            }
        }

        if (mapping.Entries.Count == LinearKeyScanLimit)
        {
            keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in mapping.Entries)
            {
                keys.Add(entry.Key.Text);
            }

            keys.Add(key);
        }

        return true;
    }

    int MarkLine => _line + _lineOffset;

    int MarkColumn => _pos - _lineStart + 1;

    static string DeclinedCharacters()
    {
        var chars = new List<char>();
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is not ('\n' or '\r'))
            {
                chars.Add(c);
            }
        }

        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            chars.Add(c);
        }

        chars.AddRange(['\u2028', '\u2029', '\uFEFF', '\uFFFE', '\uFFFF']);
        return new string([.. chars]);
    }
}
