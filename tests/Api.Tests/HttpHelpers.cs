using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsApi.Api.Tests;

/// <summary>Reading the API as a client does: status, headers, JSON bodies, and every page of a list.</summary>
public static partial class HttpHelpers
{
    /// <summary>GETs a page and checks it answered 200 with JSON.</summary>
    public static async Task<(HttpResponseMessage Response, PageOf<T> Page)> GetPageAsync<T>(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {Brief(url)} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var page = await response.Content.ReadFromJsonAsync<PageOf<T>>();
        return (response, page!);
    }

    /// <summary>Every item of a list, walking its pages of 100 (and checking the totals agree on each page).</summary>
    public static async Task<List<T>> GetAllAsync<T>(this HttpClient client, string path, string query = "")
    {
        var items = new List<T>();
        int? total = null;
        for (var page = 1; ; page++)
        {
            var (_, body) = await client.GetPageAsync<T>(With(path, query, $"pageSize=100&page={page}"));
            total ??= body.TotalCount;
            Assert.Equal(total, body.TotalCount);
            Assert.Equal((total.Value + 99) / 100, body.TotalPages);
            items.AddRange(body.Items);
            if (page >= body.TotalPages)
            {
                break;
            }
        }

        Assert.Equal(total, items.Count);
        return items;
    }

    /// <summary>The total count a list answers for a query.</summary>
    public static async Task<int> CountAsync(this HttpClient client, string path, string query)
    {
        var (_, page) = await client.GetPageAsync<JsonElement>(With(path, query, "pageSize=1"));
        return page.TotalCount;
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {Brief(url)} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Reads an RFC 9457 problem and checks its status and media type.</summary>
    public static async Task<JsonElement> GetProblemAsync(this HttpClient client, string url, HttpStatusCode status)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"GET {Brief(url)} answered {(int)response.StatusCode}, expected {(int)status}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>The names of the parameters a 400 problem's <c>errors</c> object names.</summary>
    public static SortedSet<string> ErrorKeys(JsonElement problem) =>
        new(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);

    /// <summary>A URL cut to a length that reads well in a failure message.</summary>
    public static string Brief(string url) => url.Length <= 160 ? url : url[..160] + "…";

    /// <summary>A URL from a path and query fragments (empty fragments skipped).</summary>
    public static string With(string path, params string[] queries)
    {
        var query = string.Join('&', queries.Where(q => !string.IsNullOrEmpty(q)));
        return query.Length == 0 ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }

    /// <summary>The <c>Link</c> header's targets by relation (RFC 8288).</summary>
    public static Dictionary<string, string> Links(HttpResponseMessage response)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        if (response.Headers.TryGetValues("Link", out var values))
        {
            foreach (Match match in LinkValue().Matches(string.Join(", ", values)))
            {
                links.Add(match.Groups["rel"].Value, match.Groups["url"].Value);
            }
        }

        return links;
    }

    [GeneratedRegex(@"<(?<url>[^>]*)>\s*;\s*rel=""(?<rel>[^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex LinkValue();
}

public static class TypedGets
{
    /// <summary>GETs a JSON body of type <typeparamref name="T"/>, checking it answered 200.</summary>
    public static async Task<T> GetFromJsonOkAsync<T>(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {HttpHelpers.Brief(url)} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
