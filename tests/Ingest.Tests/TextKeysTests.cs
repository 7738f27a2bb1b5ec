using CsCheck;
using NewsApi.Domain.Text;
using NewsApi.Tests.Shared;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// Words, slugs and search text: the keys the ingest stores and the API matches against, so both
/// sides must cut the same words from any text, in any script.
/// </summary>
public sealed class TextKeysTests
{
    [Theory]
    [InlineData("AWS AI", "aws-ai")]
    [InlineData("C#", "c")]
    [InlineData("  .NET 10 — Preview!  ", "net-10-preview")]
    [InlineData("Ünïcödé Straße", "ünïcödé-straße")]
    [InlineData("ΣΊΣΥΦΟΣ", "σίσυφοσ")]
    [InlineData("हिन्दी समाचार", "हिन्दी-समाचार")]
    [InlineData("ภาษาไทย", "ภาษาไทย")]
    [InlineData("\u0301accent first", "accent-first")]
    [InlineData("𝐀𝐁 rocket🚀launch", "𝐀𝐁-rocket-launch")]
    [InlineData("!!!", "")]
    [InlineData("", "")]
    public void Slug_joins_the_lower_cased_words_with_dashes(string text, string slug) =>
        Assert.Equal(slug, TextKeys.Slug(text));

    [Fact]
    public void Search_text_puts_a_space_before_every_word_of_every_text()
    {
        Assert.Equal(" new gpu launches 2026 edition", TextKeys.SearchText("New GPU launches", null, "2026-edition"));
        Assert.Equal("", TextKeys.SearchText(null, "—", ""));
    }

    [Fact]
    public void Every_key_agrees_with_a_rune_by_rune_reading_of_random_text()
    {
        // Letters of several scripts, combining marks, digits, separators, astral letters and
        // symbols, and a lone surrogate (read as U+FFFD, which is no letter).
        string[] pieces = ["a", "Z", "é", "ß", "Σ", "ς", "İ", "ж", "क", "ि", "्", "\u0301", "ไ", "ั", "7", "٣",
            " ", "-", "_", ".", "#", "—", "\t", "𝐀", "🚀", "\uD800", "ǅ", "ﬃ"];
        var texts = Gen.Int[0, pieces.Length - 1].Array[0, 24].Select(picks => string.Concat(picks.Select(i => pieces[i])));
        texts.Sample(text =>
        {
            var words = ReferenceWords.Of(text);
            Assert.Equal(words, TextKeys.Words(text));
            Assert.Equal(string.Join('-', words), TextKeys.Slug(text));
            Assert.Equal(string.Concat(words.Select(w => " " + w)), TextKeys.SearchText(text));
        }, iter: 5_000);
    }
}
