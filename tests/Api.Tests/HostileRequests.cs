using System.Text;

namespace NewsApi.Api.Tests;

/// <summary>One endpoint as the fuzzer sees it: a path with at most one route value, its query parameters, what a 2xx is.</summary>
public sealed record FuzzEndpoint(
    string Prefix, string? Suffix, IReadOnlyList<string> KnownRouteValues, IReadOnlyList<string> Parameters, string SuccessMediaType = "application/json")
{
    public bool HasRouteValue => Suffix is not null;
}

/// <summary>
/// Draws GET requests over every endpoint of the API from a seeded random: random and known parameter names,
/// hostile values (control bytes, invalid UTF-8, lone surrogates, SQL and FTS syntax, huge numbers and texts,
/// odd dates), repeated and empty parameters, and route values with path traversal, odd bytes and great length.
/// Every draw is already percent-encoded as it goes on the wire, so the URL printed on failure is exact.
/// </summary>
public static class HostileRequests
{
    static readonly string[] ArticleParameters =
        ["page", "pageSize", "minQuality", "maxQuality", "minHeat", "maxHeat", "topic", "provider", "type", "category", "from", "to", "q", "sort"];

    static readonly string[] CatalogParameters = ["page", "pageSize", "q", "sort"];

    static readonly string[] Ids = ["fx-alpha", "fx-hotel", "fx-echo", "fx-india", "FX-ALPHA", "no-such-article"];
    // Known keys spelled with what trimming, folding and slugging remove: they find the real item, so the
    // response is a page with Link headers built from the odd path.
    static readonly string[] Domains =
        ["contoso.com", "CONTOSO.COM", "fabrikam.com", "hidden.example", "nowhere.example", "contoso.com%20", "%09contoso.com", "contoso.com%0A", "%0D%0Acontoso.com"];

    static readonly string[] Slugs =
        ["power-apps", "Power%20Apps", "fabric", "aws-ai", "c", "secret-topic", "no-such-topic", "Power%0AApps", "POWER%E2%80%93APPS", "%F0%9F%98%80power-apps%1F"];

    public static readonly IReadOnlyList<FuzzEndpoint> Endpoints =
    [
        new("/api/articles", null, [], ArticleParameters),
        new("/api/articles/", "", Ids, []),
        new("/api/articles/", "/related", Ids, ["page", "pageSize"]),
        new("/api/providers", null, [], CatalogParameters),
        new("/api/providers/", "", Domains, []),
        new("/api/providers/", "/articles", Domains, ArticleParameters),
        new("/api/topics", null, [], CatalogParameters),
        new("/api/topics/", "", Slugs, []),
        new("/api/topics/", "/articles", Slugs, ArticleParameters),
        new("/health", null, [], [], "text/plain"),
        new("/swagger/v1/swagger.json", null, [], []),
    ];

    /// <summary>Already encoded: bytes no valid UTF-8 holds, control bytes, a BOM, separators and escapes gone wrong.</summary>
    static readonly string[] EncodedOddities =
    [
        "%00", "%01", "%07", "%08", "%09", "%0A", "%0D", "%0D%0A", "%1B", "%1F", "%7F", "%C2%85", "%E2%80%A8", "%E2%80%AE", "%EF%BB%BF",
        "%FF", "%FE", "%C3%28", "%C0%AF", "%E0%80%80", "%ED%A0%80", "%ED%BF%BF", "%ED%A0%BD%ED%B8%80", "%F4%90%80%80", "%F0%9F%98",
        "%", "%%", "%2", "%G1", "%u0041", "+", "%2B", "%20", "%26", "%3D", "%3B", ";", "%23", "%3F", "%2F", "%5C", "%22", "%27", "%25",
        "%F0%9F%98%80", "%C4%B0", "%C3%9F", "%EF%AC%81", "%EF%BC%91", "%D9%A1", "%E2%80%8B",
    ];

    /// <summary>Values a parser might choke on, as text (encoded when drawn).</summary>
    static readonly string[] Texts =
    [
        "", " ", "0", "1", "-1", "+1", " 1", "1 ", "007", "20", "100", "101", "-0", "1.5", "1e3", "0x10", "1_000", "١٢", "１",
        "2147483647", "2147483648", "-2147483648", "-2147483649", "99999999999999999999", "NaN", "Infinity", "true", "null", "[]", "{}",
        "2024-01-01", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00", "2024-01-01 00:00:00 01:00", "2024-01-01T00:00:00+14:00",
        "2024-02-30", "2024-13-01", "2024-01-01T24:00:00Z", "2024-01-01T00:00:60Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00",
        "2024-01-01T00:00:00.123456789012345Z", "2024-1-1", "20240101", "yesterday", "-publishedDateTime", "publishedDateTime", "-quality",
        "quality", "-heat", "heat", "title", "-title", "name", "-articleCount", "--title", "title,heat", "power apps", "Power Apps", "AI",
        "C#", "contoso.com", "article", "news", "cloud", "\"cloud\"*", "NEAR(a b)", "a OR b", "a AND NOT b", "-c:*", "^x", "'; DROP TABLE Articles;--",
        "%_\\", "' OR '1'='1", "<script>alert(1)</script>", "../../etc/passwd", "😀", "İstanbul", "ß", "ﬁ", "e\u0301", "\u0000", "\uFFFD",
    ];

