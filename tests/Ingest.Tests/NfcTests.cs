using NewsApi.Domain.Text;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// The product's own canonical composition (the hosts' InvariantGlobalization leaves string.Normalize
/// doing nothing) against ICU's: every canonical decomposition, alone and decomposed, and random
/// sequences of marks, composites, Hangul and lone surrogates (Fixtures/nfc-vectors.txt, written by
/// tools/NfcTables/vectors.mjs).
/// </summary>
public sealed class NfcTests
{
    static readonly string VectorsPath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "nfc-vectors.txt");

    [Fact]
    public void Composes_as_ICU_does()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var line in File.ReadLines(VectorsPath))
        {
            var (input, expected) = (Units(line.Split(';')[0]), Units(line.Split(';')[1]));
            count++;
            var composed = Nfc.Normalize(input);
            if (composed != expected || Nfc.IsNormalized(input) != (input == expected) || !Nfc.IsNormalized(expected))
            {
                failures.Add($"{line}: composed {Hex(composed)}, IsNormalized {Nfc.IsNormalized(input)}");
            }
        }

        Assert.True(count > 5000, $"only {count} vectors");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} vectors fail:\n" + string.Join('\n', failures.Take(20)));
    }

    [Theory]
    [InlineData("Cafe\u0301", "Caf\u00e9")]
    [InlineData("\u212b", "\u00c5")]
    [InlineData("e\u0302\u0323", "\u1ec7")]
    [InlineData("\u00ea\u0323", "\u1ec7")]
    [InlineData("a\u0301\u0323", "\u1ea1\u0301")]
    [InlineData("\u1100\u1161\u11a8", "\uac01")]
    [InlineData("\u0915\u093c", "\u0915\u093c")]
    [InlineData("\u0958", "\u0915\u093c")]
    [InlineData("a\ud800\u0301", "a\ud800\u0301")]
    [InlineData("\udc00e\u0301", "\udc00\u00e9")]
    public void Composes_canonically_equivalent_text_into_one_spelling(string text, string nfc) =>
        Assert.Equal(nfc, Nfc.Normalize(text));

    [Theory]
    [InlineData("Plain ASCII, the usual title.")]
    [InlineData("Caf\u00e9 \u00fcber stra\u00dfe")]
    [InlineData("\u041d\u043e\u0432\u043e\u0441\u0442\u0438")]
    [InlineData("\u092c\u0921\u093c\u093e")]
    [InlineData("\u0b95\u0bbe\u0bb2\u0bc8")]
    public void Returns_text_already_composed_as_it_is(string text)
    {
        Assert.True(Nfc.IsNormalized(text));
        Assert.Same(text, Nfc.Normalize(text));
    }

    static string Units(string hex) =>
        hex.Length == 0 ? "" : new string([.. hex.Split(' ').Select(u => (char)Convert.ToInt32(u, 16))]);

    static string Hex(string text) => string.Join(' ', text.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));
}
