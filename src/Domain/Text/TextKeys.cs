using System.Globalization;
using System.Text;

namespace NewsApi.Domain.Text;

/// <summary>
/// The one definition of a "word" (a run of letters and digits, any script) and of the keys built
/// from words, shared by the ingest that stores them and the API that matches against them.
/// </summary>
public static class TextKeys
{
    /// <summary>SPEC's topic slug: words lower-cased, joined by '-' (<c>AWS AI</c> → <c>aws-ai</c>, <c>C#</c> → <c>c</c>).</summary>
    public static string Slug(string text) => string.Join('-', Words(text));

    /// <summary>Lower-cased words, in order; case folding is invariant, so it works for any script.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || (current.Length > 0 && IsMark(rune)))
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

    // Combining marks belong to the word they follow: without them Hindi or Thai words fall apart.
    static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>
    /// The searchable form of some texts: their words, each preceded by one space, so that
    /// "contains ' ' + word" means "has a word that starts with word".
    /// </summary>
    public static string SearchText(params string?[] texts)
    {
        var builder = new StringBuilder();
        foreach (var text in texts)
        {
            if (text is null)
            {
                continue;
            }

            foreach (var word in Words(text))
            {
                builder.Append(' ').Append(word);
            }
        }

        return builder.ToString();
    }

    /// <summary>Lower-cased with invariant rules, for case-insensitive equality in any script.</summary>
    public static string? Fold(string? text) => text?.ToLower(CultureInfo.InvariantCulture);
}
