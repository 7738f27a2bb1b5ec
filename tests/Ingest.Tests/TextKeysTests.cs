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

    [Theory]
    [InlineData("Caf\u00e9", "Cafe\u0301")]
    [InlineData("\u00c5ngstr\u00f6m", "\u212bngstro\u0308m")]
    [InlineData("\u1ec6 vi\u1ec7t", "E\u0323\u0302 vie\u0323\u0302t")]
    [InlineData("\ud55c\uad6d", "\u1112\u1161\u11ab\u1100\u116e\u11a8")]
    public void Canonically_equivalent_texts_give_the_same_keys(string composed, string decomposed)
    {
        Assert.NotEqual(composed, decomposed);

        Assert.Equal(TextKeys.Slug(composed), TextKeys.Slug(decomposed));
        Assert.Equal(TextKeys.Words(composed), TextKeys.Words(decomposed));
        Assert.Equal(TextKeys.SearchText(composed), TextKeys.SearchText(decomposed));
        Assert.Equal(TextKeys.Fold(composed), TextKeys.Fold(decomposed));
        Assert.Equal(composed.ToLowerInvariant(), TextKeys.Fold(decomposed));
    }

    [Fact]
    public void Decomposed_text_is_keyed_by_its_composed_letters()
    {
        Assert.Equal("café", TextKeys.Slug("Cafe\u0301"));
        Assert.Equal(["café", "noël"], TextKeys.Words("CAFE\u0301 noe\u0308l"));
        Assert.Equal(" café", TextKeys.SearchText("Cafe\u0301"));
    }

    [Fact]
    public void Text_with_a_lone_surrogate_is_keyed_as_written()
    {
        Assert.Equal("a-b", TextKeys.Slug("A\ud800B"));
        Assert.Equal(["a", "b"], TextKeys.Words("a\udc00b"));
        Assert.Equal(" a b", TextKeys.SearchText("A\ud800", "B"));
        Assert.Equal("ab\ud800", TextKeys.Fold("AB\ud800"));
    }

    [Fact]
    public void Every_key_agrees_with_a_rune_by_rune_reading_of_random_text()
    {
        // Letters of several scripts, combining marks (some composing with the letter before them),
        // digits, separators, astral letters and symbols, and a lone surrogate (read as U+FFFD,
        // which is no letter).
        string[] pieces = ["a", "Z", "é", "e", "ß", "Σ", "ς", "İ", "ж", "क", "ि", "्", "\u0301", "\u0308", "\u0323", "ไ", "ั", "7", "٣",
            " ", "-", "_", ".", "#", "—", "\t", "𝐀", "🚀", "\uD800", "ǅ", "ﬃ", "\u212B", "\u1100", "\u1161"];
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
