namespace NewsApi.Ingest.FrontMatter;

/// <summary>
/// Where a field is, for reject reasons (<c>related[2].title</c>): a parent path, an optional item index and an
/// optional key, joined into a string only when a reason names it. Building it for every field cost more
/// allocation than reading the field.
/// </summary>
internal readonly record struct FieldPath(string Parent, int Index = -1, string? Key = null)
{
    public static implicit operator FieldPath(string path) => new(path);

    public FieldPath this[int index] => new(ToString(), index);

    public FieldPath Field(string key) => Key is null ? this with { Key = key } : new(ToString(), Key: key);

    public override string ToString() => (Index, Key) switch
    {
        (< 0, null) => Parent,
        (< 0, _) => Parent + "." + Key,
        (_, null) => $"{Parent}[{Index}]",
        _ => $"{Parent}[{Index}].{Key}",
    };
}
