using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace NewsApi.Ingest.Tests;

/// <summary>SPEC section 2's bad inputs, all in one content root beside a good file: each is rejected with its own reason and the run goes on.</summary>
public sealed class BadInputTests : IDisposable
{
    readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    static string AliasBomb()
    {
        var yaml = new StringBuilder("---\ntitle: bomb\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append(CultureInfoInvariant($"a{i}: &a{i} [")).Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))).Append("]\n");
        }

        return yaml.Append("---\n").ToString();
    }

    static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    public static TheoryData<string, string> Cases() => new()
    {
        { "no-front-matter.md", "no front matter" },
        { "unterminated.md", "unterminated front matter" },
        { "invalid-yaml.md", "invalid YAML" },
        { "not-a-mapping.md", "not a mapping" },
        { "missing-title.md", "missing title" },
        { "blank-title.md", "missing title" },
        { "wrong-type.md", "quality" },
        { "out-of-range.md", "heat" },
        { "bad-date.md", "publishedDateTime" },
        { "invalid-utf8.md", "UTF-8" },
        { "duplicate-key.md", "duplicate key" },
        { "wrong-shape.md", "provider" },
        { "alias-bomb.md", "alias" },
        { "deep-nesting.md", "nesting" },
        { "too-big.md", "over the limit" },
        { "zdup/good.md", "duplicate id" },
    };

    void WriteAll()
    {
        _workspace.Write("_news/good.md", Articles.Markdown("Good"));
        _workspace.Write("_news/no-front-matter.md", "title: no markers\n");
        _workspace.Write("_news/unterminated.md", "---\ntitle: never closed\n");
        _workspace.Write("_news/invalid-yaml.md", "---\ntitle: [unclosed\n---\n");
        _workspace.Write("_news/not-a-mapping.md", "---\n- just\n- a list\n---\n");
        _workspace.Write("_news/missing-title.md", "---\nexcerpt: no title\n---\n");
        _workspace.Write("_news/blank-title.md", "---\ntitle: \"   \"\n---\n");
        _workspace.Write("_news/wrong-type.md", "---\ntitle: t\nquality: high\n---\n");
        _workspace.Write("_news/out-of-range.md", "---\ntitle: t\nheat: 99999999999\n---\n");
        _workspace.Write("_news/bad-date.md", "---\ntitle: t\npublishedDateTime: yesterday\n---\n");
        _workspace.WriteBytes("_news/invalid-utf8.md", [.. "---\ntitle: "u8, 0xFF, 0xFE, .. "\n---\n"u8]);
        _workspace.Write("_news/duplicate-key.md", "---\ntitle: one\ntitle: two\n---\n");
        _workspace.Write("_news/wrong-shape.md", "---\ntitle: t\nprovider: just a string\n---\n");
        _workspace.Write("_news/alias-bomb.md", AliasBomb());
        _workspace.Write("_news/deep-nesting.md", "---\ntitle: t\nx: " + new string('[', 10_000) + new string(']', 10_000) + "\n---\n");
        _workspace.Write("_news/too-big.md", "---\ntitle: big\nexcerpt: \"" + new string('x', 2 * 1024 * 1024) + "\"\n---\n");
        _workspace.Write("_news/zdup/good.md", Articles.Markdown("Duplicate of good"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachBadFileIsRejectedWithItsReasonAndTheGoodFileIsStillAdded(string file, string reason)
    {
        WriteAll();
        var outcomes = new List<FileOutcome>();
        var settings = new ImportSettings { Limits = new() { MaxFileBytes = 1024 * 1024 } };
        var watch = Stopwatch.StartNew();

        var report = await _workspace.Importer(settings).ImportAsync(_workspace.Content, outcomes.Add);

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        var outcome = Assert.Single(outcomes, o => o.Path == "_news/" + file);
        Assert.Equal(FileStatus.Rejected, outcome.Status);
        Assert.Contains(reason, outcome.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', outcome.ToString());
        Assert.Equal(1, report.Added);
        Assert.Equal(Cases().Count, report.Rejected);
        await using var db = _workspace.OpenDb();
        Assert.Equal("Good", (await db.Articles.SingleAsync()).Title);
    }
}
