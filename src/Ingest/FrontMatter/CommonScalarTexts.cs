using System.Collections.Frozen;

namespace NewsApi.Ingest.FrontMatter;

/// <summary>
/// Plain texts that nearly every file repeats (SPEC's keys, booleans, types): the fast path shares one string for
/// each instead of allocating it per node, which is most of the keys of a typical file.
/// </summary>
internal static class CommonScalarTexts
{
    const int LongestText = 17;

    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Texts = new[]
    {
        "category", "title", "excerpt", "publishedDateTime", "originalUrl", "webUrl", "ampWebUrl", "cdnAmpWebUrl",
        "type", "quality", "heat", "published", "featuredContent", "provider", "topics", "images", "related",
        "secured", "name", "domain", "url", "width", "height", "isCached", "tags", "true", "false", "article",
        "video", "news",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Of(ReadOnlySpan<char> text) =>
        text.Length <= LongestText && Texts.TryGetValue(text, out var shared) ? shared : text.ToString();
}
