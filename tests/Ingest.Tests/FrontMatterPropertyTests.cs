using System.Diagnostics;
using System.Text;
using CsCheck;
using NewsApi.Ingest.FrontMatter;
using Xunit.Abstractions;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// Property tests of the front-matter parser. Short mode (CI) runs a few thousand cases per property
/// in seconds; the long mode runs as many as NEWSAPI_PROPERTY_CASES says, e.g.
/// <c>NEWSAPI_PROPERTY_CASES=100000 dotnet test tests/Ingest.Tests --filter FrontMatterPropertyTests</c>.
/// A failure prints CsCheck's seed; <c>CsCheck_Seed=&lt;seed&gt;</c> replays it.
/// </summary>
public sealed class FrontMatterPropertyTests(ITestOutputHelper output)
{
    const long ShortModeValidCases = 2_000;
    const long ShortModeMutatedCases = 3_000;

    /// <summary>Generous: a case takes milliseconds; only a runaway (quadratic or worse) case comes near it.</summary>
    static readonly TimeSpan CaseTimeLimit = TimeSpan.FromSeconds(5);

    static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Allocation allowed for a file of <paramref name="length"/> bytes: a fixed allowance (YamlDotNet's buffers,
    /// and the text aliases may repeat, <see cref="FrontMatterLimits.MaxAliasText"/>, about 3 MB at worst once
    /// escaped as JSON) plus a multiple of the size (generated files measured at most 112 bytes per byte).
    /// A parser that copied text per node or per alias use would blow through it.
    /// </summary>
    static long AllocationLimit(int length) => (8L << 20) + 200L * length;

    [Fact]
    public void GeneratedFrontMatterReadsBackAsGenerated()
    {
        var cases = PropertyRuns.Cases(ShortModeValidCases);

        PropertyRuns.Sample(
            Gen.Select(GeneratedArticles.Article, Gen.Int),
            input =>
            {
                var (article, seed) = input;
                var result = ParseWithinBounds(Encoding.UTF8.GetBytes(GeneratedArticleYaml.Write(article, seed)));

                Assert.True(result.Error is null, $"rejected: {result.Error}");
                Assert.Equal(ExpectedDocument.Text(ExpectedDocument.Of(article)), ExpectedDocument.Text(ExpectedDocument.Of(result.Document!)));
            },
            cases,
            input => $"\n{GeneratedArticleYaml.Write(input.Item1, input.Item2)}\nexpected:\n{ExpectedDocument.Text(ExpectedDocument.Of(input.Item1))}",
            HangLimit,
            output.WriteLine);
    }

    [Fact]
    public void MutatedFrontMatterIsReadOrRejectedWithAOneLineReason()
    {
        var cases = PropertyRuns.Cases(ShortModeMutatedCases);
        var files = Gen.Select(GeneratedArticles.Article, Gen.Int, Gen.Int)
            .Select((article, seed, mutation) => ByteMutations.Mutate(Encoding.UTF8.GetBytes(GeneratedArticleYaml.Write(article, seed)), mutation));

        PropertyRuns.Sample(
            files,
            file =>
            {
                var result = ParseWithinBounds(file);

                Assert.True(result.Document is null != result.Error is null, "exactly one of a document and an error");
                if (result.Error is { } error)
                {
                    Assert.False(string.IsNullOrWhiteSpace(error.Reason), "empty reason");
                    Assert.False(error.Reason.Any(IsLineBreakOrControl), $"reason is not one clean line: {error.Reason}");
                    Assert.True(error.Line is null or >= 1 && error.Column is null or >= 1, $"bad position in {error}");
                }
                else
                {
                    Assert.False(string.IsNullOrWhiteSpace(result.Document!.Title), "accepted without a title");
                }
            },
            cases,
            ByteMutations.Describe,
            HangLimit,
            output.WriteLine);
    }

    [Fact]
    public void FastPathAgreesWithYamlDotNetOnGeneratedFrontMatter()
    {
        var cases = PropertyRuns.Cases(ShortModeValidCases);
        var handled = 0L;

        // Half in every YAML style, half in the styles the fast path reads (so that it is tested, not skipped).
        PropertyRuns.Sample(
            Gen.Select(GeneratedArticles.Article, Gen.Int, Gen.Bool),
            input =>
            {
                var file = Encoding.UTF8.GetBytes(GeneratedArticleYaml.Write(input.Item1, input.Item2, input.Item3));
                var read = FastPathOracle.Agrees(FrontMatterParser.YamlText(file)!);
                handled += read ? 1 : 0;
                Assert.True(read || !input.Item3, "the fast path declined a file in its own styles");
                FastPathOracle.ParsesAlike(file);
            },
            cases,
            input => $"\n{GeneratedArticleYaml.Write(input.Item1, input.Item2, input.Item3)}",
            HangLimit,
            output.WriteLine);

        output.WriteLine($"the fast path read {handled} of {cases} generated files");
        Assert.True(handled >= cases / 4, $"the fast path read only {handled} of {cases} generated files");
    }

    [Fact]
    public void FastPathAgreesWithYamlDotNetOnMutatedFrontMatter()
    {
        var cases = PropertyRuns.Cases(ShortModeMutatedCases);
        var handled = 0L;
        var files = Gen.Select(GeneratedArticles.Article, Gen.Int, Gen.Int, Gen.Bool)
            .Select((article, seed, mutation, blockOnly) =>
                ByteMutations.Mutate(Encoding.UTF8.GetBytes(GeneratedArticleYaml.Write(article, seed, blockOnly)), mutation));

        PropertyRuns.Sample(
            files,
            file =>
            {
                if (FrontMatterParser.YamlText(file) is { } yaml && FastPathOracle.Agrees(yaml))
                {
                    handled++;
                }

                FastPathOracle.ParsesAlike(file);
            },
            cases,
            ByteMutations.Describe,
            HangLimit,
            output.WriteLine);

        output.WriteLine($"the fast path read {handled} of {cases} mutated files");
        Assert.True(handled >= cases / 25, $"the fast path read only {handled} of {cases} mutated files");
    }

    /// <summary>Small limits, so that the fast path meets them: it must decline just where YamlDotNet rejects.</summary>
    [Fact]
    public void FastPathKeepsTheLimitsOfYamlDotNet()
    {
        var cases = PropertyRuns.Cases(ShortModeValidCases);
        var inputs = Gen.Select(GeneratedArticles.Article, Gen.Int, Gen.Int[1, 8], Gen.Int[1, 300]);

        PropertyRuns.Sample(
            inputs,
            input =>
            {
                var (article, seed, maxDepth, maxNodes) = input;
                var file = Encoding.UTF8.GetBytes(GeneratedArticleYaml.Write(article, seed, blockOnly: true));
                FastPathOracle.Agrees(FrontMatterParser.YamlText(file)!, maxDepth, maxNodes);
                FastPathOracle.ParsesAlike(file, new FrontMatterLimits { MaxDepth = maxDepth, MaxNodes = maxNodes });
            },
            cases,
            input => $"MaxDepth {input.Item3}, MaxNodes {input.Item4}\n{GeneratedArticleYaml.Write(input.Item1, input.Item2, blockOnly: true)}",
            HangLimit,
            output.WriteLine);
    }

    /// <summary>Parses, failing on any exception, a case slower than the time limit or allocating past the memory limit.</summary>
    static FrontMatterResult ParseWithinBounds(byte[] file)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();

        var result = FrontMatterParser.Parse(file);

        var elapsed = watch.Elapsed;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.True(elapsed < CaseTimeLimit, $"took {elapsed.TotalMilliseconds:F0} ms for {file.Length} bytes");
        Assert.True(allocated <= AllocationLimit(file.Length), $"allocated {allocated} bytes for {file.Length} bytes (limit {AllocationLimit(file.Length)})");
        return result;
    }

    /// <summary>A reject line must stay one line on any terminal: no line break of any kind, no control character.</summary>
    static bool IsLineBreakOrControl(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
