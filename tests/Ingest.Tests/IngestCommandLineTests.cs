using System.Text.Json;

namespace NewsApi.Ingest.Tests;

public sealed class IngestCommandLineTests : IDisposable
{
    readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task IngestingTheCorpusExitsZeroWithTheSummaryAsTheLastLineOfStdout()
    {
        var (exitCode, stdout, _) = await IngestProcess.RunAsync(CorpusPaths.Corpus, "--db", _workspace.DatabasePath);
        var bytesBefore = await File.ReadAllBytesAsync(_workspace.DatabasePath);
        var (secondExitCode, secondStdout, _) = await IngestProcess.RunAsync(CorpusPaths.Corpus, "--db", _workspace.DatabasePath);

        Assert.Equal(0, exitCode);
        Assert.Equal("added 675, updated 0, unchanged 0, removed 0, rejected 0", stdout.TrimEnd().Split('\n')[^1]);
        Assert.Equal(0, secondExitCode);
        Assert.Equal("added 0, updated 0, unchanged 675, removed 0, rejected 0", secondStdout.TrimEnd().Split('\n')[^1]);
        Assert.Equal(bytesBefore, await File.ReadAllBytesAsync(_workspace.DatabasePath));
    }

    [Fact]
    public async Task ARejectedFileGivesExitCodeOneAndItsLineOnStderr()
    {
        _workspace.Write("_news/good.md", Articles.Markdown("Good"));
        _workspace.Write("_news/bad.md", "---\ntitle: Bad\nquality: high\n---\n");

        var (exitCode, stdout, stderr) = await IngestProcess.RunAsync(_workspace.Content, "--db", _workspace.DatabasePath);

        Assert.Equal(1, exitCode);
        Assert.Equal("added 1, updated 0, unchanged 0, removed 0, rejected 1", stdout.TrimEnd());
        Assert.Matches(@"^_news/bad\.md: quality: .*'high'.* \(line 3, column \d+\)$", stderr.TrimEnd());
    }

    [Fact]
    public async Task JsonWritesOnlyTheFullReportToStdout()
    {
        _workspace.Write("_news/good.md", Articles.Markdown("Good"));
        _workspace.Write("_news/bad.md", "no front matter here\n");

        var (exitCode, stdout, _) = await IngestProcess.RunAsync(_workspace.Content, "--db", _workspace.DatabasePath, "--json");

        Assert.Equal(1, exitCode);
        using var report = JsonDocument.Parse(stdout);
        var root = report.RootElement;
        Assert.Equal((1, 0, 0, 0, 1), (root.GetProperty("added").GetInt32(), root.GetProperty("updated").GetInt32(),
            root.GetProperty("unchanged").GetInt32(), root.GetProperty("removed").GetInt32(), root.GetProperty("rejected").GetInt32()));
        var files = root.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        Assert.Equal("added", files["_news/good.md"].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, files["_news/good.md"].GetProperty("reason").ValueKind);
        var bad = files["_news/bad.md"];
        Assert.Equal("rejected", bad.GetProperty("status").GetString());
        Assert.StartsWith("no front matter", bad.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, bad.GetProperty("line").GetInt32());
        var batch = Assert.Single(root.GetProperty("batches").EnumerateArray());
        Assert.Equal("""{"added":1,"updated":0,"unchanged":0,"removed":0,"rejected":1,"publishedArticles":1}""", batch.GetRawText());
    }

    [Fact]
    public async Task AMissingContentRootIsAUsageError()
    {
        var (exitCode, stdout, stderr) = await IngestProcess.RunAsync(Path.Combine(_workspace.Root, "nope"), "--db", _workspace.DatabasePath);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("content root not found", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--frobnicate")]
    [InlineData("--db")]
    public async Task AnUnknownOrIncompleteOptionIsAUsageError(string option)
    {
        var (exitCode, _, stderr) = await IngestProcess.RunAsync(_workspace.Content, option);

        Assert.Equal(2, exitCode);
        Assert.Contains("usage:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyContentRootOverANonEmptyDatabaseExitsTwoAndDeletesNothing()
    {
        _workspace.Write("_news/a.md", Articles.Markdown("Kept"));
        await IngestProcess.RunAsync(_workspace.Content, "--db", _workspace.DatabasePath);
        File.Delete(Path.Combine(_workspace.Content, "_news/a.md"));

        var (exitCode, _, stderr) = await IngestProcess.RunAsync(_workspace.Content, "--db", _workspace.DatabasePath);
        var (allowedExitCode, allowedStdout, _) = await IngestProcess.RunAsync(_workspace.Content, "--db", _workspace.DatabasePath, "--allow-empty");

        Assert.Equal(2, exitCode);
        Assert.Contains("--allow-empty", stderr, StringComparison.Ordinal);
        Assert.Equal(0, allowedExitCode);
        Assert.Equal("added 0, updated 0, unchanged 0, removed 1, rejected 0", allowedStdout.TrimEnd());
    }

    [Fact]
    public async Task ADatabaseFileThatIsNotSqliteIsAConfigurationError()
    {
        _workspace.Write("_news/a.md", Articles.Markdown("A"));
        await File.WriteAllTextAsync(_workspace.DatabasePath, "this is not a database, just text long enough to fill a header.......................................");

        var (exitCode, _, stderr) = await IngestProcess.RunAsync(_workspace.Content, "--db", _workspace.DatabasePath);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
    }
}
