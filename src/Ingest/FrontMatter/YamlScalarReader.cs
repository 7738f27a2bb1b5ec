using System.Globalization;
using System.Text;

namespace NewsApi.Ingest.FrontMatter;

/// <summary>
/// SPEC's scalar rules: a scalar is accepted when its text reads unambiguously as the field's type, whether it
/// is quoted or not. Each reader returns null for an absent value (<see cref="YamlScalarKind.Null"/>) and
/// rejects anything else that is not of the type, naming the field's path.
/// </summary>
internal static class YamlScalarReader
{
    public static string? ReadString(YamlValue node, FieldPath path) => node switch
    {
        YamlScalarValue { IsNull: true } => null,
        YamlScalarValue scalar => scalar.Text,
        _ => throw Expected(node, path, "a string"),
    };

    public static int? ReadInt(YamlValue node, FieldPath path)
    {
        if (ScalarText(node, path, "an integer") is not { } text)
        {
            return null;
        }

        if (!IsInteger(text))
        {
            throw Expected(node, path, "an integer");
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw FrontMatterRejectedException.At(node, $"{path}: {ReasonText.Quote(text)} is outside the 32-bit integer range");
        }

        return value;
    }

    public static bool? ReadBool(YamlValue node, FieldPath path) =>
        ScalarText(node, path, "true or false") switch
        {
            null => null,
            var text when text.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
            var text when text.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
            _ => throw Expected(node, path, "true or false"),
        };

    public static DateTime? ReadDateTime(YamlValue node, FieldPath path)
    {
        if (ScalarText(node, path, "an ISO 8601 date-time") is not { } text)
        {
            return null;
        }

        return IsoDateTimeText.TryParseUtc(text, out var utc) ? utc : throw Expected(node, path, "an ISO 8601 date-time");
    }

    /// <summary>An optional sign and ASCII decimal digits, nothing else (no `0x1F`, `1_000` or `1e3`).</summary>
    public static bool IsInteger(string text)
    {
        var digits = text.AsSpan(text.Length > 0 && text[0] is '+' or '-' ? 1 : 0);
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>
    /// The JSON number for a YAML 1.2 core-schema integer or float (<c>-2e3</c>, <c>.5</c>, <c>007</c>), written
    /// exactly (no rounding through double): the leading <c>+</c> and zeros JSON forbids are dropped, a bare
    /// <c>.</c> gets its zero. False for anything else, including <c>.inf</c> and <c>.nan</c>, which JSON lacks.
    /// </summary>
    public static bool TryJsonNumber(string text, out string json)
    {
        json = "";
        var s = text.AsSpan();
        var at = 0;
        var negative = s.Length > 0 && s[0] == '-';
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            at++;
        }

        var integerStart = at;
        while (at < s.Length && char.IsAsciiDigit(s[at]))
        {
            at++;
        }

        var integer = s[integerStart..at].TrimStart('0');
        var fraction = ReadOnlySpan<char>.Empty;
        if (at < s.Length && s[at] == '.')
        {
            var fractionStart = ++at;
            while (at < s.Length && char.IsAsciiDigit(s[at]))
            {
                at++;
            }

            fraction = s[fractionStart..at];
            if (at - integerStart == 1)
            {
                return false;
            }
        }
        else if (at == integerStart)
        {
            return false;
        }

        var exponent = ReadOnlySpan<char>.Empty;
        if (at < s.Length && s[at] is 'e' or 'E')
        {
            var exponentStart = at++;
            if (at < s.Length && s[at] is '+' or '-')
            {
                at++;
            }

            var digitsStart = at;
            while (at < s.Length && char.IsAsciiDigit(s[at]))
            {
                at++;
            }

            if (at == digitsStart)
            {
                return false;
            }

            exponent = s[exponentStart..at];
        }

        if (at != s.Length)
        {
            return false;
        }

        var builder = new StringBuilder(text.Length + 2);
        if (negative)
        {
            builder.Append('-');
        }

        builder.Append(integer.IsEmpty ? "0" : integer);
        if (!fraction.IsEmpty)
        {
            builder.Append('.').Append(fraction);
        }

        json = builder.Append(exponent).ToString();
        return true;
    }

    static string? ScalarText(YamlValue node, FieldPath path, string expected) => node switch
    {
        YamlScalarValue { IsNull: true } => null,
        YamlScalarValue scalar => scalar.Text,
        _ => throw Expected(node, path, expected),
    };

    public static FrontMatterRejectedException Expected(YamlValue node, FieldPath path, string expected) =>
        FrontMatterRejectedException.At(node, $"{path}: expected {expected}, got {ReasonText.Describe(node)}");
}
