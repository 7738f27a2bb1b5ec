namespace NewsApi.Ingest.Tests;

/// <summary>The shared real-data corpus, which lives beside the repository: <c>&lt;repo root&gt;/../shared/corpus</c>.</summary>
internal static class CorpusPaths
{
    /// <summary>The first ancestor of the test binaries that holds NewsApi.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Corpus => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));

    /// <summary>The real news collection: 674 markdown files.</summary>
    public static string PowerAppsNews => Path.Combine(Corpus, "powerapps", "_news");

    static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsApi.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No NewsApi.sln above {AppContext.BaseDirectory}");
    }
}
