using System.Globalization;
using System.Text;
using NewsApi.Domain.Text;

namespace NewsApi.Tests.Shared;

/// <summary>
/// SPEC's words, read one rune at a time, as the tests' own definition to hold the product's
/// <c>TextKeys</c> to: a word is a run of letters and digits with the combining marks that follow
/// them, each rune folded by invariant rules, read from the text composed to NFC. Linked into each
/// test project that needs it. The composition is the product's <see cref="Nfc"/>: string.Normalize
/// does nothing under InvariantGlobalization, and NfcTests hold Nfc to ICU's output.
/// </summary>
static class ReferenceWords
{
    public static List<string> Of(string? text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in Nfc.Normalize(text ?? "").EnumerateRunes())
        {
            var mark = Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
            if (Rune.IsLetterOrDigit(rune) || (current.Length > 0 && mark))
            {
                current.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>SPEC's slug: the words joined by '-'.</summary>
    public static string Slug(string text) => string.Join('-', Of(text));
}
