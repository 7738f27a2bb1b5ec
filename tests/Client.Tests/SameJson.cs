using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;

namespace NewsApi.Client.Tests;

/// <summary>
/// Compares what the generated client read with the body the server sent. The client's object is written
/// back with Kiota's own JSON writer, so a field the client failed to map is missing on its side.
/// </summary>
static class SameJson
{
    /// <param name="fromClient">The client's result.</param>
    /// <param name="raw">The same request sent as plain HTTP.</param>
    /// <param name="ignored">Top-level keys that differ per request by design (a problem's traceId).</param>
    public static async Task AssertAsync(IParsable fromClient, HttpResponseMessage raw, params string[] ignored)
    {
        var expected = Normalize(JsonNode.Parse(await raw.Content.ReadAsStringAsync()))!.AsObject();
        var actual = Normalize(JsonNode.Parse(await KiotaJsonSerializer.SerializeAsStringAsync(fromClient)))!.AsObject();
        // The writer leaves out read-only properties (a page's totalPages), so that one is read off the object.
        if (fromClient.GetType().GetProperty("TotalPages")?.GetValue(fromClient) is int totalPages)
        {
            actual["totalPages"] = totalPages;
        }

        foreach (var key in ignored)
        {
            expected.Remove(key);
            actual.Remove(key);
        }

        Assert.True(expected.Count > 0, $"GET {raw.RequestMessage?.RequestUri} answered an empty object");
        var difference = FirstDifference(expected, actual, "$");
        Assert.True(difference is null, $"GET {raw.RequestMessage?.RequestUri}: client and HTTP differ at {difference}");
    }

    // Kiota's writer leaves null properties out and writes instants with an offset instead of 'Z'.
    static JsonNode? Normalize(JsonNode? node, string? name = null) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value, p.Key)))),
        JsonArray a => new JsonArray([.. a.Select(item => Normalize(item))]),
        JsonValue v when name == "publishedDateTime" => JsonValue.Create(
            DateTimeOffset.Parse(v.GetValue<string>(), CultureInfo.InvariantCulture).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
        _ => node?.DeepClone(),
    };

    static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path) => (expected, actual) switch
    {
        (JsonObject e, JsonObject a) => e.Select(p => p.Key).Union(a.Select(p => p.Key))
            .Select(key => FirstDifference(e[key], a[key], $"{path}.{key}")).FirstOrDefault(d => d is not null),
        (JsonArray e, JsonArray a) when e.Count == a.Count => Enumerable.Range(0, e.Count)
            .Select(i => FirstDifference(e[i], a[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null),
        _ => JsonNode.DeepEquals(expected, actual)
            ? null
            : $"{path}: HTTP {expected?.ToJsonString() ?? "absent"}, client {actual?.ToJsonString() ?? "absent"}",
    };
}
