namespace NewsApi.Api.Tests;

/// <summary>
/// A generated content root and the change a second ingest finds in it. Of a pool of generated files
/// in path order, taken five at a time, one is added later, one removed, one rewritten with the front
/// matter of another (which is used for nothing else), and one left alone, so each batch of the
/// second run mixes all four.
/// </summary>
sealed class ChurnedContent
{
    readonly string _pool;
    readonly List<string> _added = [];
    readonly List<string> _removed = [];
    readonly List<(string Path, string Replacement)> _changed = [];
    readonly List<string> _unchanged = [];

    ChurnedContent(string workFolder)
    {
        Root = Path.Combine(workFolder, "content");
        _pool = Path.Combine(workFolder, "pool");
    }

    public string Root { get; }

    public IEnumerable<string> AddedIds => Ids(_added);
    public IEnumerable<string> RemovedIds => Ids(_removed);
    public IEnumerable<string> ChangedIds => Ids(_changed.Select(c => c.Path));
    public IEnumerable<string> UnchangedIds => Ids(_unchanged);

    /// <summary>Writes the first state: <paramref name="perKind"/> files each to be removed, changed and left alone.</summary>
    public static async Task<ChurnedContent> CreateAsync(string workFolder, int perKind)
    {
        var content = new ChurnedContent(workFolder);
        var pool = await GeneratedCorpus.WriteAsync(content._pool, 5 * perKind, seed: 11);
        for (var i = 0; i < pool.Count; i += 5)
        {
            content._added.Add(pool[i]);
            content._removed.Add(pool[i + 1]);
            content._changed.Add((pool[i + 2], pool[i + 4]));
            content._unchanged.Add(pool[i + 3]);
        }

        foreach (var path in content._removed.Concat(content._changed.Select(c => c.Path)).Concat(content._unchanged))
        {
            content.Copy(Path.Combine(content._pool, path), path);
        }

        return content;
    }

    /// <summary>Turns the root into the second state.</summary>
    public void Churn()
    {
        _removed.ForEach(path => File.Delete(Path.Combine(Root, path)));
        _changed.ForEach(c => Copy(Path.Combine(_pool, c.Replacement), c.Path));
        _added.ForEach(path => Copy(Path.Combine(_pool, path), path));
    }

    void Copy(string source, string relativePath)
    {
        var target = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
    }

    static IEnumerable<string> Ids(IEnumerable<string> paths) => paths.Select(Path.GetFileNameWithoutExtension)!;
}
