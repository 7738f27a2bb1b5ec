using System.Text;
using NewsApi.Ingest.FrontMatter;
using Xunit.Abstractions;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// The fast path against YamlDotNet (<see cref="FastPathOracle"/>): on the real corpus and the samples, where it
/// must read nearly every file, and on hand-written ugly cases, where it must read or decline, never differ.
/// </summary>
public sealed class BlockYamlReaderTests(ITestOutputHelper output)
{
    /// <summary>Below this share of corpus files read by the fast path, the oracle would pass on too little.</summary>
    const double MinimumHandledShare = 0.9;

    public static TheoryData<string> Folders => new() { CorpusPaths.Corpus, Path.Combine(CorpusPaths.RepositoryRoot, "samples") };

    [Theory]
    [MemberData(nameof(Folders))]
    public void FastPathReadsNearlyEveryFileAndAgreesWithYamlDotNet(string folder)
    {
        var files = Directory.GetFiles(folder, "*.md", SearchOption.AllDirectories);
        int withYaml = 0, handled = 0;
        var fellBack = new List<string>();
        foreach (var path in files)
        {
            var bytes = File.ReadAllBytes(path);
            FastPathOracle.ParsesAlike(bytes);
            if (FrontMatterParser.YamlText(bytes) is not { } yaml)
            {
                continue;
            }

            withYaml++;
            if (FastPathOracle.Agrees(yaml))
            {
                handled++;
            }
            else
            {
                fellBack.Add(Path.GetFileName(path));
            }
        }

        output.WriteLine($"{folder}: {files.Length} files, {withYaml} with front matter, {handled} read by the fast path, {withYaml - handled} fell back");
        output.WriteLine(string.Join("\n", fellBack.Take(20)));
        Assert.True(withYaml > 250, $"only {withYaml} files with front matter under {folder}");
        Assert.True(handled >= MinimumHandledShare * withYaml, $"the fast path read only {handled} of {withYaml} files");
    }

    /// <summary>Each of these the fast path must read itself, the same as YamlDotNet.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n  # and another\n")]
    [InlineData("title: plain text\n")]
    [InlineData("title: plain text")]
    [InlineData("title: \"double \\\"quoted\\\" \\\\ \\u00e9 \\x41 \\t \\/ \\n \\U0001F600 \\N \\_ \\0\"\n")]
    [InlineData("title: 'single ''quoted'' \\n'\n")]
    [InlineData("title: \"a # not a comment\" # a comment\nb: 'x #y' #z\n")]
    [InlineData("title: a#b\nc: d #e\n")]
    [InlineData("title: key:value\n")]
    [InlineData("title: http://example.com/a?b=c:d\n")]
    [InlineData("title: trailing spaces   \nb: 'q'   \n")]
    [InlineData("title: x\r\nb:\r\n  - 1\r\n  - 'two'\r\n")]
    [InlineData("title: 😀 x 🎉\n😀: '🎉' # 😀\nb: \"😀\"\n")]
    [InlineData("title: ünïcödé — “quotes” 日本語\nü: ß\n")]
    [InlineData("a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: nULL\ng: '~'\nh: \"null\"\n")]
    [InlineData("a: 1\nb: -2.5\nc: true\nd: 0x1F\ne: 2024-01-02T03:04:05Z\nf: .inf\n")]
    [InlineData("\"quoted key\": 1\n'single key': 2\n\"\": 3\n")]
    [InlineData("a:\n- x\n- y\nb: 1\n")]
    [InlineData("a:\n  - x\n  -   y\n  -\n  - # c\n")]
    [InlineData("a:\n- b: 1\n  c: 2\n-   d: 3\n    e:\n- f:\n  - g\n  h: 4\n")]
    [InlineData("a:\n  b:\n    c:\n      - - 1\n        - 2\n      - []\n  d: {}\ne: [] # c\n")]
    [InlineData("a:\n   b: 1\n   c:\n\n      # comment\n      d: 2\ne:\n")]
    [InlineData("a:\n-\n  b: 1\n-\n  - c\n")]
    [InlineData("a   : spaced key\n")]
    [InlineData("a: b [c] {d}, e\n")]
    [InlineData("tags: [podcast, webinar, ai]\nb: [ x ,y,  null , 1.5, a-b c_d ] # c\nc:\n  - [a]\n  - [ ]\n")]
    [InlineData("tags: [ünï, 日本]\n")]
    public void FastPathReads(string yaml)
    {
        Assert.True(FastPathOracle.Agrees(yaml), $"declined:\n{yaml}");
        FastPathOracle.ParsesAlike(Encoding.UTF8.GetBytes("---\n" + yaml + "\n---\nbody\n"));
    }

