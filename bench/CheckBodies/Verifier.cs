using System.Globalization;
using System.Text.Json;

namespace NewsApi.CheckBodies;

/// <summary>Requests one case and lists every way its answer differs from what it must be.</summary>
static class Verifier
{
    /// <summary>SPEC section 3: every field of an article summary is always present (null when the file has none).</summary>
    static readonly string[] SummaryFields =
        ["id", "category", "title", "excerpt", "publishedDateTime", "type", "quality", "heat", "webUrl", "originalUrl", "provider", "topics", "image", "relatedCount"];

    public static async Task<List<string>> CheckAsync(HttpClient http, Case c)
    {
        var problems = new List<string>();
        HttpResponseMessage response;
        string body;
        try
        {
            response = await http.GetAsync(new Uri(c.Url, UriKind.Relative));
            body = await response.Content.ReadAsStringAsync();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return [$"request failed: {e.Message}"];
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (status != c.Status)
            {
                problems.Add($"status {status}, expected {c.Status}: {Shorten(body)}");
                return problems;
            }

            var expectedType = status == 200 ? "application/json" : "application/problem+json";
            if (mediaType != expectedType)
            {
                problems.Add($"content type {mediaType}, expected {expectedType}");
            }

            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                problems.Add($"invalid JSON: {e.Message}: {Shorten(body)}");
                return problems;
            }

            using (json)
            {
                if (status == 200)
                {
                    if (c.Paged)
                    {
                        CheckPage(c, json.RootElement, response, problems);
                    }

                    CheckFields(c, json.RootElement, problems);
                }
            }
        }

        return problems;
    }

    static void CheckPage(Case c, JsonElement root, HttpResponseMessage response, List<string> problems)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array
            || !root.TryGetProperty("page", out var page) || !root.TryGetProperty("pageSize", out var pageSize)
            || !root.TryGetProperty("totalCount", out var totalCount) || !root.TryGetProperty("totalPages", out var totalPages))
        {
            problems.Add($"not a paged response: {Shorten(root.GetRawText())}");
            return;
        }

        var count = items.GetArrayLength();
        if (page.GetInt32() != c.Page) { problems.Add($"page {page}, expected {c.Page}"); }
        if (pageSize.GetInt32() != c.PageSize) { problems.Add($"pageSize {pageSize}, expected {c.PageSize}"); }
        if (count > c.PageSize) { problems.Add($"{count} items, over pageSize {c.PageSize}"); }

        var total = totalCount.GetInt64();
        if (c.TotalCount is { } expectedTotal && total != expectedTotal)
        {
            problems.Add($"totalCount {total}, expected {expectedTotal} (computed from the database)");
        }

        var pages = (total + c.PageSize - 1) / c.PageSize;
        if (totalPages.GetInt64() != pages) { problems.Add($"totalPages {totalPages}, expected {pages} for totalCount {total}"); }

        var expectedCount = Math.Clamp(total - ((long)(c.Page - 1) * c.PageSize), 0, c.PageSize);
        if (count != expectedCount) { problems.Add($"{count} items, expected {expectedCount} on page {c.Page} of {pages}"); }

        if (c.Keys is { } keys)
        {
            var actual = items.EnumerateArray().Select(i => i.TryGetProperty(c.ItemKey, out var k) ? k.GetString() : null).ToList();
            if (!actual.SequenceEqual(keys))
            {
                var at = Enumerable.Range(0, Math.Min(actual.Count, keys.Count)).FirstOrDefault(i => actual[i] != keys[i], Math.Min(actual.Count, keys.Count));
                problems.Add($"page's {c.ItemKey}s differ from the database's order at item {at}: got {Item(actual, at)}, expected {Item(keys, at)}");
            }
        }

        foreach (var item in items.EnumerateArray())
        {
            if (c.Filter is not null)
            {
                var missing = SummaryFields.Where(f => !item.TryGetProperty(f, out _)).ToList();
                if (missing.Count > 0)
                {
                    problems.Add($"summary {Key(item, "id")} lacks {string.Join(", ", missing)}");
                    break;
                }
            }

            if (c.ArticleCountOf is { } articleCount)
            {
                var key = Key(item, c.ItemKey);
                var expected = articleCount(key);
                var actual = item.TryGetProperty("articleCount", out var n) ? n.GetInt64() : -1;
                if (actual != expected)
                {
                    problems.Add($"{key}: articleCount {actual}, expected {expected} (published articles in the database)");
                }
            }
        }

        var link = response.Headers.TryGetValues("Link", out var values) ? string.Join(", ", values) : "";
        if (total > 0 && (!link.Contains("rel=\"first\"", StringComparison.Ordinal) || !link.Contains("rel=\"last\"", StringComparison.Ordinal)))
        {
            problems.Add($"Link header without first and last: '{link}'");
        }
    }

    static void CheckFields(Case c, JsonElement root, List<string> problems)
    {
        foreach (var (name, expected) in c.Fields)
        {
            if (name.EndsWith('#'))
            {
                var array = name[..^1];
                var length = root.TryGetProperty(array, out var a) && a.ValueKind == JsonValueKind.Array ? a.GetArrayLength() : -1;
                if (length != Convert.ToInt64(expected, CultureInfo.InvariantCulture))
                {
                    problems.Add($"{array}: {length} entries, expected {expected}");
                }

                continue;
            }

            if (!root.TryGetProperty(name, out var value))
            {
                problems.Add($"no '{name}'");
                continue;
            }

            var matches = expected switch
            {
                null => value.ValueKind == JsonValueKind.Null,
                string s => value.ValueKind == JsonValueKind.String && value.GetString() == s,
                long n => value.ValueKind == JsonValueKind.Number && value.GetInt64() == n,
                _ => value.GetRawText() == Convert.ToString(expected, CultureInfo.InvariantCulture),
            };
            if (!matches)
            {
                problems.Add($"{name}: {Shorten(value.GetRawText())}, expected {expected ?? "null"}");
            }
        }
    }

    static string Key(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "(none)";

    static string Item(List<string?> list, int index) => index < list.Count ? list[index] ?? "null" : "(end)";

    static string Item(IReadOnlyList<string> list, int index) => index < list.Count ? list[index] : "(end)";

    static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
