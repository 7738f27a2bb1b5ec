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

    public static bool IsMarkdown(string name) =>
        name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Lazily, so a million files are never held at once. Sorting each folder's entries with a '/'
    /// after folder names makes the depth-first walk visit relative paths in ordinal order, which
    /// SPEC's duplicate-id rule needs (the path that sorts first wins).
    /// </summary>
    public IEnumerable<ContentFile> Files() => Walk(new DirectoryInfo(root), "");

    IEnumerable<ContentFile> Walk(DirectoryInfo folder, string prefix)
    {
        var entries = new List<(string Key, FileSystemInfo Info)>();
        foreach (var info in Entries(folder, prefix))
        {
            if (info.Name.StartsWith('.') || info.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                continue;
            }

            if (info is DirectoryInfo)
            {
                entries.Add((info.Name + "/", info));
            }
            else if (IsMarkdown(info.Name))
            {
                entries.Add((info.Name, info));
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (key, info) in entries)
        {
            if (info is DirectoryInfo sub)
            {
                foreach (var file in Walk(sub, prefix + key))
                {
                    yield return file;
                }
            }
            else if (info is FileInfo file)
            {
                yield return new ContentFile(file.FullName, prefix + key, file.Length, file.LastWriteTimeUtc.Ticks);
            }
        }
    }

    FileSystemInfo[] Entries(DirectoryInfo folder, string prefix)
    {
        try
        {
            return folder.GetFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            UnreadableFolders.Add(prefix.Length == 0 ? "." : prefix);
            return [];
        }
    }
}
