using System.Globalization;
using System.Text;

namespace NewsApi.Domain.Text;

/// <summary>
/// The one definition of a "word" (a run of letters and digits, any script) and of the keys built
/// from words, shared by the ingest that stores them and the API that matches against them. Every
/// key is built from the text composed to NFC, so canonically equivalent spellings (é as U+00E9 or
/// as e + U+0301) give one key; display text is stored as written.
/// </summary>
public static class TextKeys
{
    /// <summary>SPEC's topic slug: words lower-cased, joined by '-' (<c>AWS AI</c> → <c>aws-ai</c>, <c>C#</c> → <c>c</c>).</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length + 1);
        AppendWords(builder, text, '-');
        return builder.Length == 0 ? "" : builder.ToString(1, builder.Length - 1);
    }

    /// <summary>Lower-cased words, in order; case folding is invariant, so it works for any script.</summary>
    public static List<string> Words(string text)
    {
        var builder = new StringBuilder(text.Length + 1);
        AppendWords(builder, text, ' ');
        return [.. builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>
    /// The searchable form of some texts: their words, each preceded by one space, so that
    /// "contains ' ' + word" means "has a word that starts with word".
    /// </summary>
    public static string SearchText(params string?[] texts)
    {
        // Sized for the usual case (a separator per word, folding keeps the length), so it seldom grows.
        var builder = new StringBuilder(texts.Sum(t => t?.Length ?? 0) + 16);
        foreach (var text in texts)
        {
            if (text is not null)
            {
                AppendWords(builder, text, ' ');
            }
        }

        return builder.ToString();
    }

    // The one word scanner: each word lower-cased and preceded by the separator (never a letter,
    // digit or mark, so the words can be split apart again). Characters go straight into the
    // builder: the ingest runs this over every title and excerpt, and a string per character
    // made it the ingest's largest source of garbage. Text already in NFC (nearly all) is read as
    // it is, without a copy.
    static void AppendWords(StringBuilder builder, string text, char separator)
    {
        Span<char> folded = stackalloc char[2];
        var inWord = false;
        foreach (var rune in Nfc.Normalize(text).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || (inWord && IsMark(rune)))
            {
                if (!inWord)
                {
                    builder.Append(separator);
                    inWord = true;
                }

                builder.Append(folded[..Rune.ToLowerInvariant(rune).EncodeToUtf16(folded)]);
            }
            else
            {
                inWord = false;
            }
        }
    }

    // Combining marks belong to the word they follow: without them Hindi or Thai words fall apart.
    static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>Lower-cased with invariant rules, for case-insensitive equality in any script.</summary>
    public static string? Fold(string? text) => text is null ? null : Nfc.Normalize(text).ToLower(CultureInfo.InvariantCulture);
}
