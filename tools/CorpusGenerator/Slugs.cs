using System.Text;

namespace NewsApi.CorpusGenerator;

internal static class Slugs
{
    const int MaxIdSlugLength = 60;

    /// <summary>
    /// An ASCII slug for file names and URLs (accents folded, other scripts dropped), cut at a word
    /// boundary; "article" when nothing is left, as for an all-CJK title.
    /// </summary>
    public static string Ascii(string text, int maxLength = MaxIdSlugLength)
    {
        var builder = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var c in text)
        {
            var folded = Fold(char.ToLowerInvariant(c));
            if (folded is null)
            {
                pendingDash = builder.Length > 0;
                continue;
            }

            if (pendingDash)
            {
                if (builder.Length + 1 + folded.Length > maxLength)
                {
                    break;
                }

                builder.Append('-');
                pendingDash = false;
            }

            if (builder.Length + folded.Length > maxLength)
            {
                break;
            }

            builder.Append(folded);
        }

        var slug = builder.ToString().TrimEnd('-');
        return slug.Length == 0 ? "article" : slug;
    }

    /// <summary>SPEC's topic slug (letters and digits of any script, lower-cased, joined by '-'), to check names stay distinct.</summary>
    public static string Topic(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
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

        return string.Join('-', words);
    }

    static string? Fold(char c) => c switch
    {
        >= 'a' and <= 'z' or >= '0' and <= '9' => c.ToString(),
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => "a",
        'ç' => "c",
        'è' or 'é' or 'ê' or 'ë' => "e",
        'ì' or 'í' or 'î' or 'ï' => "i",
        'ñ' => "n",
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' => "o",
        'ù' or 'ú' or 'û' or 'ü' => "u",
        'ý' or 'ÿ' => "y",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        _ => null,
    };
}
