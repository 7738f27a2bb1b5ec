using System.Diagnostics;
using System.Text;
using System.Text.Json;
using NewsApi.Ingest.FrontMatter;

namespace NewsApi.Ingest.Tests;

public class FrontMatterParserTests
{
    static readonly string SeedPath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "seed-article.md");
    static readonly TimeSpan Quickly = TimeSpan.FromSeconds(1);

    /// <summary>Characters between the quotes of the seed's <c>secured:</c> line (no escapes in it).</summary>
    const int SecuredLength = 561;

    static FrontMatterResult Parse(string file, FrontMatterLimits? limits = null) =>
        FrontMatterParser.Parse(Encoding.UTF8.GetBytes(file), limits);

    /// <summary>A file whose front matter is <paramref name="yaml"/>: its first line is file line 2.</summary>
    static FrontMatterDocument Accept(string yaml)
    {
        var result = Parse("---\n" + yaml + "---\nbody\n");
        Assert.Null(result.Error);
        return result.Document!;
    }

    static FrontMatterError Reject(string file, FrontMatterLimits? limits = null)
    {
        var result = Parse(file, limits);
        Assert.Null(result.Document);
        return Assert.IsType<FrontMatterError>(result.Error);
    }

    static FrontMatterDocument Seed()
    {
        var result = FrontMatterParser.Parse(File.ReadAllBytes(SeedPath));
        Assert.Null(result.Error);
        return result.Document!;
    }

    [Fact]
    public void SeedArticleTopLevelScalarsAreReadAsWritten()
    {
        var document = Seed();

        Assert.Equal("news", document.Category);
        Assert.Equal("Upwork Reveals Top 10 Generative AI-Related Skills and Hires in 2023", document.Title);
        Assert.Equal(
            "Each company will figure out what works best for their own organization, but encouraging people to learn "
            + "and understand generative AI is an important place to start.\u201D Catch up on the latest tech innovations "
            + "that are changing the world, including IoT ...",
            document.Excerpt);
        Assert.Equal("https://www.techrepublic.com/article/top-10-generative-ai-related-skills-and-hires-in-2023/", document.OriginalUrl);
        Assert.Equal("https://www.techrepublic.com/article/top-10-generative-ai-related-skills-and-hires-in-2023/", document.WebUrl);
        Assert.Null(document.AmpWebUrl);
        Assert.Null(document.CdnAmpWebUrl);
        Assert.Equal("article", document.Type);
        Assert.Equal(67, document.Quality);
        Assert.Equal(100, document.Heat);
        Assert.True(document.Published);
        Assert.Null(document.FeaturedContent);
        Assert.StartsWith("1td70fyy0woiRPSdHi0R4YYKtWB3", document.Secured, StringComparison.Ordinal);
        Assert.EndsWith("BUnCEnWDP1t9mwDQvyfsoOOANw9eRYkbdE03sM/B5zggJQ==;KGC31dJntC+ITPgKFUGYAQ==", document.Secured, StringComparison.Ordinal);
        Assert.Equal(SecuredLength, document.Secured!.Length);
        Assert.Null(document.ExtraJson);
    }

    [Fact]
    public void SeedArticlePublishedDateTimeIsTheExactUtcInstant()
    {
        var published = Seed().PublishedAtUtc;

        Assert.Equal(new DateTime(2023, 8, 22, 21, 22, 0, DateTimeKind.Utc), published);
        Assert.Equal(DateTimeKind.Utc, published!.Value.Kind);
    }

    [Fact]
    public void SeedArticleProviderHasItsOneImage()
    {
        var provider = Seed().Provider!;

        Assert.Equal("TechRepublic", provider.Name);
        Assert.Equal("techrepublic.com", provider.Domain);
        var image = Assert.Single(provider.Images);
        Assert.Equal("https://everyday-cc.github.io/ai/assets/images/organizations/techrepublic.com-50x50.jpg", image.Url);
        Assert.Equal(50, image.Width);
        Assert.Equal(50, image.Height);
        Assert.Null(image.IsCached);
        Assert.Null(image.Extra);
        Assert.Null(provider.ExtraJson);
    }

    [Fact]
    public void SeedArticleTopicsAndImagesAreRead()
    {
        var document = Seed();

        Assert.Equal(["AI"], document.Topics);
        var image = Assert.Single(document.Images);
        Assert.Equal(
            "https://www.techrepublic.com/wp-content/uploads/2023/08/tr0082323-featuredimage-top-10-generative-ai-related-skills-and-hires-in-2023.jpg",
            image.Url);
        Assert.Equal(1400, image.Width);
        Assert.Equal(785, image.Height);
        Assert.True(image.IsCached);
        Assert.Null(image.Title);
    }

    [Fact]
    public void SeedArticleRelatedItemsKeepFileOrderAndValues()
    {
        var related = Seed().Related;

        Assert.Equal(["businessinsider.com", "aol.com", "design-reuse.com"], related.Select(r => r.Provider!.Domain));
        Assert.Equal(["Business Insider", "AOL", "Design-Reuse"], related.Select(r => r.Provider!.Name));
        Assert.Equal([42, 39, 33], related.Select(r => r.Quality));
        Assert.Equal(
            [
                new DateTime(2023, 8, 22, 12, 13, 0, DateTimeKind.Utc),
                new DateTime(2023, 8, 23, 12, 0, 0, DateTimeKind.Utc),
                new DateTime(2023, 8, 23, 6, 5, 0, DateTimeKind.Utc),
            ],
            related.Select(r => r.PublishedAtUtc));
        Assert.All(related, r => Assert.Equal(DateTimeKind.Utc, r.PublishedAtUtc!.Value.Kind));
        Assert.All(related, r => Assert.Equal("article", r.Type));
        Assert.All(related, r => Assert.Null(r.ExtraJson));
        Assert.Equal("Upwork Unveils Top 10 Generative AI-Related Searches and Hires in First Half of 2023", related[0].Title);
        Assert.Equal(
            "The analysis by Upwork\u2019s Research Institute found that businesses are progressing their understanding of "
            + "generative AI as they increasingly move from ... Learn more at upwork.com and join us on LinkedIn, Facebook, "
            + "Instagram, TikTok and X, formerly ...",
            related[0].Excerpt);
        Assert.Equal(
            "Businesses are searching for workers skilled in the use of generative AI tools like ChatGPT, Microsoft's Azure "
            + "OpenAI, Stable Diffusion and more, according to a new report by Upwork.",
            related[1].Excerpt);
        Assert.Equal(
            "By 2027, AI chips revenue is expected to be more than double the size of the market in 2023, reaching $119.4 "
            + "billion. Many more industries and IT organizations will deploy systems that include AI chips as the use of "
            + "AI-based workloads in the enterprise ...",
            related[2].Excerpt);
        Assert.Equal("https://www.design-reuse.com/news/54641/worldwide-ai-chips-revenue-forecast.html", related[2].WebUrl);
    }

    [Fact]
    public void SeedArticleRelatedImagesBelongToTheAolItemOnly()
    {
        var related = Seed().Related;

        Assert.Empty(related[0].Images);
        Assert.Empty(related[2].Images);
        var image = Assert.Single(related[1].Images);
        Assert.StartsWith("https://s.yimg.com/ny/api/res/1.2/ickVVIdX3.6zjSdu_qLbjw--/", image.Url, StringComparison.Ordinal);
        Assert.Equal(1200, image.Width);
        Assert.Equal(675, image.Height);
        Assert.True(image.IsCached);
    }

    [Fact]
    public void ByteOrderMarkAndCrlfLineEndsReadLikeThePlainFile()
    {
        var plain = File.ReadAllText(SeedPath);
        var windows = "\uFEFF" + plain.Replace("\n", "\r\n", StringComparison.Ordinal);

        var result = Parse(windows);

        Assert.Null(result.Error);
        Assert.Equal(JsonSerializer.Serialize(Seed()), JsonSerializer.Serialize(result.Document));
    }

    [Fact]
    public void CrlfFileReportsLinesLikeTheLfFile()
    {
        var error = Reject("\uFEFF---\r\ntitle: x\r\nquality: high\r\n---\r\n");

        Assert.Equal(("quality: expected an integer, got 'high'", 3, 10), (error.Reason, error.Line, error.Column));
    }

    [Fact]
    public void MarkersMayHaveTrailingSpacesAndTheBodyIsIgnored()
    {
        var result = Parse("--- \t\ntitle: x\n---  \n---\nnot: [yaml\n");

        Assert.Equal("x", result.Document?.Title);
    }

    [Fact]
    public void WrongTypeForQualityIsRejectedWithItsLineAndColumn()
    {
        var error = Reject("---\ntitle: Hello\nexcerpt: fine\nquality: high\n---\n");

        Assert.Equal("quality: expected an integer, got 'high'", error.Reason);
        Assert.Equal(4, error.Line);
        Assert.Equal(10, error.Column);
    }

    [Theory]
    [InlineData("high")]
    [InlineData("4.5")]
    [InlineData("0x1F")]
    [InlineData("1e3")]
    [InlineData("yes")]
    [InlineData("1_000")]
    [InlineData("\" 42\"")]
    [InlineData("\"\"")]
    [InlineData("\"null\"")]
    public void NonDecimalIntegerTextIsAWrongType(string value)
    {
        var error = Reject($"---\ntitle: x\nquality: {value}\n---\n");

        Assert.StartsWith("quality: expected an integer, got '", error.Reason, StringComparison.Ordinal);
        Assert.Equal((3, 10), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("\"42\"", 42)]
    [InlineData("'42'", 42)]
    [InlineData("+42", 42)]
    [InlineData("-1", -1)]
    [InlineData("007", 7)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("-2147483648", int.MinValue)]
    [InlineData("!!str 42", 42)]
    public void QuotedOrSignedDecimalIntegerIsAcceptedForQuality(string value, int expected)
    {
        Assert.Equal(expected, Accept($"title: x\nquality: {value}\n").Quality);
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("99999999999999999999999")]
    public void IntegerOutsideThirtyTwoBitsIsAWrongType(string value)
    {
        var error = Reject($"---\ntitle: x\nheat: {value}\n---\n");

        Assert.Equal($"heat: '{value}' is outside the 32-bit integer range", error.Reason);
        Assert.Equal((3, 7), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("FALSE", false)]
    [InlineData("\"false\"", false)]
    [InlineData("'tRuE'", true)]
    public void BooleansAreTrueOrFalseInAnyCase(string value, bool expected)
    {
        Assert.Equal(expected, Accept($"title: x\npublished: {value}\n").Published);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("1")]
    [InlineData("n")]
    public void YamlOneOneBooleansAreWrongTypes(string value)
    {
        var error = Reject($"---\ntitle: x\npublished: {value}\n---\n");

        Assert.Equal($"published: expected true or false, got '{value}'", error.Reason);
        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("Null")]
    [InlineData("NULL")]
    [InlineData("")]
    [InlineData("!!null whatever")]
    public void NullFormsMeanAbsent(string value)
    {
        var document = Accept(
            $"title: x\nquality: {value}\npublished: {value}\nprovider: {value}\nimages: {value}\n"
            + $"related: {value}\ntopics: {value}\npublishedDateTime: {value}\nexcerpt: {value}\n");

        Assert.Null(document.Quality);
        Assert.True(document.Published);
        Assert.Null(document.Provider);
        Assert.Empty(document.Images);
        Assert.Empty(document.Related);
        Assert.Empty(document.Topics);
        Assert.Null(document.PublishedAtUtc);
        Assert.Null(document.Excerpt);
        Assert.Null(document.ExtraJson);
    }

    [Fact]
    public void QuotedNullIsAString()
    {
        Assert.Equal("null", Accept("title: x\nexcerpt: \"null\"\n").Excerpt);
    }

    [Fact]
    public void AnyScalarIsAcceptedAsAString()
    {
        var document = Accept("title: 2023\ntype: true\ncategory: 1.5\nexcerpt: |\n  two\n  lines\n");

        Assert.Equal("2023", document.Title);
        Assert.Equal("true", document.Type);
        Assert.Equal("1.5", document.Category);
        Assert.Equal("two\nlines\n", document.Excerpt);
    }

    [Fact]
    public void TitleIsKeptExactlyAsWritten()
    {
        Assert.Equal("  padded \u00e9\u2019  ", Accept("title: \"  padded \u00e9\u2019  \"\n").Title);
    }

    [Theory]
    [InlineData("title: {a: 1}\n", "title: expected a string, got a mapping")]
    [InlineData("title: [a]\n", "title: expected a string, got a list")]
    [InlineData("excerpt:\n  - a\n", "excerpt: expected a string, got a list")]
    public void CollectionWhereAStringIsExpectedIsRejected(string yaml, string reason)
    {
        var error = Reject("---\n" + yaml + "---\n");

        Assert.Equal(reason, error.Reason);
        Assert.NotNull(error.Line);
    }

    [Theory]
    [InlineData("excerpt: x\n")]
    [InlineData("title: ~\n")]
    [InlineData("title:\n")]
    [InlineData("title: \"  \"\n")]
    [InlineData("title: \"\\t\\n\"\n")]
    [InlineData("Title: Capitalised keys are other keys\n")]
    public void MissingOrBlankTitleIsRejected(string yaml)
    {
        Assert.Equal("missing title", Reject("---\n" + yaml + "---\n").Reason);
    }

    [Fact]
    public void BlankTitleIsReportedWhereItIsWritten()
    {
        var error = Reject("---\ntype: article\ntitle: '   '\n---\n");

        Assert.Equal(("missing title", 3, 8), (error.Reason, error.Line, error.Column));
    }

    [Theory]
    [InlineData("2023-08-22T21:22:00Z", "2023-08-22T21:22:00.0000000Z")]
    [InlineData("2023-08-22t21:22:00z", "2023-08-22T21:22:00.0000000Z")]
    [InlineData("2023-08-22T23:22:00+02:00", "2023-08-22T21:22:00.0000000Z")]
    [InlineData("2023-08-22T16:52:00-0430", "2023-08-22T21:22:00.0000000Z")]
    [InlineData("2023-08-23T00:22:00+03", "2023-08-22T21:22:00.0000000Z")]
    [InlineData("2023-08-22T21:22:00", "2023-08-22T21:22:00.0000000Z")]
    [InlineData("2023-08-22 21:22", "2023-08-22T21:22:00.0000000Z")]
    [InlineData("2023-08-22T21:22:00.1234567891Z", "2023-08-22T21:22:00.1234567Z")]
    [InlineData("2023-08-22T21:22:00,5+00:00", "2023-08-22T21:22:00.5000000Z")]
    [InlineData("2023-08-22", "2023-08-22T00:00:00.0000000Z")]
    [InlineData("\"2024-02-29T00:30:00+01:00\"", "2024-02-28T23:30:00.0000000Z")]
    public void IsoDateTimesBecomeTheExactUtcInstant(string value, string expectedRoundTrip)
    {
        var published = Accept($"title: x\npublishedDateTime: {value}\n").PublishedAtUtc!.Value;

        Assert.Equal(DateTimeKind.Utc, published.Kind);
        Assert.Equal(expectedRoundTrip, published.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("08/22/2023")]
    [InlineData("22.08.2023")]
    [InlineData("Aug 22, 2023")]
    [InlineData("2023-02-30")]
    [InlineData("2023-8-22")]
    [InlineData("2023-08-22T25:00:00Z")]
    [InlineData("2023-08-22T21:22:00 +02:00")]
    [InlineData("2023-08-22T21:22:00Zjunk")]
    [InlineData("2023-08-22  21:22:00")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("1692739320")]
    public void OtherDateTextIsRejected(string value)
    {
        var error = Reject($"---\ntitle: x\npublishedDateTime: {value}\n---\n");

        Assert.Equal($"publishedDateTime: expected an ISO 8601 date-time, got '{value}'", error.Reason);
        Assert.Equal((3, 20), (error.Line, error.Column));
    }

    [Fact]
    public void RelatedDateIsReadByTheSameRules()
    {
        var error = Reject("---\ntitle: x\nrelated:\n  - title: a\n    publishedDateTime: 2023-08-22\n  - publishedDateTime: yesterday\n---\n");

        Assert.Equal("related[1].publishedDateTime: expected an ISO 8601 date-time, got 'yesterday'", error.Reason);
        Assert.Equal((6, 24), (error.Line, error.Column));
    }

    [Fact]
    public void SingleStringTopicsIsAOneTopicList()
    {
        Assert.Equal(["AWS AI"], Accept("title: x\ntopics: AWS AI\n").Topics);
    }

    [Fact]
    public void EmptyNullAndBlankTopicsAreDroppedAndOrderIsKept()
    {
        Assert.Equal(["ML", "AI", "ml", "42"], Accept("title: x\ntopics: [ML, ~, '', '  ', AI, null, ml, 42, ]\n").Topics);
    }

    [Theory]
    [InlineData("topics: [a, {b: 1}]\n", "topics[1]: expected a string, got a mapping", 3, 13)]
    [InlineData("topics: {a: 1}\n", "topics: expected a list, got a mapping", 3, 9)]
    [InlineData("images: {url: x}\n", "images: expected a list, got a mapping", 3, 9)]
    [InlineData("images: photo.jpg\n", "images: expected a list, got 'photo.jpg'", 3, 9)]
    [InlineData("images:\n  - photo.jpg\n", "images[0]: expected a mapping, got 'photo.jpg'", 4, 5)]
    [InlineData("images:\n  - url: a\n  - url: b\n    width: wide\n", "images[1].width: expected an integer, got 'wide'", 6, 12)]
    [InlineData("images: [{isCached: yes}]\n", "images[0].isCached: expected true or false, got 'yes'", 3, 21)]
    [InlineData("provider: TechRepublic\n", "provider: expected a mapping, got 'TechRepublic'", 3, 11)]
    [InlineData("provider: [a]\n", "provider: expected a mapping, got a list", 3, 11)]
    [InlineData("provider:\n  name: [a]\n", "provider.name: expected a string, got a list", 4, 9)]
    [InlineData("provider:\n  images:\n    - width: 5.0\n", "provider.images[0].width: expected an integer, got '5.0'", 5, 14)]
    [InlineData("related: {title: a}\n", "related: expected a list, got a mapping", 3, 10)]
    [InlineData("related: [a]\n", "related[0]: expected a mapping, got 'a'", 3, 11)]
    [InlineData("related:\n  - quality: 1\n  - quality: high\n", "related[1].quality: expected an integer, got 'high'", 5, 14)]
    [InlineData("related:\n  - provider: AOL\n", "related[0].provider: expected a mapping, got 'AOL'", 4, 15)]
    [InlineData("related:\n  - images: [{height: x}]\n", "related[0].images[0].height: expected an integer, got 'x'", 4, 23)]
    public void WrongShapesAndTypesNameTheFieldPath(string yaml, string reason, int line, int column)
    {
        var error = Reject("---\ntitle: x\n" + yaml + "---\n");

        Assert.Equal((reason, line, column), (error.Reason, error.Line, error.Column));
    }

    [Fact]
    public void ImageKeysBeyondTheKnownOnesGoToExtra()
    {
        var image = Assert.Single(Accept("title: x\nimages:\n  - url: u\n    title: T\n    alt: Hi\n    sizes: [1, 2]\n    isCached: FALSE\n").Images);

        Assert.Equal(("u", "T", false), (image.Url, image.Title, image.IsCached));
        Assert.NotNull(image.Extra);
        Assert.Equal(["alt", "sizes"], image.Extra.Keys);
        Assert.Equal("Hi", image.Extra["alt"].GetString());
        Assert.Equal("[1,2]", image.Extra["sizes"].GetRawText());
    }

    [Fact]
    public void NullImageAndRelatedItemsAreSkipped()
    {
        var document = Accept("title: x\nimages:\n  -\n  - url: u\nrelated: [~, {title: r}]\n");

        Assert.Equal("u", Assert.Single(document.Images).Url);
        Assert.Equal("r", Assert.Single(document.Related).Title);
    }

    [Fact]
    public void ProviderAndRelatedKeysBeyondTheKnownOnesAreKeptAsJson()
    {
        var document = Accept("title: x\nprovider:\n  name: P\n  country: NZ\nrelated:\n  - title: r\n    score: 0.5\n    tags: [a]\n");

        Assert.Equal("""{"country":"NZ"}""", document.Provider!.ExtraJson);
        Assert.Equal("""{"score":0.5,"tags":["a"]}""", Assert.Single(document.Related).ExtraJson);
    }

    [Fact]
    public void OtherTopLevelKeysBecomeJsonValuesInFileOrder()
    {
        var document = Accept(
            "count: 42\nneg: -7\nbig: 12345678901234567890\nratio: 1.5\nsci: -2e3\nhalf: .5\nlead: +007\n"
            + "flag: TRUE\noff: false\nword: yes\nnothing: ~\nempty:\nquotedNumber: \"42\"\nquotedNull: \"null\"\n"
            + "title: x\ndate: 2023-08-22\ninf: .inf\nhex: 0x1F\ntagged: !!str 12\ncustom: !thing 12\n"
            + "nested: {a: [1, \"b\", {c: null}], \"d e\": caf\u00e9}\nlines: |\n  one\n  two\n");

        Assert.Equal(
            """{"count":42,"neg":-7,"big":12345678901234567890,"ratio":1.5,"sci":-2e3,"half":0.5,"lead":7,"flag":true,"off":false,"word":"yes","nothing":null,"empty":null,"quotedNumber":"42","quotedNull":"null","date":"2023-08-22","inf":".inf","hex":"0x1F","tagged":"12","custom":"12","nested":{"a":[1,"b",{"c":null}],"d e":"café"},"lines":"one\ntwo\n"}""",
            document.ExtraJson);
        using var parsed = JsonDocument.Parse(document.ExtraJson!);
        Assert.Equal(-2000, parsed.RootElement.GetProperty("sci").GetDouble());
    }

    [Fact]
    public void AnchorsAndAliasesWithinBudgetAreResolved()
    {
        var document = Accept("base: &b {x: 1, y: [2]}\ncopy: *b\ntitle: &t Same\nsubtitle: *t\n");

        Assert.Equal("Same", document.Title);
        Assert.Equal("""{"base":{"x":1,"y":[2]},"copy":{"x":1,"y":[2]},"subtitle":"Same"}""", document.ExtraJson);
    }

    [Fact]
    public void DuplicateTopLevelKeyIsRejectedAtTheSecondOccurrence()
    {
        var error = Reject("---\ntitle: a\nquality: 1\ntitle: b\n---\n");

        Assert.Equal(("duplicate key 'title'", 4, 1), (error.Reason, error.Line, error.Column));
    }

    [Theory]
    [InlineData("provider:\n  name: a\n  domain: b\n  name: c\n", "duplicate key 'name'", 6, 3)]
    [InlineData("related:\n  - title: a\n    images:\n      - url: u\n        url: v\n", "duplicate key 'url'", 7, 9)]
    [InlineData("extra: {a: 1, b: 2, a: 3}\n", "duplicate key 'a'", 3, 21)]
    [InlineData("extra: {1: x, \"1\": y}\n", "duplicate key '1'", 3, 15)]
    public void DuplicateNestedKeyIsRejected(string yaml, string reason, int line, int column)
    {
        var error = Reject("---\ntitle: x\n" + yaml + "---\n");

        Assert.Equal((reason, line, column), (error.Reason, error.Line, error.Column));
    }

    [Fact]
    public void SameKeyInDifferentMappingsIsFine()
    {
        Assert.Equal(2, Accept("title: x\nrelated:\n  - title: a\n  - title: b\n").Related.Count);
    }

    [Fact]
    public void AliasBombIsRejectedQuickly()
    {
        var yaml = new StringBuilder("---\ntitle: boom\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level < 9; level++)
        {
            yaml.Append($"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 9))}]\n");
        }

        yaml.Append("---\n");

        var clock = Stopwatch.StartNew();
        var error = Reject(yaml.ToString());
        clock.Stop();
        // The node budget holds even where the text budget does not stop it first.
        var nodesError = Reject(yaml.ToString(), new FrontMatterLimits { MaxAliasText = long.MaxValue });

        Assert.Equal("aliases repeat more than 100000 characters of text (alias bomb?)", error.Reason);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Quickly);
        Assert.Equal(("aliases expand to more than 100000 nodes (alias bomb?)", 8), (nodesError.Reason, nodesError.Line));
    }

    [Fact]
    public void AliasesRepeatingALongStringAreRejectedBeforeTheyCostMemory()
    {
        // 2,000 nodes, well within the node budget, but 40 million characters once each alias is copied into extra:
        // before the text budget, this file made 40 MB of JSON, and a 1 MB one allocated 1.3 GB.
        var file = "---\ntitle: x\nlong: &long \"" + new string('a', 20_000) + "\"\ncopies: ["
            + string.Join(", ", Enumerable.Repeat("*long", 2_000)) + "]\n---\n";
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var error = Reject(file);

        Assert.Equal(("aliases repeat more than 100000 characters of text (alias bomb?)", 4, 45), (error.Reason, error.Line, error.Column));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, 0, 16 << 20);
    }

    [Fact]
    public void AliasTextWithinItsBudgetIsKept()
    {
        var file = "---\ntitle: x\nname: &n abcde\nagain: [*n, *n]\n---\n";

        Assert.Equal("""{"name":"abcde","again":["abcde","abcde"]}""", Parse(file, new FrontMatterLimits { MaxAliasText = 10 }).Document?.ExtraJson);
        Assert.Equal("aliases repeat more than 9 characters of text (alias bomb?)", Reject(file, new FrontMatterLimits { MaxAliasText = 9 }).Reason);
    }

    [Fact]
    public void TooManyNodesWithoutAliasesIsRejectedWithAPlainReason()
    {
        var error = Reject("---\ntitle: x\nlist: [1, 2, 3, 4, 5]\n---\n", new FrontMatterLimits { MaxNodes = 6 });

        Assert.Equal(("front matter has more than 6 nodes", 3, 11), (error.Reason, error.Line, error.Column));
    }

    [Fact]
    public void TenThousandNestedFlowSequencesAreRejectedQuickly()
    {
        var file = "---\ntitle: x\ndeep: " + new string('[', 10_000) + new string(']', 10_000) + "\n---\n";

        var clock = Stopwatch.StartNew();
        var error = Reject(file);
        clock.Stop();

        // The root mapping is level 1, so the 32nd '[' (column 6 + 32) is level 33.
        Assert.Equal(("nesting deeper than 32 levels", 3, 38), (error.Reason, error.Line, error.Column));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Quickly);
    }

    [Fact]
    public void TenThousandNestedFlowMappingsAreRejectedQuickly()
    {
        var file = "---\n" + string.Concat(Enumerable.Repeat("a: {", 10_000)) + "b: 1" + new string('}', 10_000) + "\n---\n";

        var clock = Stopwatch.StartNew();
        var error = Reject(file);
        clock.Stop();

        Assert.Equal(("nesting deeper than 32 levels", 2, 32 * 4), (error.Reason, error.Line, error.Column));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Quickly);
    }

    [Fact]
    public void TenThousandNestedBlockSequencesAreRejectedQuickly()
    {
        var file = "---\ntitle: x\ndeep:\n" + string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n---\n";

        var clock = Stopwatch.StartNew();
        var error = Reject(file);
        clock.Stop();

        Assert.Equal(("nesting deeper than 32 levels", 4, 1 + (31 * 2)), (error.Reason, error.Line, error.Column));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Quickly);
    }

    static byte[] NestedBlockMappings(int levels)
    {
        var yaml = new StringBuilder("---\n");
        for (var level = 0; level < levels; level++)
        {
            yaml.Append(' ', level).Append("a:\n");
        }

        return Encoding.UTF8.GetBytes(yaml.Append("---\n").ToString());
    }

    [Fact]
    public void BlockMappingsNestedAsDeepAsTheSizeLimitAllowsAreRejectedQuickly()
    {
        // Each level needs one more column of indentation, so 3,000 levels (4.5 MB) is about the deepest under 5 MiB.
        var file = NestedBlockMappings(3_000);

        var clock = Stopwatch.StartNew();
        var result = FrontMatterParser.Parse(file);
        clock.Stop();

        Assert.Equal(new FrontMatterError("nesting deeper than 32 levels", 34, 33), result.Error);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Quickly);
    }

    [Fact]
    public void TenThousandNestedBlockMappingsAreRejectedWithoutOverflow()
    {
        // 10,000 levels are a 50 MB file: the size limit must be raised, and decoding it is most of the time spent.
        var file = NestedBlockMappings(10_000);

        var clock = Stopwatch.StartNew();
        var result = FrontMatterParser.Parse(file, new FrontMatterLimits { MaxFileBytes = long.MaxValue });
        clock.Stop();

        Assert.Equal(new FrontMatterError("nesting deeper than 32 levels", 34, 33), result.Error);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, 5 * Quickly);
    }

    [Fact]
    public void AliasOfADeepAnchorCountsTowardsDepth()
    {
        var deep = new string('[', 20) + new string(']', 20);
        var error = Reject($"---\ntitle: x\na: &deep {deep}\nb: [[[[[[[[[[[[*deep]]]]]]]]]]]]\n---\n");

        Assert.Equal(("nesting deeper than 32 levels", 4, 16), (error.Reason, error.Line, error.Column));
    }

    [Fact]
    public void DeepButLegalExtraValueIsKept()
    {
        var value = new string('[', 31) + "1" + new string(']', 31);

        var document = Accept($"title: x\ndeep: {value}\n");

        Assert.Equal($"{{\"deep\":{value}}}", document.ExtraJson);
        using var parsed = JsonDocument.Parse(document.ExtraJson!);
        Assert.Equal(JsonValueKind.Array, parsed.RootElement.GetProperty("deep").ValueKind);
    }

    [Fact]
    public void OneLevelPastTheLimitIsRejected()
    {
        var value = new string('[', 32) + "1" + new string(']', 32);

        Assert.Equal("nesting deeper than 32 levels", Reject($"---\ntitle: x\ndeep: {value}\n---\n").Reason);
    }

    [Fact]
    public void InvalidYamlReportsYamlDotNetsMessageAtTheFileLine()
    {
        var error = Reject("---\ntitle: x\nexcerpt: a: b\n---\n");

        Assert.Equal("invalid YAML: While scanning a plain scalar value, found invalid mapping.", error.Reason);
        Assert.Equal(3, error.Line);
        Assert.NotNull(error.Column);
    }

    // YamlDotNet reported these at the start of the mapping (line 2, column 1) or of the scalar on the line before.
    [Theory]
    [InlineData("title: Tab title\ncategory: x\nexcerpt: y\nprovider:\n\tname: X\n", 6, 1)]
    [InlineData("title: x\nprovider:\n  name: X\n \tdomain: y\n", 5, 2)]
    [InlineData("title: x\r\nprovider:\r\n\t name: X\r\n", 4, 1)]
    [InlineData("title: x\nimages:\n  - url: a\n    height: 2\n\twidth: 3\n", 6, 1)]
    [InlineData("title: x\nimages:\n  - url: a\n  \theight: 2\n", 5, 3)]
    public void TabUsedAsIndentationIsReportedAtTheTab(string yaml, int line, int column)
    {
        var error = Reject("---\n" + yaml + "---\n");

        Assert.Equal(("invalid YAML: a tab is used as indentation; indent with spaces", line, column), (error.Reason, error.Line, error.Column));
    }

    // YamlDotNet threw an InvalidOperationException here, which read "YamlDotNet failed to read it".
    [Theory]
    [InlineData("title: x\ntopics: [AI, Cloud\nquality: 1\n", "'['", 4, 3, 9)]
    [InlineData("title: x\ntopics: [Cloud\nquality: 1\n", "'['", 4, 3, 9)]
    [InlineData("title: x\nz: [a, [b, c]\nquality: 1\n", "'['", 4, 3, 4)]
    [InlineData("title: x\nprovider:\n  topics: [a, b\n  name: x\n", "'['", 5, 4, 11)]
    [InlineData("title: x\nprovider: {name: X, domain: y\nquality: 1\nexcerpt: z\n", "'{'", 4, 3, 11)]
    [InlineData("title: x\nimages:\n  - {url: a\n  - {url: b}\n", "'{'", 5, 4, 5)]
    public void UnclosedFlowCollectionFollowedByMoreKeysNamesItsOpeningBracket(string yaml, string bracket, int nextLine, int line, int column)
    {
        var error = Reject("---\n" + yaml + "---\n");

        Assert.Equal(($"invalid YAML: {bracket} is not closed before line {nextLine}, which is not indented enough to continue it", line, column),
            (error.Reason, error.Line, error.Column));
    }

    [Theory]
    [InlineData("title: \"unterminated\n")]
    [InlineData("title: [a, b\n")]
    [InlineData("title: x\n\tquality: 1\n")]
    [InlineData("title: \"\\uDC00\\uD800\"\n")]
    [InlineData("title: \"\\q\"\n")]
    [InlineData("title: x\n  y: z\n")]
    [InlineData("title: x\n%YAML 1.2\n")]
    [InlineData(": [\ni\n")]
    [InlineData(":\n{\nr\n")]
    public void MalformedYamlIsInvalidYaml(string yaml)
    {
        Assert.StartsWith("invalid YAML: ", Reject("---\n" + yaml + "---\n").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAliasIsRejected()
    {
        var error = Reject("---\ntitle: x\nother: *nowhere\n---\n");

        Assert.Equal(("unknown alias '*nowhere'", 3, 8), (error.Reason, error.Line, error.Column));
    }

    [Fact]
    public void UnknownAliasWithAControlCharacterIsNamedWithTheCharacterEscaped()
    {
        // Found by the mutation property: YamlDotNet takes a backspace into an alias name, and the reason printed it raw.
        var error = Reject("---\ntitle: x\nother: *a\b1\n---\n");

        Assert.Equal(("unknown alias '*a\\u00081'", 3, 8), (error.Reason, error.Line, error.Column));
    }

    [Fact]
    public void ComplexMappingKeyIsRejected()
    {
        var error = Reject("---\ntitle: x\n? [a, b]\n: c\n---\n");

        Assert.Equal(("a mapping key must be a scalar, not a list", 3, 3), (error.Reason, error.Line, error.Column));
    }

    [Fact]
    public void SecondYamlDocumentIsRejected()
    {
        var error = Reject("---\ntitle: x\n...\ntitle: y\n---\n");

        Assert.Equal(("front matter holds more than one YAML document", 4, 1), (error.Reason, error.Line, error.Column));
    }

    [Theory]
    [InlineData("- a\n- b\n", 2, 1)]
    [InlineData("just text\n", 2, 1)]
    [InlineData("\n\n  [1]\n", 4, 3)]
    public void RootThatIsNotAMappingIsRejected(string yaml, int line, int column)
    {
        var error = Reject("---\n" + yaml + "---\n");

        Assert.Equal(("front matter is not a mapping", line, column), (error.Reason, error.Line, error.Column));
    }

    [Theory]
    [InlineData("---\n---\n")]
    [InlineData("---\n# only a comment\n\n---\n")]
    [InlineData("---\n~\n---\n")]
    public void EmptyFrontMatterHasNoTitle(string file)
    {
        Assert.Equal("missing title", Reject(file).Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("title: x\n")]
    [InlineData("\n---\ntitle: x\n---\n")]
    [InlineData(" ---\ntitle: x\n---\n")]
    [InlineData("----\ntitle: x\n---\n")]
    [InlineData("--- title: x\n---\n")]
    [InlineData("\uFEFF\uFEFF---\ntitle: x\n---\n")]
    public void FileThatDoesNotStartWithAMarkerLineHasNoFrontMatter(string file)
    {
        var error = Reject(file);

        Assert.Equal(("no front matter: the file does not start with a '---' line", 1, 1), (error.Reason, error.Line, error.Column));
    }

    [Theory]
    [InlineData("---")]
    [InlineData("---\n")]
    [InlineData("---\ntitle: x\n")]
    [InlineData("---\ntitle: x\n----\n")]
    [InlineData("---\ntitle: x\n --- \n")]
    [InlineData("\uFEFF---\r\ntitle: x\r\n")]
    public void FileWithoutAClosingMarkerIsUnterminated(string file)
    {
        var error = Reject(file);

        Assert.Equal(("unterminated front matter: no closing '---' line", 1, 1), (error.Reason, error.Line, error.Column));
    }

    [Fact]
    public void ClosingMarkerAtTheEndOfTheFileNeedsNoNewline()
    {
        Assert.Equal("x", Parse("---\ntitle: x\n---").Document?.Title);
    }

    [Fact]
    public void InvalidUtf8IsRejectedWithTheLineOfTheBadByte()
    {
        byte[] file = [.. "---\ntitle: caf"u8, 0xC3, 0x28, .. ")\n---\n"u8];

        var result = FrontMatterParser.Parse(file);

        Assert.Null(result.Document);
        Assert.Equal(new FrontMatterError("invalid UTF-8: byte 0xC3 at offset 14 does not decode", 2, 11), result.Error);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0x2D, 0x2D, 0x2D, 0x0A, 0xED, 0xA0, 0x80, 0x0A })]
    [InlineData(new byte[] { 0x2D, 0x2D, 0x2D, 0x0A, 0x61, 0xF0, 0x9F, 0x98 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0xC0, 0xAF })]
    public void MalformedUtf8SequencesAreRejected(byte[] file)
    {
        var result = FrontMatterParser.Parse(file);

        Assert.StartsWith("invalid UTF-8", result.Error?.Reason, StringComparison.Ordinal);
        Assert.Null(result.Document);
    }

    [Fact]
    public void FileOverTheSizeLimitIsRejected()
    {
        var error = Reject("---\ntitle: x\n---\n", new FrontMatterLimits { MaxFileBytes = 16 });

        Assert.Equal(new FrontMatterError("file is 17 bytes, over the limit of 16"), error);
    }

    [Fact]
    public void FileAtTheSizeLimitIsAccepted()
    {
        Assert.Equal("x", Parse("---\ntitle: x\n---\n", new FrontMatterLimits { MaxFileBytes = 17 }).Document?.Title);
    }

    [Fact]
    public void ParseNeverThrowsOnMutatedFiles()
    {
        var seed = File.ReadAllBytes(SeedPath);
        byte[] alphabet = [.. "-:[]{}&*!|>'\"#%@`,?~\\\n\r\t 0aZ"u8, 0xC3, 0xE2, 0x80, 0x99, 0xFF];
        // With this seed, rounds 250 and 1027 make YamlDotNet throw exceptions other than YamlException.
        var random = new Random(20230822);

        for (var round = 0; round < 1500; round++)
        {
            var file = seed.ToList();
            for (var edits = random.Next(1, 6); edits > 0; edits--)
            {
                var at = random.Next(file.Count);
                switch (random.Next(3))
                {
                    case 0: file[at] = alphabet[random.Next(alphabet.Length)]; break;
                    case 1: file.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: file.RemoveRange(at, Math.Min(random.Next(1, 40), file.Count - at)); break;
                }
            }

            var result = FrontMatterParser.Parse(file.ToArray());

            Assert.True(result.Document is null != result.Error is null);
        }
    }

    public static TheoryData<string> PowerAppsNewsFiles() =>
        [.. Directory.EnumerateFiles(CorpusPaths.PowerAppsNews, "*.md").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    [Fact]
    public void PowerAppsNewsCorpusHas674Files()
    {
        Assert.Equal(674, PowerAppsNewsFiles().Count);
    }

    [Theory]
    [MemberData(nameof(PowerAppsNewsFiles))]
    public void EveryPowerAppsNewsFileIsAccepted(string fileName)
    {
        var result = FrontMatterParser.Parse(File.ReadAllBytes(Path.Combine(CorpusPaths.PowerAppsNews, fileName)));

        Assert.Null(result.Error);
        Assert.False(string.IsNullOrWhiteSpace(result.Document!.Title));
        Assert.NotNull(result.Document.Provider?.Domain);
        Assert.NotNull(result.Document.PublishedAtUtc);
        Assert.NotNull(result.Document.Quality);
        Assert.NotEmpty(result.Document.Topics);
    }
}
