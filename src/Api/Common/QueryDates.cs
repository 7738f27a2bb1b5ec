using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsApi.Api.Common;

/// <summary>Dates and date-times as SPEC section 3 accepts them in a query string.</summary>
public static partial class QueryDates
{
    public static bool TryParse(string text, out DateTime utc)
    {
        utc = default;
        var match = Rfc3339().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var date = match.Groups["date"].Value;
        var time = match.Groups["time"].Success ? match.Groups["time"].Value : "00:00:00";
        var fraction = match.Groups["fraction"].Value;
        time += fraction.Length > 8 ? fraction[..8] : fraction; // RFC 3339 allows any precision; .NET keeps 7 digits
        var offset = match.Groups["offset"].Value switch
        {
            "" or "Z" or "z" => "+00:00",
            var o when o[0] == ' ' => "+" + o[1..],
            var o => o,
        };
        return DateTimeOffset.TryParseExact(
            $"{date}T{time}{offset}",
            ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:sszzz"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var parsed) && Assign(parsed, out utc);
    }

    static bool Assign(DateTimeOffset parsed, out DateTime utc)
    {
        utc = parsed.UtcDateTime;
        return true;
    }

    // A date, optionally T (or t, or a space) and a time with optional fraction, and an optional offset.
    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?:[Tt ](?<time>[0-9]{2}:[0-9]{2}:[0-9]{2})(?<fraction>\.[0-9]+)?(?<offset>[Zz]|[+ -][0-9]{2}:[0-9]{2})?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Rfc3339();
}
