namespace NewsApi.Api.Tests;

/// <summary>Where the repository and the shared real-data corpus are, found from the test binaries.</summary>
internal static class RepositoryPaths
{
    /// <summary>The first ancestor of the test binaries that holds NewsApi.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The real corpus beside the repository: <c>powerapps/_news/*.md</c> and <c>seed/*.md</c>.</summary>
    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));

    public const string SeedId = "000_4ea240b01efe0ad8";

    static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NewsApi.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No NewsApi.sln above {AppContext.BaseDirectory}");
    }
}
