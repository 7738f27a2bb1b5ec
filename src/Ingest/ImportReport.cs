namespace NewsApi.Ingest;

public enum FileStatus
{
    Added,
    Updated,
    Unchanged,
    Removed,
    Rejected,
}

/// <summary>What happened to one file (its status lower-cased in reports); line and column are 1-based in the file, when known.</summary>
public sealed record FileOutcome(string Path, FileStatus Status, string? Reason = null, int? Line = null, int? Column = null)
{
    /// <summary>SPEC's reject line: <c>path: reason (line L, column C)</c>.</summary>
    public override string ToString() => (Line, Column) switch
    {
        ({ } line, { } column) => $"{Path}: {Reason} (line {line}, column {column})",
        ({ } line, null) => $"{Path}: {Reason} (line {line})",
        _ => Reason is null ? $"{Path}: {Status}" : $"{Path}: {Reason}",
    };
}

/// <summary>The counts of one ingest run.</summary>
public sealed class ImportReport
{
    public int Added { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int Removed { get; private set; }
    public int Rejected { get; private set; }

    /// <summary>Markdown files found under the content root, whatever became of them.</summary>
    public int FilesFound { get; internal set; }

    internal void Count(FileStatus status)
    {
        switch (status)
        {
            case FileStatus.Added: Added++; break;
            case FileStatus.Updated: Updated++; break;
            case FileStatus.Unchanged: Unchanged++; break;
            case FileStatus.Removed: Removed++; break;
            case FileStatus.Rejected: Rejected++; break;
        }
    }

    public string Summary => $"added {Added}, updated {Updated}, unchanged {Unchanged}, removed {Removed}, rejected {Rejected}";
}

/// <summary>
/// One committed transaction of a run: the outcomes of the files it settled, counted, and the published
/// articles the database holds once it is committed (what an unfiltered article list totals then).
/// </summary>
public sealed record BatchReport(int Added, int Updated, int Unchanged, int Removed, int Rejected, int PublishedArticles)
{
    public static BatchReport Of(IReadOnlyCollection<FileOutcome> outcomes, int publishedArticles)
    {
        int Count(FileStatus status) => outcomes.Count(o => o.Status == status);
        return new(
            Count(FileStatus.Added), Count(FileStatus.Updated), Count(FileStatus.Unchanged), Count(FileStatus.Removed), Count(FileStatus.Rejected),
            publishedArticles);
    }
}
