namespace NewsApi.Ingest.FrontMatter;

/// <summary>A node of the front matter's YAML tree; Line and Column are 1-based in the whole file.</summary>
internal abstract class YamlValue(int line, int column)
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}

/// <summary>How a scalar reads when nothing but its text says what it is (SPEC's rules, not YAML 1.1's).</summary>
internal enum YamlScalarKind
{
    /// <summary>`~`, `null`, `Null`, `NULL`, an empty plain value or a `!!null` tag: the value is absent.</summary>
    Null,

    /// <summary>A plain scalar (or one tagged !!int, !!float, !!bool): its text decides what it is.</summary>
    Untyped,

    /// <summary>Quoted, a block scalar, or tagged !!str, `!` or a custom tag: always a string.</summary>
    String,
}

internal sealed class YamlScalarValue(string text, YamlScalarKind kind, int line, int column) : YamlValue(line, column)
{
    public string Text { get; } = text;
    public YamlScalarKind Kind { get; } = kind;
    public bool IsNull => Kind == YamlScalarKind.Null;
}

internal sealed class YamlSequenceValue(int line, int column) : YamlValue(line, column)
{
    public List<YamlValue> Items { get; } = [];
}

internal sealed class YamlMappingValue(int line, int column) : YamlValue(line, column)
{
    /// <summary>Entries in file order; keys are unique (the builder rejects duplicates).</summary>
    public List<KeyValuePair<YamlScalarValue, YamlValue>> Entries { get; } = [];
}
