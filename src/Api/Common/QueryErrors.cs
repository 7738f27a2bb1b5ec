using System.Globalization;

namespace NewsApi.Api.Common;

/// <summary>
/// Reads raw query values and collects one message per bad parameter, so a request gets one 400
/// naming every bad parameter. Query values are bound as strings (they never fail to bind) and read
/// here, because minimal-API binding failures give no problem document (see PITFALLS.md).
/// An empty value counts as absent (SPEC: <c>?type=</c> is ignored).
/// </summary>
public sealed class QueryErrors
{
    readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IDictionary<string, string[]> ToDictionary() => _errors;

    public void Add(string parameter, string message) => _errors.TryAdd(parameter, [message]);

    public int? WholeNumber(string name, string? value, int min = int.MinValue, int max = int.MaxValue)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        Add(name, (min, max) switch
        {
            (int.MinValue, int.MaxValue) => $"'{name}' must be a whole number.",
            (_, int.MaxValue) => $"'{name}' must be a whole number of at least {min}.",
            _ => $"'{name}' must be a whole number from {min} to {max}.",
        });
        return null;
    }

    public PageRequest Page(string? page, string? pageSize) => new(
        WholeNumber("page", page, min: 1) ?? 1,
        WholeNumber("pageSize", pageSize, min: 1, max: PageRequest.MaxPageSize) ?? PageRequest.DefaultPageSize);

    /// <summary>One of the allowed values, exactly; absent gives the first.</summary>
    public string Choice(string name, string? value, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrEmpty(value))
        {
            return allowed[0];
        }

        if (allowed.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        Add(name, $"'{name}' must be one of: {string.Join(", ", allowed)}.");
        return allowed[0];
    }

    public string? Text(string name, string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        // Characters as a person counts them (Unicode scalars), not UTF-16 units: an emoji is one.
        if (value.Length <= maxLength || value.EnumerateRunes().Count() <= maxLength)
        {
            return value;
        }

        Add(name, $"'{name}' must be at most {maxLength} characters.");
        return null;
    }

    /// <summary>
    /// SPEC: <c>yyyy-MM-dd</c> or an RFC 3339 date-time, UTC when it has no offset; a space before
    /// the offset was an unencoded '+'.
    /// </summary>
    public DateTime? Instant(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (QueryDates.TryParse(value, out var instant))
        {
            return instant;
        }

        Add(name, $"'{name}' must be a date (yyyy-MM-dd) or an RFC 3339 date-time such as 2023-08-22T21:22:00Z.");
        return null;
    }
}
