using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using Tokens = YamlDotNet.Core.Tokens;

namespace NewsApi.Ingest.FrontMatter;

/// <summary>
/// Builds the YAML tree from YamlDotNet's event stream with an explicit stack, never recursion. Every event is
/// checked against the depth limit and the node budget before it becomes a node, so a 10,000-level nesting stops
/// at level MaxDepth + 1 and a "billion laughs" stops once its expansion passes MaxNodes: the tree that is built
/// is always one that later stages (which do recurse) can walk. An alias shares its anchor's node; the budget
/// counts it at its expanded size, and its anchor's height counts towards the depth where it is used. The text an
/// alias repeats has a budget of its own: later stages copy it once per use (into <c>extra</c> JSON, topics), so a
/// long string aliased a few thousand times costs gigabytes while its node count stays small.
/// </summary>
internal sealed class YamlTreeBuilder
{
    const string NullTag = "tag:yaml.org,2002:null";
    const string BoolTag = "tag:yaml.org,2002:bool";
    const string IntTag = "tag:yaml.org,2002:int";
    const string FloatTag = "tag:yaml.org,2002:float";
    const string TabInMappingIndentation = "While scanning a mapping, found invalid tab as indentation.";
    const string TabInScalarIndentation = "While scanning a plain scalar, found a tab character that violate indentation.";

    readonly int _lineOffset;
    readonly int _maxDepth;
    readonly int _maxNodes;
    readonly long _maxAliasText;
    readonly Stack<Frame> _open = new();
    readonly Dictionary<string, Anchored> _anchors = new(StringComparer.Ordinal);
    long _nodeCount;
    long _textLength;
    long _aliasTextLength;
    bool _sawAlias;
    YamlValue? _root;

    YamlTreeBuilder(int lineOffset, int maxDepth, int maxNodes, long maxAliasText)
    {
        _lineOffset = lineOffset;
        _maxDepth = maxDepth;
        _maxNodes = maxNodes;
        _maxAliasText = maxAliasText;
    }

    /// <summary>
    /// The root node of the single document in <paramref name="yaml"/>, or null when there is none (empty text or
    /// comments only). Throws <see cref="FrontMatterRejectedException"/> for invalid YAML and exceeded limits.
    /// </summary>
    /// <param name="lineOffset">Lines of the file before the YAML text, added to every line number.</param>
    /// <param name="maxAliasText">Characters of scalar text that all aliases together may repeat.</param>
    public static YamlValue? Build(string yaml, int lineOffset, int maxDepth, int maxNodes, long maxAliasText)
    {
        var builder = new YamlTreeBuilder(lineOffset, maxDepth, maxNodes, maxAliasText);
        var scanner = new Scanner(new StringReader(yaml));
        var parser = new Parser(scanner);
        var documents = 0;
        while (builder.MoveNext(parser, scanner, yaml))
        {
            switch (parser.Current)
            {
                case DocumentStart start:
                    if (++documents > 1)
                    {
                        throw builder.Reject("front matter holds more than one YAML document", start.Start);
                    }

                    break;
                case Scalar scalar:
                    builder.AddScalar(scalar);
                    break;
                case SequenceStart start:
                    builder.Open(new YamlSequenceValue(builder.LineOf(start.Start), ColumnOf(start.Start)), start);
                    break;
                case MappingStart start:
                    builder.Open(new YamlMappingValue(builder.LineOf(start.Start), ColumnOf(start.Start)), start);
                    break;
                case SequenceEnd or MappingEnd:
                    builder.Close();
                    break;
                case AnchorAlias alias:
                    builder.AddAlias(alias);
                    break;
            }
        }

        return builder._root;
    }

