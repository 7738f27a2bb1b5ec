using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Net.Http.Headers;
using Xunit.Abstractions;

namespace NewsApi.Api.Tests;

/// <summary>
/// Fuzzes every endpoint with <see cref="HostileRequests"/>: no request may answer 5xx, every 400 must be a
/// problem document whose <c>errors</c> name only parameters the request sent, every other error a problem
/// document, and no response header may hold what Kestrel refuses to send (the test host does not check).
/// Short mode (CI) sends 2,000 requests; <c>NEWSAPI_FUZZ_REQUESTS=100000</c> sets the long mode's count and
/// <c>NEWSAPI_FUZZ_SEED</c> the seed (printed on every run). A failure prints each offending URL exactly.
/// </summary>
public sealed class QueryStringFuzzTests(FixtureApiFactory fixture, ITestOutputHelper output) : IClassFixture<FixtureApiFactory>
{
    const int ShortModeRequests = 2_000;
    const int DefaultSeed = 20230822;
    const int MaxReportedFailures = 10;

    /// <summary>The status counted for a request that Kestrel would refuse before the application (a NUL in the path).</summary>
    const int NotSent = 0;

    [Fact]
    public async Task HostileRequestsNeverAnswer5xxAndEvery400NamesASentParameter()
    {
        var requests = Setting("NEWSAPI_FUZZ_REQUESTS", ShortModeRequests);
        var seed = Setting("NEWSAPI_FUZZ_SEED", DefaultSeed);
        var random = new Random(seed);
        var server = fixture.Server;
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();

        var sent = 0;
        for (; sent < requests && failures.Count < MaxReportedFailures; sent++)
        {
            var (endpoint, url) = HostileRequests.Next(random);
            var (status, failure) = await CheckAsync(server, endpoint, url);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (failure is not null)
            {
                failures.Add($"GET {url}\n  {failure}");
            }
        }

        output.WriteLine($"seed {seed}: {sent} requests in {clock.Elapsed.TotalSeconds:F1} s; statuses {string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"))}");
        Assert.True(failures.Count == 0, $"seed {seed}, {failures.Count} failing requests (reproduce with the exact URL):\n" + string.Join("\n", failures));
    }

    /// <summary>The status, and what is wrong with the response (null when nothing is).</summary>
    static async Task<(int Status, string? Failure)> CheckAsync(TestServer server, FuzzEndpoint endpoint, string url)
    {
        // Straight into the server, as Kestrel decodes a request target (all but %2F): HttpClient would remove
        // dot segments and re-escape, so "../" and "%2e%2e%2f" would never arrive as sent.
        var query = url.IndexOf('?', StringComparison.Ordinal);
        PathString path;
        try
        {
            path = PathString.FromUriComponent(query < 0 ? url : url[..query]);
        }
        catch (InvalidOperationException)
        {
            // A NUL in the path: Kestrel answers 400 itself, before the application sees the request.
            return (NotSent, null);
        }

        var context = await server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = path;
            c.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(url[query..]);
        });
        var status = context.Response.StatusCode;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        var mediaType = MediaTypeHeaderValue.TryParse(context.Response.ContentType, out var contentType) ? contentType.MediaType.Value : null;
        if (status >= 500)
        {
            return (status, $"answered {status}: {HostileRequests.Brief(body)}");
        }

        if (context.Response.Headers.SelectMany(h => h.Value.Select(v => (h.Key, Value: v ?? "")))
            .FirstOrDefault(h => h.Value.Any(c => c is < ' ' or > '~')) is { Key: not null } bad)
        {
            return (status, $"header {bad.Key} holds a character Kestrel would refuse to send: {HostileRequests.Brief(bad.Value)}");
        }

        if (status < 400)
        {
            var expected = mediaType == endpoint.SuccessMediaType && (mediaType != "application/json" || IsJson(body));
            return (status, expected ? null : $"answered {status} with {mediaType}: {HostileRequests.Brief(body)}");
        }

        if (mediaType != "application/problem+json" || !IsJson(body))
        {
            return (status, $"answered {status} with {mediaType}, not a problem document: {HostileRequests.Brief(body)}");
        }

        using var problem = JsonDocument.Parse(body);
        if (problem.RootElement.TryGetProperty("status", out var statusField) && statusField.GetInt32() != status)
        {
            return (status, $"problem status {statusField} on a {status} response");
        }

        return status == (int)HttpStatusCode.BadRequest ? (status, ErrorsProblem(problem.RootElement, endpoint, url)) : (status, null);
    }

    /// <summary>SPEC: a 400's <c>errors</c> names each bad parameter; it can only name ones the endpoint reads and the request sent.</summary>
    static string? ErrorsProblem(JsonElement problem, FuzzEndpoint endpoint, string url)
    {
        if (!problem.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object || !errors.EnumerateObject().Any())
        {
            return $"400 without an errors object naming a parameter: {problem}";
        }

        var sent = HostileRequests.SentNames(url);
        var wrong = errors.EnumerateObject().Select(e => e.Name)
            .Where(name => !endpoint.Parameters.Contains(name, StringComparer.Ordinal) || !sent.Contains(name))
            .ToList();
        return wrong.Count == 0 ? null : $"errors name {string.Join(", ", wrong)}, which the request did not send or the endpoint does not read: {problem}";
    }

    static bool IsJson(string body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    static int Setting(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
