using System.Globalization;
using CsCheck;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// Front matter as the property tests generate it: SPEC section 1's fields with values a file may
/// hold. <see cref="GeneratedArticleYaml"/> writes it as YAML, <see cref="ExpectedDocument"/> says
/// what the parser must read back. Null means the field is absent (left out or written as null).
/// </summary>
sealed record GeneratedArticle(
    string Title, string? Category, string? Excerpt, GeneratedInstant? Published,
    string? OriginalUrl, string? WebUrl, string? AmpWebUrl, string? CdnAmpWebUrl, string? Type,
    int? Quality, int? Heat, bool? IsPublished, string? FeaturedContent, GeneratedProvider? Provider,
    IReadOnlyList<string> Topics, IReadOnlyList<GeneratedImage> Images, IReadOnlyList<GeneratedRelated> Related,
    string? Secured, IReadOnlyList<ExtraEntry> Extra);

sealed record GeneratedProvider(string? Name, string? Domain, IReadOnlyList<GeneratedImage> Images, IReadOnlyList<ExtraEntry> Extra);

sealed record GeneratedImage(string? Url, int? Width, int? Height, bool? IsCached, string? Title, IReadOnlyList<ExtraEntry> Extra);

sealed record GeneratedRelated(
    string? Title, string? Excerpt, GeneratedInstant? Published, string? WebUrl, string? Type,
    GeneratedProvider? Provider, int? Quality, IReadOnlyList<GeneratedImage> Images, IReadOnlyList<ExtraEntry> Extra);

/// <summary>A date-time as written in the file (<see cref="Text"/>) and the UTC instant it denotes.</summary>
sealed record GeneratedInstant(string Text, DateTime Utc);

/// <summary>A key the parser does not know, kept under <c>extra</c> as JSON.</summary>
sealed record ExtraEntry(string Key, ExtraValue Value);

abstract record ExtraValue;

sealed record ExtraText(string Value) : ExtraValue;

/// <summary>A number as its JSON text; YAML writes it plain, with the same text.</summary>
sealed record ExtraNumber(string Json) : ExtraValue;

sealed record ExtraBool(bool Value) : ExtraValue;

sealed record ExtraNull : ExtraValue;

sealed record ExtraList(IReadOnlyList<ExtraValue> Items) : ExtraValue;

sealed record ExtraMap(IReadOnlyList<ExtraEntry> Entries) : ExtraValue;

