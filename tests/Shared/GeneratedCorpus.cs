using System.Diagnostics;
using System.Globalization;

namespace NewsApi.Tests.Shared;

/// <summary>
/// tools/CorpusGenerator run as a child process: a bench-profile corpus of any size, the same for
/// the same seed. Linked into each test project that needs it (see their .csproj).
/// </summary>
static class GeneratedCorpus
{
    static readonly string Program = Path.Combine(AppContext.BaseDirectory, "NewsApi.CorpusGenerator.dll");

    /// <summary>Writes <paramref name="count"/> articles under <c>folder/_news</c>; returns their paths relative to <paramref name="folder"/>, in ordinal order.</summary>
    public static async Task<List<string>> WriteAsync(string folder, int count, int seed)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Program, folder, "--count", Invariant(count), "--seed", Invariant(seed), "--profile", "bench" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        await stdout;
        Assert.True(process.ExitCode == 0, $"the corpus generator exited {process.ExitCode}: {await stderr}");
        return Directory.EnumerateFiles(Path.Combine(folder, "_news"), "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
