using System.IO.Enumeration;

namespace NewsApi.Ingest;

/// <summary>A markdown file found under the content root.</summary>
public sealed record ContentFile(string FullPath, string RelativePath, long Length, long ModifiedTicks)
{
    /// <summary>SPEC's article id: the file name without its extension (computed once: the run asks often).</summary>
    public string Id { get; } = Path.GetFileNameWithoutExtension(FullPath);

    /// <summary>SPEC's default category: the nearest folder whose name starts with '_', without it.</summary>
    public string? FolderCategory
    {
        get
        {
            var folders = RelativePath.Split('/')[..^1];
            var nearest = folders.LastOrDefault(f => f.Length > 1 && f[0] == '_');
            return nearest?[1..];
        }
    }
}

/// <summary>Walks a content root by SPEC's reading rules, in ordinal order of relative paths.</summary>
public sealed class ContentRoot(string root)
{
    /// <summary>Folders that could not be listed: what they hold is unknown, so nothing in them may be removed.</summary>
    public List<string> UnreadableFolders { get; } = [];

    public static bool IsMarkdown(ReadOnlySpan<char> name) =>
        name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Lazily, so a million files are never held at once. Sorting each folder's entries with a '/'
    /// after folder names makes the depth-first walk visit relative paths in ordinal order, which
    /// SPEC's duplicate-id rule needs (the path that sorts first wins).
    /// </summary>
    public IEnumerable<ContentFile> Files() => Walk(Path.GetFullPath(root), "");

    IEnumerable<ContentFile> Walk(string folder, string prefix)
    {
        var entries = Entries(folder, prefix);
        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var entry in entries)
        {
            if (entry.IsFolder)
            {
                foreach (var file in Walk(Path.Combine(folder, entry.Name), prefix + entry.Key))
                {
                    yield return file;
                }
            }
            else
            {
                yield return new ContentFile(Path.Combine(folder, entry.Name), prefix + entry.Key, entry.Length, entry.ModifiedTicks);
            }
        }
    }

    // A folder's listing is held while its files are read, so an entry keeps only what the walk needs:
    // a FileInfo each would cost ~0.5 KB, 50 MB for a folder of 100,000 articles.
    readonly record struct Entry(string Name, bool IsFolder, long Length, long ModifiedTicks)
    {
        public string Key => IsFolder ? Name + "/" : Name;
    }

    static readonly EnumerationOptions ListEverything = new() { IgnoreInaccessible = false, AttributesToSkip = 0 };

    List<Entry> Entries(string folder, string prefix)
    {
        try
        {
            return new FileSystemEnumerable<Entry>(
                folder,
                (ref FileSystemEntry e) => new Entry(e.FileName.ToString(), e.IsDirectory, e.IsDirectory ? 0 : e.Length, e.LastWriteTimeUtc.UtcTicks),
                ListEverything)
            {
                // Hidden names, symlinks and other extensions are never read.
                ShouldIncludePredicate = (ref FileSystemEntry e) =>
                    !e.FileName.StartsWith('.') && !e.Attributes.HasFlag(FileAttributes.ReparsePoint) && (e.IsDirectory || IsMarkdown(e.FileName)),
            }.ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            UnreadableFolders.Add(prefix.Length == 0 ? "." : prefix);
            return [];
        }
    }
}