static class GeneratedArticles
{
    public static readonly IReadOnlySet<string> TopLevelKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "category", "title", "excerpt", "publishedDateTime", "originalUrl", "webUrl", "ampWebUrl", "cdnAmpWebUrl", "type",
        "quality", "heat", "published", "featuredContent", "provider", "topics", "images", "related", "secured",
    };

    public static readonly IReadOnlySet<string> ProviderKeys = new HashSet<string>(StringComparer.Ordinal) { "name", "domain", "images" };

    public static readonly IReadOnlySet<string> ImageKeys = new HashSet<string>(StringComparer.Ordinal) { "url", "width", "height", "isCached", "title" };

    public static readonly IReadOnlySet<string> RelatedKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "title", "excerpt", "publishedDateTime", "webUrl", "type", "provider", "quality", "images",
    };

    /// <summary>
    /// Pieces of text that YAML writers and readers trip over: indicators, quotes, escapes, comment
    /// and key markers, control characters, line breaks, and text outside ASCII and outside the BMP.
    /// </summary>
    static readonly string[] Pieces =
    [
        "a", "Z", "news", "AI", "Power Apps", "0", "42", "-7", "1.5e3", " ", "  ", "\t", "\n", "\r\n", "\r",
        ":", ": ", " #", "#", "-", "- ", "---", "...", "?", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "%", "@", "`",
        "'", "''", "\"", "\\", "\\n", "~", "null", "true", "No", "0x1F", "<iframe src=\"x\"></iframe>", "https://example.com/a?b=c#d",
        "é", "e\u0301", "ß", "İ", "Ωμέγα", "Привет", "漢字", "עברית", "العربية", "हिन्दी", "\u00A0", "\u200B", "\u200D",
        "😀", "👩‍💻", "🇺🇦", "\U0001D11E", "\uFFFD", "\u0000", "\u0001", "\u001B", "\u007F", "\u0085", "\u2028", "\u2029", "\uFEFF",
    ];

    public static readonly Gen<string> Text = Gen.OneOf(Pieces.Select(Gen.Const).ToArray()).Array[0, 8].Select(string.Concat);

    static readonly Gen<string> NonBlankText = Gen.Select(Text, Gen.OneOf(Pieces.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Gen.Const).ToArray()), Text)
        .Select((before, middle, after) => before + middle + after);

    static readonly Gen<string?> OptionalText = Gen.Frequency((1, Gen.Const((string?)null)), (3, Text.Select(t => (string?)t)));

    static readonly Gen<int> Integer = Gen.Frequency((3, Gen.Int[-1000, 1000]), (1, Gen.Int));

    static readonly Gen<int?> OptionalInteger = Gen.Frequency((1, Gen.Const((int?)null)), (3, Integer.Select(i => (int?)i)));

    static readonly Gen<bool?> OptionalBool = Gen.OneOf(Gen.Const((bool?)null), Gen.Const((bool?)true), Gen.Const((bool?)false));

    /// <summary>A date-time in one of the forms SPEC accepts, with the instant it must read as.</summary>
    public static readonly Gen<GeneratedInstant> Instant =
        Gen.Select(Gen.Long[new DateTime(1900, 1, 1).Ticks, new DateTime(2100, 1, 1).Ticks], Gen.Int[0, 7], Gen.Int[-23 * 60 - 59, 23 * 60 + 59], Gen.Int[0, 7])
            .Select((ticks, form, offsetMinutes, digits) => MakeInstant(new DateTime(ticks, DateTimeKind.Utc), form, offsetMinutes, digits));

    static readonly Gen<GeneratedInstant?> OptionalInstant = Gen.Frequency((1, Gen.Const((GeneratedInstant?)null)), (3, Instant.Select(i => (GeneratedInstant?)i)));

    /// <summary>Keys the parser does not know: case variants of known keys, odd characters, any script.</summary>
    static readonly Gen<string> ExtraKey = Gen.Frequency(
        (3, Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"].Array[1, 12].Select(c => new string(c))),
        (1, Gen.OneOf(Gen.Const("Title"), Gen.Const("TOPICS"), Gen.Const("Published"), Gen.Const("provider_name"), Gen.Const("ключ"), Gen.Const("キー"), Gen.Const("key with spaces"), Gen.Const("a:b"), Gen.Const("#hash"), Gen.Const("'q'"), Gen.Const("emoji😀"))),
        (1, NonBlankText));

    static readonly Gen<ExtraValue> ExtraScalar = Gen.Frequency(
        (4, Text.Select(t => (ExtraValue)new ExtraText(t))),
        (2, Integer.Select(i => (ExtraValue)new ExtraNumber(i.ToString(CultureInfo.InvariantCulture)))),
        (1, Gen.OneOf(Gen.Const("0.5"), Gen.Const("-12.25"), Gen.Const("3e8"), Gen.Const("1.5E-3")).Select(n => (ExtraValue)new ExtraNumber(n))),
        (1, Gen.Bool.Select(b => (ExtraValue)new ExtraBool(b))),
        (1, Gen.Const(() => (ExtraValue)new ExtraNull())));

    static readonly Gen<ExtraValue> ExtraTree = Gen.Recursive<ExtraValue>((depth, tree) => depth >= 3
        ? ExtraScalar
        : Gen.Frequency(
            (6, ExtraScalar),
            (1, tree.Array[0, 4].Select(items => (ExtraValue)new ExtraList(items))),
            (1, Entries(tree, 0, 4, _ => false).Select(entries => (ExtraValue)new ExtraMap(entries)))));

    static Gen<IReadOnlyList<ExtraEntry>> Entries(Gen<ExtraValue> values, int min, int max, Func<string, bool> reserved) =>
        Gen.Select(ExtraKey, values).Array[min, max].Select(pairs => (IReadOnlyList<ExtraEntry>)pairs
            .Where(p => !reserved(p.Item1))
            .DistinctBy(p => p.Item1, StringComparer.Ordinal)
            .Select(p => new ExtraEntry(p.Item1, p.Item2))
            .ToList());

    static Gen<IReadOnlyList<ExtraEntry>> ExtraEntries(IReadOnlySet<string> known, int max) =>
        Gen.Frequency((2, Gen.Const((IReadOnlyList<ExtraEntry>)[])), (1, Entries(ExtraTree, 1, max, known.Contains)));

    /// <summary>Sometimes a second key holds the very same value: the writer makes it an alias of the first.</summary>
    static readonly Gen<IReadOnlyList<ExtraEntry>> TopLevelExtra =
        Gen.Select(ExtraEntries(TopLevelKeys, 5), Gen.Int[0, 3], ExtraKey).Select((entries, pick, key) =>
            pick < entries.Count && !TopLevelKeys.Contains(key) && !entries.Any(e => e.Key == key)
                ? (IReadOnlyList<ExtraEntry>)[.. entries, new ExtraEntry(key, entries[pick].Value)]
                : entries);

    static readonly Gen<GeneratedImage> Image =
        Gen.Select(OptionalText, OptionalInteger, OptionalInteger, OptionalBool, OptionalText, ExtraEntries(ImageKeys, 2))
            .Select((url, width, height, cached, title, extra) => new GeneratedImage(url, width, height, cached, title, extra));

    static readonly Gen<IReadOnlyList<GeneratedImage>> Images = Image.Array[0, 3].Select(a => (IReadOnlyList<GeneratedImage>)a);

    static readonly Gen<GeneratedProvider?> Provider = Gen.Frequency(
        (1, Gen.Const((GeneratedProvider?)null)),
        (4, Gen.Select(OptionalText, OptionalText, Images, ExtraEntries(ProviderKeys, 2))
            .Select((name, domain, images, extra) => (GeneratedProvider?)new GeneratedProvider(name, domain, images, extra))));

    static readonly Gen<GeneratedRelated> Related =
        Gen.Select(Gen.Select(OptionalText, OptionalText, OptionalInstant, OptionalText, OptionalText), Provider, OptionalInteger, Images, ExtraEntries(RelatedKeys, 2))
            .Select((texts, provider, quality, images, extra) =>
                new GeneratedRelated(texts.Item1, texts.Item2, texts.Item3, texts.Item4, texts.Item5, provider, quality, images, extra));

    public static readonly Gen<GeneratedArticle> Article =
        Gen.Select(
            Gen.Select(NonBlankText, OptionalText, OptionalText, OptionalInstant, OptionalText, OptionalText, OptionalText, OptionalText),
            Gen.Select(OptionalText, OptionalInteger, OptionalInteger, OptionalBool, OptionalText, Provider, NonBlankText.Array[0, 4]),
            Gen.Select(Images, Related.Array[0, 3], OptionalText, TopLevelExtra))
        .Select((a, b, c) => new GeneratedArticle(
            a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, a.Item6, a.Item7, a.Item8,
            b.Item1, b.Item2, b.Item3, b.Item4, b.Item5, b.Item6, b.Item7,
            c.Item1, c.Item2, c.Item3, c.Item4));

    /// <summary>
    /// Writes <paramref name="utc"/> in one of SPEC's forms: Z, an offset (±HH:mm, ±HHmm, ±HH), no
    /// offset (UTC), a space for the T, lower case, a date alone, 0 to 7 fraction digits and more
    /// digits than a tick holds (the parser truncates them).
    /// </summary>
    static GeneratedInstant MakeInstant(DateTime utc, int form, int offsetMinutes, int digits)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (form == 0)
        {
            return new GeneratedInstant(utc.ToString("yyyy-MM-dd", invariant), utc.Date);
        }

        var kept = utc.AddTicks(-(utc.Ticks % (long)Math.Pow(10, 7 - digits)));
        var offset = form switch
        {
            3 or 4 or 6 => TimeSpan.FromMinutes(offsetMinutes),
            5 => TimeSpan.FromHours(offsetMinutes / 60),
            _ => TimeSpan.Zero,
        };
        var local = kept + offset;
        var fraction = digits == 0 ? "" : "." + local.ToString("fffffff", invariant)[..digits];
        var time = local.ToString("yyyy-MM-dd'T'HH:mm:ss", invariant) + fraction;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var text = form switch
        {
            1 => time + "Z",
            2 => time,
            3 => time + sign + offset.Duration().ToString(@"hh\:mm", invariant),
            4 => time + sign + offset.Duration().ToString("hhmm", invariant),
            5 => time + sign + offset.Duration().ToString("hh", invariant),
            6 => time.Replace('T', ' ') + (offset == TimeSpan.Zero ? "z" : sign + offset.Duration().ToString(@"hh\:mm", invariant)),
            _ => time.Replace('T', 't') + (digits == 7 ? "99" : "") + "Z",
        };
        return new GeneratedInstant(text, kept);
    }
}
