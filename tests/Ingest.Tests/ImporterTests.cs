using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsApi.Ingest.Tests;

public sealed class ImporterTests : IDisposable
{
    readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task IngestingTheCorpusAddsEveryFileAndASecondRunWritesNothing()
    {
        var first = await _workspace.Importer().ImportAsync(CorpusPaths.Corpus);
        SqliteConnection.ClearAllPools();
        var before = await File.ReadAllBytesAsync(_workspace.DatabasePath);

        var second = await _workspace.Importer().ImportAsync(CorpusPaths.Corpus);
        SqliteConnection.ClearAllPools();

        Assert.Equal("added 675, updated 0, unchanged 0, removed 0, rejected 0", first.Summary);
        Assert.Equal("added 0, updated 0, unchanged 675, removed 0, rejected 0", second.Summary);
        Assert.Equal(before, await File.ReadAllBytesAsync(_workspace.DatabasePath));
    }

    [Fact]
    public async Task EditingOneFilesHeatUpdatesOnlyThatArticle()
    {
        _workspace.CopyFrom(CorpusPaths.PowerAppsNews, "_news");
        await _workspace.Importer().ImportAsync(_workspace.Content);
        var path = Directory.EnumerateFiles(_workspace.Content, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^heat: .*$", "heat: -1"));

        var report = await _workspace.Importer().ImportAsync(_workspace.Content);

        Assert.Equal("added 0, updated 1, unchanged 673, removed 0, rejected 0", report.Summary);
        await using var db = _workspace.OpenDb();
        var article = await db.Articles.SingleAsync(a => a.Id == Path.GetFileNameWithoutExtension(path));
        Assert.Equal(-1, article.Heat);
    }

    [Fact]
    public async Task DeletingAFileRemovesItsArticleAndItsTopicAndProviderCountsFollow()
    {
        _workspace.Write("_news/a.md", Articles.Markdown("First", topics: "  - Solo topic", provider: "Solo", domain: "solo.example"));
        _workspace.Write("_news/b.md", Articles.Markdown("Second", topics: "  - AI"));
        _workspace.Write("_news/c.md", Articles.Markdown("Third", topics: "  - AI"));
        await _workspace.Importer().ImportAsync(_workspace.Content);
        File.Delete(Path.Combine(_workspace.Content, "_news/a.md"));
        File.Delete(Path.Combine(_workspace.Content, "_news/b.md"));

        var report = await _workspace.Importer().ImportAsync(_workspace.Content);

        Assert.Equal("added 0, updated 0, unchanged 1, removed 2, rejected 0", report.Summary);
        await using var db = _workspace.OpenDb();
        Assert.Equal(["c"], await db.Articles.Select(a => a.Id).ToListAsync());
        Assert.False(await db.Providers.AnyAsync(p => p.Key == "solo.example"));
        Assert.False(await db.Topics.AnyAsync(t => t.Slug == "solo-topic"));
        Assert.Equal(1, (await db.Topics.SingleAsync(t => t.Slug == "ai")).ArticleCount);
        Assert.Equal(1, (await db.Providers.SingleAsync(p => p.Key == "example.com")).ArticleCount);
    }

    [Fact]
    public async Task BreakingAGoodFileRejectsItWithPathAndLineAndKeepsItsPreviousVersion()
    {
        _workspace.CopyFrom(CorpusPaths.PowerAppsNews, "_news");
        await _workspace.Importer().ImportAsync(_workspace.Content);
        var path = Directory.EnumerateFiles(_workspace.Content, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var id = Path.GetFileNameWithoutExtension(path);
        string originalTitle;
        await using (var db = _workspace.OpenDb())
        {
            originalTitle = (await db.Articles.SingleAsync(a => a.Id == id)).Title;
        }

        var lines = (await File.ReadAllLinesAsync(path)).ToList();
        lines[1] = "title: \"changed but broken";
        lines.Insert(2, "  : [unclosed");
        await File.WriteAllLinesAsync(path, lines);
        var outcomes = new List<FileOutcome>();

        var report = await _workspace.Importer().ImportAsync(_workspace.Content, outcomes.Add);

        Assert.Equal("added 0, updated 0, unchanged 673, removed 0, rejected 1", report.Summary);
        var rejected = Assert.Single(outcomes, o => o.Status == FileStatus.Rejected);
        Assert.Equal("_news/" + Path.GetFileName(path), rejected.Path);
        Assert.NotNull(rejected.Line);
        Assert.InRange(rejected.Line!.Value, 2, 4);
        await using var after = _workspace.OpenDb();
        Assert.Equal(originalTitle, (await after.Articles.SingleAsync(a => a.Id == id)).Title);
        Assert.Equal(674, await after.Articles.CountAsync());
    }

    [Fact]
    public async Task EachCommittedBatchIsReportedWithItsCountsAndThePublishedArticlesAfterIt()
    {
        var settings = new ImportSettings { BatchSize = 2 };
        _workspace.Write("_news/a.md", Articles.Markdown("A"));
        _workspace.Write("_news/b.md", Articles.Markdown("B", extra: "published: false"));
        _workspace.Write("_news/c.md", Articles.Markdown("C"));
        await _workspace.Importer(settings).ImportAsync(_workspace.Content);
        _workspace.Write("_news/a.md", Articles.Markdown("A", extra: "published: false"));
        _workspace.Write("_news/b.md", Articles.Markdown("B"));
        File.Delete(Path.Combine(_workspace.Content, "_news/c.md"));
        _workspace.Write("_news/d.md", Articles.Markdown("D"));
        _workspace.Write("_news/e.md", "no front matter\n");
        var batches = new List<BatchReport>();

        await _workspace.Importer(settings).ImportAsync(_workspace.Content, onBatch: batches.Add);

        // Files go in path order, two to a batch; removals come last. Two published articles before.
        Assert.Equal(
        [
            new BatchReport(Added: 0, Updated: 2, Unchanged: 0, Removed: 0, Rejected: 0, PublishedArticles: 2),
            new BatchReport(Added: 1, Updated: 0, Unchanged: 0, Removed: 0, Rejected: 1, PublishedArticles: 3),
            new BatchReport(Added: 0, Updated: 0, Unchanged: 0, Removed: 1, Rejected: 0, PublishedArticles: 2),
        ], batches);
    }

    [Fact]
    public async Task ChangesSpreadOverBatchesAreCommittedTogetherOnceABatchsWorthOrTheLastBatchIsReached()
    {
        var settings = new ImportSettings { BatchSize = 2 };
        foreach (var name in new[] { "a", "b", "c", "d", "e", "f" })
        {
            _workspace.Write($"_news/{name}.md", Articles.Markdown(name.ToUpperInvariant()));
        }

        await _workspace.Importer(settings).ImportAsync(_workspace.Content);
        _workspace.Write("_news/a.md", Articles.Markdown("A2"));
        _workspace.Write("_news/e.md", Articles.Markdown("E2"));
        var batches = new List<(BatchReport Report, string TitleOfA)>();

        await _workspace.Importer(settings).ImportAsync(_workspace.Content, onBatch: report =>
        {
            using var db = _workspace.OpenDb();
            batches.Add((report, db.Articles.Single(a => a.Id == "a").Title));
        });

        // a's change waits for a second change (e's, in the last batch): the first two commits write nothing.
        Assert.Equal(
        [
            (new BatchReport(Added: 0, Updated: 0, Unchanged: 1, Removed: 0, Rejected: 0, PublishedArticles: 6), "A"),
            (new BatchReport(Added: 0, Updated: 0, Unchanged: 2, Removed: 0, Rejected: 0, PublishedArticles: 6), "A"),
            (new BatchReport(Added: 0, Updated: 2, Unchanged: 1, Removed: 0, Rejected: 0, PublishedArticles: 6), "A2"),
        ], batches);
    }

    [Fact]
    public async Task TheFirstPathOfADuplicateIdWinsAndTheOtherIsRejectedNamingIt()
    {
        _workspace.Write("_news/b/same.md", Articles.Markdown("Second by path"));
        _workspace.Write("_news/a/same.md", Articles.Markdown("First by path"));
        var outcomes = new List<FileOutcome>();

        var report = await _workspace.Importer().ImportAsync(_workspace.Content, outcomes.Add);

        Assert.Equal("added 1, updated 0, unchanged 0, removed 0, rejected 1", report.Summary);
        var rejected = Assert.Single(outcomes, o => o.Status == FileStatus.Rejected);
        Assert.Equal("_news/b/same.md", rejected.Path);
        Assert.Contains("_news/a/same.md", rejected.Reason, StringComparison.Ordinal);
        await using var db = _workspace.OpenDb();
        Assert.Equal("First by path", (await db.Articles.SingleAsync()).Title);
    }

    [Fact]
    public async Task ADuplicateIdInALaterBatchIsRejectedOnEveryRun()
    {
        // One file per batch: the claim comes from the run's seen ids, not from the batch in memory.
        var settings = new ImportSettings { BatchSize = 1 };
        _workspace.Write("_news/a/same.md", Articles.Markdown("First by path"));
        _workspace.Write("_news/b/other.md", Articles.Markdown("Other"));
        _workspace.Write("_news/c/same.md", Articles.Markdown("Third by path"));

        foreach (var expected in new[] { "added 2, updated 0, unchanged 0, removed 0, rejected 1", "added 0, updated 0, unchanged 2, removed 0, rejected 1" })
        {
            var outcomes = new List<FileOutcome>();
            var report = await _workspace.Importer(settings).ImportAsync(_workspace.Content, outcomes.Add);

            Assert.Equal(expected, report.Summary);
            var rejected = Assert.Single(outcomes, o => o.Status == FileStatus.Rejected);
            Assert.Equal("_news/c/same.md", rejected.Path);
            Assert.Contains("_news/a/same.md", rejected.Reason, StringComparison.Ordinal);
        }

        await using var db = _workspace.OpenDb();
        Assert.Equal("First by path", (await db.Articles.SingleAsync(a => a.Id == "same")).Title);
    }

    [Fact]
    public async Task ADuplicateWhoseFirstPathDoesNotParseGoesToTheNextPathThatDoes()
    {
        _workspace.Write("_news/a/same.md", "---\ntitle: [broken\n---\n");
        _workspace.Write("_news/b/same.md", Articles.Markdown("Parses"));

        var report = await _workspace.Importer().ImportAsync(_workspace.Content);

        Assert.Equal("added 1, updated 0, unchanged 0, removed 0, rejected 1", report.Summary);
        await using var db = _workspace.OpenDb();
        Assert.Equal("Parses", (await db.Articles.SingleAsync()).Title);
    }

    [Fact]
    public async Task AnEmptyContentRootOverANonEmptyDatabaseIsAUsageErrorAndDeletesNothing()
    {
        _workspace.Write("_news/a.md", Articles.Markdown("Kept"));
        await _workspace.Importer().ImportAsync(_workspace.Content);
        File.Delete(Path.Combine(_workspace.Content, "_news/a.md"));

        await Assert.ThrowsAsync<ImportUsageException>(() => _workspace.Importer().ImportAsync(_workspace.Content));

        await using var db = _workspace.OpenDb();
        Assert.Equal(1, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task AllowEmptyLetsAnEmptyContentRootEmptyTheDatabase()
    {
        _workspace.Write("_news/a.md", Articles.Markdown("Goes"));
        await _workspace.Importer().ImportAsync(_workspace.Content);
        File.Delete(Path.Combine(_workspace.Content, "_news/a.md"));

        var report = await _workspace.Importer(new ImportSettings { AllowEmpty = true }).ImportAsync(_workspace.Content);

        Assert.Equal(1, report.Removed);
        await using var db = _workspace.OpenDb();
        Assert.Equal(0, await db.Articles.CountAsync());
        Assert.Equal(0, await db.Topics.CountAsync());
    }

    [Fact]
    public async Task HiddenFilesHiddenFoldersSymlinksAndOtherExtensionsAreSkipped()
    {
        _workspace.Write("_news/kept.md", Articles.Markdown("Kept"));
        _workspace.Write("_news/also-kept.MARKDOWN", Articles.Markdown("Also kept"));
        _workspace.Write("_news/.hidden.md", Articles.Markdown("Hidden"));
        _workspace.Write(".git/_news/in-hidden-folder.md", Articles.Markdown("Hidden folder"));
        _workspace.Write("_news/notes.txt", "not markdown");
        File.CreateSymbolicLink(Path.Combine(_workspace.Content, "_news/link.md"), Path.Combine(_workspace.Content, "_news/kept.md"));

        var report = await _workspace.Importer().ImportAsync(_workspace.Content);

        Assert.Equal("added 2, updated 0, unchanged 0, removed 0, rejected 0", report.Summary);
        await using var db = _workspace.OpenDb();
        Assert.Equal(["also-kept", "kept"], await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
    }

    [Fact]
    public async Task CategoryDefaultsToTheNearestUnderscoreFolder()
    {
        _workspace.Write("_posts/2024/_drafts/x/deep.md", Articles.Markdown("Deep"));
        _workspace.Write("top.md", Articles.Markdown("Top"));
        _workspace.Write("_news/given.md", Articles.Markdown("Given", extra: "category: Reviews"));

        await _workspace.Importer().ImportAsync(_workspace.Content);

        await using var db = _workspace.OpenDb();
        var categories = await db.Articles.OrderBy(a => a.Id).Select(a => a.Category).ToListAsync();
        Assert.Equal(["drafts", "Reviews", null], categories);
    }

    [Fact]
    public async Task TouchingAFileWithoutChangingItsBytesCountsAsUnchanged()
    {
        var path = _workspace.Write("_news/a.md", Articles.Markdown("Same"));
        await _workspace.Importer().ImportAsync(_workspace.Content);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(5));

        var report = await _workspace.Importer().ImportAsync(_workspace.Content);

        Assert.Equal("added 0, updated 0, unchanged 1, removed 0, rejected 0", report.Summary);
    }

    // Databases written before the hash changed hold SHA-256 values: a touched file there is read again
    // once (its bytes are not compared by the old hash), an untouched one is still skipped by its time.
    [Fact]
    public async Task ADatabaseThatStoredSha256HashesUpgradesAndRereadsOnlyTouchedFiles()
    {
        _workspace.Write("_news/a.md", Articles.Markdown("Kept"));
        var touched = _workspace.Write("_news/b.md", Articles.Markdown("Touched"));
        await _workspace.Importer().ImportAsync(_workspace.Content);
        await using (var db = _workspace.OpenDb())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE Articles SET SourceHash = 'an old sha-256'");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE Articles RENAME COLUMN SourceHash TO SourceSha256");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM __EFMigrationsHistory WHERE MigrationId LIKE '%_SourceContentHash'");
        }

        SqliteConnection.ClearAllPools();
        File.SetLastWriteTimeUtc(touched, DateTime.UtcNow.AddMinutes(5));

        var report = await _workspace.Importer().ImportAsync(_workspace.Content);

        Assert.Equal("added 0, updated 1, unchanged 1, removed 0, rejected 0", report.Summary);
        await using var after = _workspace.OpenDb();
        Assert.Equal(["an old sha-256", Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(File.ReadAllBytes(touched)))],
            await after.Articles.OrderBy(a => a.Id).Select(a => a.Source.ContentHash).ToListAsync());
    }

    [Fact]
    public async Task MovingAFileKeepsItsArticleAndRecordsTheNewPath()
    {
        _workspace.Write("_news/old/a.md", Articles.Markdown("Moved"));
        await _workspace.Importer().ImportAsync(_workspace.Content);
        Directory.Move(Path.Combine(_workspace.Content, "_news/old"), Path.Combine(_workspace.Content, "_news/new"));

        var report = await _workspace.Importer().ImportAsync(_workspace.Content);

        Assert.Equal("added 0, updated 1, unchanged 0, removed 0, rejected 0", report.Summary);
        await using var db = _workspace.OpenDb();
        Assert.Equal("_news/new/a.md", (await db.Articles.SingleAsync()).Source.Path);
    }

    [Fact]
    public async Task UnpublishedArticlesAreStoredButNotCounted()
    {
        _workspace.Write("_news/a.md", Articles.Markdown("Hidden", extra: "published: false", topics: "  - Only hidden", domain: "hidden.example"));
        _workspace.Write("_news/b.md", Articles.Markdown("Shown"));

        await _workspace.Importer().ImportAsync(_workspace.Content);

        await using var db = _workspace.OpenDb();
        Assert.Equal(2, await db.Articles.CountAsync());
        Assert.False(await db.Topics.AnyAsync(t => t.Slug == "only-hidden"));
        Assert.False(await db.Providers.AnyAsync(p => p.Key == "hidden.example"));
    }

    [Fact]
    public async Task AProviderNameAndImagesAreThoseMostOfItsPublishedArticlesGive()
    {
        _workspace.Write("_news/a.md", Articles.Markdown("A", provider: "Old Name", domain: "Example.com"));
        _workspace.Write("_news/b.md", Articles.Markdown("B", provider: "New Name", domain: "example.com"));
        _workspace.Write("_news/c.md", Articles.Markdown("C", provider: "New Name", domain: "EXAMPLE.COM"));

        await _workspace.Importer().ImportAsync(_workspace.Content);

        await using var db = _workspace.OpenDb();
        var provider = await db.Providers.SingleAsync();
        Assert.Equal(("example.com", "New Name", 3), (provider.Key, provider.Name, provider.ArticleCount));
    }
}
