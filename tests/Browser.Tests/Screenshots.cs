using Microsoft.Playwright;
using Xunit.Abstractions;

namespace NewsApi.Browser.Tests;

/// <summary>PNGs kept as test artifacts in the project's TestResults/screenshots (ignored by git).</summary>
internal static class Screenshots
{
    public static string Folder { get; } = EmptyFolder(Path.Combine(ProjectFolder(), "TestResults", "screenshots"));

    /// <summary>Saves what <paramref name="element"/> shows; the whole page is five screens of unrelated operations.</summary>
    public static async Task SaveAsync(ILocator element, string name, ITestOutputHelper output)
    {
        var path = Path.Combine(Folder, name + ".png");
        await element.ScreenshotAsync(new() { Path = path });
        output.WriteLine($"screenshot: {path}");
    }

    // Emptied once per run, so the files the build lists afterwards are this run's.
    static string EmptyFolder(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return path;
    }

    static string ProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Browser.Tests.csproj")))
            {
                return folder.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