    /// <summary>Each of these the fast path may read or decline, but never read differently from YamlDotNet.</summary>
    [Theory]
    [InlineData("a: b: c\n")]
    [InlineData("a: b:\n")]
    [InlineData("a: x\n  continued\n")]
    [InlineData("a: 'multi\n  line'\n")]
    [InlineData("a: \"multi\\\n  line\"\n")]
    [InlineData("a: \"bad \\q escape\"\n")]
    [InlineData("a: \"\\uD800\"\n")]
    [InlineData("a: \"\\UFFFFFFFF\"\n")]
    [InlineData("a: 'x'y\n")]
    [InlineData("a: \"x\"#y\n")]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("a: |\n  block\n")]
    [InlineData("a: >-\n  folded\n")]
    [InlineData("a: [1, 2\n]\n")]
    [InlineData("a: [a, ]\n")]
    [InlineData("a: [a,, b]\n")]
    [InlineData("a: [a b: c]\n")]
    [InlineData("a: [a] b\n")]
    [InlineData("a: [-a, .b]\n")]
    [InlineData("a: ['a', \"b\"]\n")]
    [InlineData("a: [[a]]\n")]
    [InlineData("a: {b: 1}\n")]
    [InlineData("? a\n: b\n")]
    [InlineData("%YAML 1.2\n---\na: 1\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    [InlineData("a: 1\n...\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a:\n  b: 1\n c: 2\n")]
    [InlineData("a:\n  b: 1\n    c: 2\n")]
    [InlineData("a: 1\n b: 2\n")]
    [InlineData("  a: 1\n  b: 2\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("just a scalar\n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: b\tc\n")]
    [InlineData("a: b\rc: d\n")]
    [InlineData("a: \u0085b\n")]
    [InlineData("a: b\u2028c: d\n")]
    [InlineData("a: \uFEFFb\n")]
    [InlineData("a: -\n")]
    [InlineData("a: - b\n")]
    [InlineData("a:\n- b\n  - c\n")]
    [InlineData("a:\n  - b\n - c\n")]
    [InlineData("a: @b\n")]
    [InlineData("a: `b\n")]
    [InlineData("a: %b\n")]
    [InlineData("a: ?b\n")]
    [InlineData("a: :b\n")]
    [InlineData("-a: b\n")]
    [InlineData("a: -b\n")]
    [InlineData("a: --- b\n")]
    [InlineData("--- a\n")]
    [InlineData("a: [ ]\n")]
    [InlineData("a: 1\nb: [x\n")]
    [InlineData("a: []x\n")]
    [InlineData("a:b\n")]
    [InlineData("a:\n  b\n")]
    [InlineData("\"a\" : 1\n")]
    [InlineData("a: 1 # c\n  # indented comment\nb: 2\n")]
    [InlineData("a: \u00A0b\u00A0\nc:\u00A0d\n")]
    [InlineData("a: b #c: d\ne: f#g: h\n")]
    [InlineData("a: 'x' : y\n")]
    [InlineData("- a: 1\n- b\n")]
    [InlineData("a:\n  -\n  - x\n  -\n")]
    [InlineData("<<: 1\n")]
    [InlineData("a: !\nb: *\nc: &\nd: |\n")]
    [InlineData("a: \"\\\"\nb: '''\nc: ''''\n")]
    [InlineData("a: \"\\x4\"\nb: \"\\u00G0\"\n")]
    [InlineData("a: b\n\t\n")]
    [InlineData("a:\n  - b:\n    c: 1\n")]
    [InlineData("a:\n  - b:\n      - c\n    d: 1\n")]
    [InlineData("a: [b, c]: d\n")]
    [InlineData("a: {}\nb: { }\nc: {x}\n")]
    [InlineData("a:   \n  # c\n  b: 1\n")]
    public void FastPathReadsOrDeclines(string yaml)
    {
        FastPathOracle.Agrees(yaml);
        FastPathOracle.ParsesAlike(Encoding.UTF8.GetBytes("---\n" + yaml + "\n---\nbody\n"));
    }

    [Fact]
    public void FastPathDeclinesPastTheLimits()
    {
        const string yaml = "a:\n  b:\n    c: 1\n  d: [x, 'y']\n";
        Assert.False(FastPathOracle.Agrees("a:\n  b:\n    c: 1\n", maxDepth: 2));
        Assert.True(FastPathOracle.Agrees("a:\n  b:\n    c: 1\n", maxDepth: 3));
        Assert.False(FastPathOracle.Agrees("a: 1\nb: 2\n", maxNodes: 4));
        Assert.True(FastPathOracle.Agrees("a: 1\nb: 2\n", maxNodes: 5));
        Assert.False(FastPathOracle.Agrees(yaml));
    }

    [Fact]
    public void FastPathReadsLongKeysOnlyWellUnderYamlDotNetsLimit()
    {
        Assert.True(FastPathOracle.Agrees(new string('k', 900) + ": v\n"));
        FastPathOracle.Agrees(new string('k', 1030) + ": v\n");
        FastPathOracle.Agrees("\"" + new string('k', 1030) + "\": v\n");
    }

    [Fact]
    public void FastPathFindsDuplicatesInLargeMappings()
    {
        var keys = string.Concat(Enumerable.Range(0, 40).Select(i => $"k{i}: {i}\n"));
        Assert.True(FastPathOracle.Agrees(keys));
        Assert.False(FastPathOracle.Agrees(keys + "k7: again\n"));
    }

    [Fact]
    public void BomAndCrlfFilesParseAlike()
    {
        var file = "\uFEFF---\r\ntitle: \"x\"\r\ntopics:\r\n- a\r\n---\r\nbody\r\n";
        FastPathOracle.ParsesAlike(Encoding.UTF8.GetBytes(file));
        Assert.True(FastPathOracle.Agrees(FrontMatterParser.YamlText(Encoding.UTF8.GetBytes(file))!));
    }
}