    bool MoveNext(Parser parser, Scanner scanner, string yaml)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (SyntaxErrorException e) when (e.Message is TabInMappingIndentation or TabInScalarIndentation)
        {
            // YamlDotNet (16.3's texts) gives the first no position and the second the start of the scalar before the
            // tab's line; its scanner stops on the tab in both, the first one in that line's indentation.
            throw Reject("invalid YAML: a tab is used as indentation; indent with spaces", scanner.CurrentPosition);
        }
        catch (YamlException e)
        {
            throw Reject("invalid YAML: " + ReasonText.OneLine(e.Message), e.Start);
        }
        catch (InvalidOperationException e) when (e.TargetSite?.Name == "ScanPlainScalar"
            && UnclosedFlowStart(yaml, scanner.CurrentPosition) is { } opener)
        {
            // YamlDotNet 16.3's plain scalar scanner throws this, with no message, where a line inside '[...]' or
            // '{...}' is indented no deeper than the key holding it: mostly a missing closing bracket before the next key.
            var bracket = opener is Tokens.FlowSequenceStart ? "'['" : "'{'";
            var line = LineOf(scanner.CurrentPosition);
            throw Reject($"invalid YAML: {bracket} is not closed before line {line}, which is not indented enough to continue it", opener.Start);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only YamlDotNet's code runs here, and its scanner leaks other exceptions on some malformed input
            // (16.3: ArgumentOutOfRangeException for "\uDC00\uD800").
            // Either way it could not read this text; the reason names the exception so a bug stays visible.
            var reason = $"invalid YAML: YamlDotNet failed to read it ({e.GetType().Name}: {ReasonText.OneLine(e.Message)})";
            throw parser.Current is { } last ? Reject(reason, last.End) : new FrontMatterRejectedException(new FrontMatterError(reason));
        }
    }

    /// <summary>
    /// The innermost '[' or '{' still open where the scanner stopped, found by scanning the text before that point
    /// again: the failed scanner may not have handed the bracket's token to the parser yet.
    /// </summary>
    static Tokens.Token? UnclosedFlowStart(string yaml, Mark stop)
    {
        var open = new Stack<Tokens.Token>();
        var scanner = new Scanner(new StringReader(yaml[..(int)Math.Min(stop.Index, yaml.Length)]));
        try
        {
            while (scanner.MoveNext())
            {
                switch (scanner.Current)
                {
                    case Tokens.FlowSequenceStart or Tokens.FlowMappingStart:
                        open.Push(scanner.Current);
                        break;
                    case Tokens.FlowSequenceEnd or Tokens.FlowMappingEnd:
                        open.TryPop(out _);
                        break;
                }
            }
        }
        catch (YamlException)
        {
            // The tokens before the error still count.
        }

        return open.TryPeek(out var innermost) ? innermost : null;
    }

    void AddScalar(Scalar scalar)
    {
        Count(1, scalar.Start);
        _textLength += scalar.Value.Length;
        var node = new YamlScalarValue(scalar.Value, KindOf(scalar), LineOf(scalar.Start), ColumnOf(scalar.Start));
        Remember(scalar.Anchor, new Anchored(node, 1, 0, scalar.Value.Length));
        Attach(node, 0);
    }

    void Open(YamlValue node, NodeEvent start)
    {
        Count(1, start.Start);
        if (_open.Count + 1 > _maxDepth)
        {
            throw Reject($"nesting deeper than {_maxDepth} levels", start.Start);
        }

        _open.Push(new Frame(node, start.Anchor, _nodeCount - 1, _textLength));
    }

    void Close()
    {
        var frame = _open.Pop();
        var height = frame.ChildHeight + 1;
        Remember(frame.Anchor, new Anchored(frame.Node, _nodeCount - frame.NodeCountBefore, height, _textLength - frame.TextLengthBefore));
        Attach(frame.Node, height);
    }

    void AddAlias(AnchorAlias alias)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
        {
            throw Reject("unknown alias " + ReasonText.Quote("*" + alias.Value.Value), alias.Start);
        }

        _sawAlias = true;
        if (_open.Count + anchored.Height > _maxDepth)
        {
            throw Reject($"nesting deeper than {_maxDepth} levels", alias.Start);
        }

        Count(anchored.Size, alias.Start);
        // Never overflows: each addition is at most the text before it, and we stop once the total passes the budget.
        _textLength += anchored.TextLength;
        _aliasTextLength += anchored.TextLength;
        if (_aliasTextLength > _maxAliasText)
        {
            throw Reject($"aliases repeat more than {_maxAliasText} characters of text (alias bomb?)", alias.Start);
        }

        Attach(anchored.Node, anchored.Height);
    }

    void Count(long nodes, Mark at)
    {
        // Never overflows: every addition is at most _maxNodes, and we stop as soon as the total passes it.
        _nodeCount += nodes;
        if (_nodeCount > _maxNodes)
        {
            throw Reject(_sawAlias
                ? $"aliases expand to more than {_maxNodes} nodes (alias bomb?)"
                : $"front matter has more than {_maxNodes} nodes", at);
        }
    }

    void Remember(AnchorName anchor, Anchored anchored)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = anchored;
        }
    }

    void Attach(YamlValue node, int height)
    {
        if (!_open.TryPeek(out var parent))
        {
            _root = node;
            return;
        }

        parent.ChildHeight = Math.Max(parent.ChildHeight, height);
        switch (parent.Node)
        {
            case YamlSequenceValue sequence:
                sequence.Items.Add(node);
                break;
            case YamlMappingValue when parent.PendingKey is null:
                if (node is not YamlScalarValue key)
                {
                    // JSON (where extra keys end up) has string keys only; a complex key is rare enough to reject.
                    throw FrontMatterRejectedException.At(node, "a mapping key must be a scalar, not " + ReasonText.Describe(node));
                }

                if (!parent.Keys.Add(key.Text))
                {
                    throw FrontMatterRejectedException.At(key, $"duplicate key {ReasonText.Quote(key.Text)}");
                }

                parent.PendingKey = key;
                break;
            case YamlMappingValue mapping:
                mapping.Entries.Add(new(parent.PendingKey, node));
                parent.PendingKey = null;
                break;
        }
    }

    static YamlScalarKind KindOf(Scalar scalar)
    {
        var tag = scalar.Tag;
        var plainLike = tag.IsEmpty ? scalar.Style == ScalarStyle.Plain : tag.Value is BoolTag or IntTag or FloatTag;
        if (!tag.IsEmpty && tag.Value == NullTag)
        {
            return YamlScalarKind.Null;
        }

        if (!plainLike)
        {
            return YamlScalarKind.String;
        }

        return scalar.Value is "" or "~" or "null" or "Null" or "NULL" ? YamlScalarKind.Null : YamlScalarKind.Untyped;
    }

    FrontMatterRejectedException Reject(string reason, Mark at) =>
        new(new FrontMatterError(reason, at.Line > 0 ? LineOf(at) : null, at.Line > 0 ? ColumnOf(at) : null));

    int LineOf(Mark mark) => (int)Math.Min(mark.Line + _lineOffset, int.MaxValue);

    static int ColumnOf(Mark mark) => (int)Math.Min(mark.Column, int.MaxValue);

    /// <summary>An anchored node with its expanded size: nodes, height and characters of scalar text.</summary>
    readonly record struct Anchored(YamlValue Node, long Size, int Height, long TextLength);

    sealed class Frame(YamlValue node, AnchorName anchor, long nodeCountBefore, long textLengthBefore)
    {
        public YamlValue Node { get; } = node;
        public AnchorName Anchor { get; } = anchor;
        public long NodeCountBefore { get; } = nodeCountBefore;
        public long TextLengthBefore { get; } = textLengthBefore;
        public int ChildHeight { get; set; }
        public YamlScalarValue? PendingKey { get; set; }
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }
}