    static readonly string[] RouteOddities =
    [
        "..", "../", "..%2F", "%2e%2e", "%2e%2e%2f", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", ".", "%2e", "a/../b", "~", "%00", "fx-alpha%00",
        "fx-alpha.md", "fx-alpha%2Frelated", "con", "nul", "%20", "%20fx-alpha", "fx-alpha%20", "%C3%28", "%FF", "%ED%A0%80", "%01", "%7F",
        "%E2%80%AE", "%F0%9F%98%80", "%EF%AC%81", "%C4%B0", "%25", "%3F", "%23", "%5C", "'", "%22", "*", "*.com", "%25.com",
    ];

    /// <summary>Well past what Kestrel takes in a request line (8 KB), since the test host has no such limit.</summary>
    const int MaxQueryLength = 300_000;

    public static (FuzzEndpoint Endpoint, string Url) Next(Random random)
    {
        var endpoint = Endpoints[random.Next(Endpoints.Count)];
        var path = endpoint.HasRouteValue ? endpoint.Prefix + RouteValue(random, endpoint) + endpoint.Suffix : endpoint.Prefix;
        // Now and then one parameter (or a mix) many times over: a list of topics, or the same page twice.
        var count = random.Next(25) == 0 ? random.Next(2, 2_000) : random.Next(0, 7);
        var repeated = random.Next(2) == 0 ? Parameter(random, endpoint) : null;
        var parameters = Enumerable.Range(0, count).Select(_ => repeated ?? Parameter(random, endpoint)).ToList();
        while (parameters.Sum(p => p.Length) > MaxQueryLength)
        {
            parameters.RemoveRange(parameters.Count / 2, parameters.Count - parameters.Count / 2);
        }

        var query = string.Join(random.Next(20) == 0 ? "&&" : "&", parameters);
        return (endpoint, query.Length == 0 && random.Next(3) > 0 ? path : path + "?" + query);
    }

    static string RouteValue(Random random, FuzzEndpoint endpoint) => random.Next(10) switch
    {
        < 3 => endpoint.KnownRouteValues[random.Next(endpoint.KnownRouteValues.Count)],
        < 7 => RouteOddities[random.Next(RouteOddities.Length)],
        7 => Long(random),
        8 => Encode(Texts[random.Next(Texts.Length)]) is { Length: > 0 } text ? text : "x",
        _ => Concat(random, 1, 5, r => r.Next(2) == 0 ? RouteOddities[r.Next(RouteOddities.Length)] : EncodedOddities[r.Next(EncodedOddities.Length)]),
    };

    static string Parameter(Random random, FuzzEndpoint endpoint)
    {
        var name = random.Next(10) switch
        {
            < 6 when endpoint.Parameters.Count > 0 => endpoint.Parameters[random.Next(endpoint.Parameters.Count)],
            6 when endpoint.Parameters.Count > 0 => OddCase(random, endpoint.Parameters[random.Next(endpoint.Parameters.Count)]),
            7 => "",
            _ => Value(random),
        };
        return random.Next(15) switch
        {
            0 => name,
            1 => name + "=" + Value(random) + "=" + Value(random),
            _ => name + "=" + Value(random),
        };
    }

    static string Value(Random random) => random.Next(12) switch
    {
        < 5 => Encode(Texts[random.Next(Texts.Length)]),
        < 8 => EncodedOddities[random.Next(EncodedOddities.Length)],
        8 => Concat(random, 2, 8, r => r.Next(2) == 0 ? EncodedOddities[r.Next(EncodedOddities.Length)] : Encode(Texts[r.Next(Texts.Length)])),
        9 => Encode(Texts[random.Next(Texts.Length)]) + EncodedOddities[random.Next(EncodedOddities.Length)],
        10 when random.Next(4) == 0 => Long(random),
        _ => "",
    };

    /// <summary>Tens of kilobytes: one character repeated, digits, words, or an encoded odd byte repeated.</summary>
    static string Long(Random random)
    {
        var length = random.Next(1_000, 60_000);
        return random.Next(4) switch
        {
            0 => new string('a', length),
            1 => new string('9', length),
            2 => string.Concat(Enumerable.Repeat("word%20", length / 7)),
            _ => string.Concat(Enumerable.Repeat(EncodedOddities[random.Next(EncodedOddities.Length)], length / 6)),
        };
    }

    static string Concat(Random random, int min, int max, Func<Random, string> piece) =>
        string.Concat(Enumerable.Range(0, random.Next(min, max)).Select(_ => piece(random)));

    static string OddCase(Random random, string name) =>
        string.Concat(name.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));

    static string Encode(string text) => Uri.EscapeDataString(text);

    /// <summary>The decoded parameter names a query string sends, as ASP.NET Core reads them (case-insensitive).</summary>
    public static IReadOnlySet<string> SentNames(string url)
    {
        var at = url.IndexOf('?', StringComparison.Ordinal);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (at >= 0)
        {
            foreach (var (name, values) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url[at..]))
            {
                if (values.Any(v => !string.IsNullOrEmpty(v)))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    public static string Brief(string text, int max = 600) => text.Length <= max ? text : text[..max] + $"… ({Encoding.UTF8.GetByteCount(text)} bytes)";
}
