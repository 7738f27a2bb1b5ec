using NewsApi.Tests.Shared;

namespace NewsApi.Api.Tests;

/// <summary>
/// A generated content root and the change a second ingest finds in it. Of the generated files in
/// path order, taken five at a time, one is added later, one removed, one replaced by the front
/// matter of another (which is used for nothing else), and one left alone, so each batch of the
/// second run mixes all four. Files are moved, not copied: small-file writes are what cost here.
/// </summary>
sealed class ChurnedContent
{
    readonly string _held;
    readonly List<string> _added = [];
    readonly List<string> _removed = [];
    readonly List<(string Path, string Replacement)> _changed = [];
    readonly List<string> _unchanged = [];

    ChurnedContent(string workFolder)
    {
        Root = Path.Combine(workFolder, "content");
        _held = Path.Combine(workFolder, "held");
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
        var files = await GeneratedCorpus.WriteAsync(content.Root, 5 * perKind, seed: 11);
        for (var i = 0; i < files.Count; i += 5)
        {
            content._added.Add(files[i]);
            content._removed.Add(files[i + 1]);
            content._changed.Add((files[i + 2], files[i + 4]));
            content._unchanged.Add(files[i + 3]);
        }

        content._added.Concat(content._changed.Select(c => c.Replacement)).ToList()
            .ForEach(path => Move(Path.Combine(content.Root, path), Path.Combine(content._held, path)));
        return content;
    }

    /// <summary>Turns the root into the second state.</summary>
    public void Churn()
    {
        _removed.ForEach(path => File.Delete(Path.Combine(Root, path)));
        _changed.ForEach(c => Move(Path.Combine(_held, c.Replacement), Path.Combine(Root, c.Path)));
        _added.ForEach(path => Move(Path.Combine(_held, path), Path.Combine(Root, path)));
    }

    static void Move(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(source, target, overwrite: true);
    }

    static IEnumerable<string> Ids(IEnumerable<string> paths) => paths.Select(Path.GetFileNameWithoutExtension)!;
}
