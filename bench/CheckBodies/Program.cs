using System.Diagnostics;
using System.Globalization;

namespace NewsApi.CheckBodies;

/// <summary>
/// The benchmarks' correctness pass (wrk does not look at bodies): requests a few hundred URLs of
/// the same shapes the load test draws, and checks status, JSON shape, paging and every
/// <c>totalCount</c> (and, for lists, the ids of the page in order) against answers computed
/// independently from the database file with plain SQL (and, for <c>q</c>, a word match in C#).
/// <code>NewsApi.CheckBodies --url http://127.0.0.1:5000 --db news.db [--requests 300] [--seed 1] [--verbose]</code>
/// Exit code 0: every answer as expected; 1: mismatches (each printed); 2: usage or setup error.
/// </summary>
static class Program
{
    const string Usage = "usage: NewsApi.CheckBodies --url <base url> --db <sqlite file> [--requests N (300)] [--seed S (1)] [--verbose]";

    static async Task<int> Main(string[] args)
    {
        string? url = null, db = null;
        int requests = 300, seed = 1;
        var verbose = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--url" when i + 1 < args.Length: url = args[++i]; break;
                case "--db" when i + 1 < args.Length: db = args[++i]; break;
                case "--requests" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out requests): i++; break;
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out seed): i++; break;
                case "--verbose": verbose = true; break;
                default:
                    await Console.Error.WriteLineAsync($"unexpected argument '{args[i]}'\n{Usage}");
                    return 2;
            }
        }

        if (url is null || db is null || !File.Exists(db) || requests < 1)
        {
            await Console.Error.WriteLineAsync(db is not null && !File.Exists(db) ? $"no database at {db}\n{Usage}" : Usage);
            return 2;
        }

        var clock = Stopwatch.StartNew();
        using var truth = new Truth(db);
        var catalog = truth.LoadCatalog();
        if (catalog.PublishedIds.Count == 0)
        {
            await Console.Error.WriteLineAsync($"{db} has no published article to check against");
            return 2;
        }

        var cases = new CaseGenerator(catalog, truth, new Random(seed)).Generate(requests);
        truth.Expect(cases);
        var expectSeconds = clock.Elapsed.TotalSeconds;

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var mismatches = 0;
        var timings = new List<(double Ms, Case Case)>();
        foreach (var c in cases)
        {
            var started = Stopwatch.GetTimestamp();
            var problems = await Verifier.CheckAsync(http, c);
            timings.Add((Stopwatch.GetElapsedTime(started).TotalMilliseconds, c));
            mismatches += problems.Count;
            foreach (var problem in problems)
            {
                Console.WriteLine($"MISMATCH {c.Kind} {c.Url}: {problem}");
            }

            if (verbose && problems.Count == 0)
            {
                Console.WriteLine($"ok {c.Kind} {c.Url}");
            }
        }

        // The slowest answers, as a hint for the load test (one request each, no concurrency).
        foreach (var (ms, c) in timings.OrderByDescending(t => t.Ms).Take(5))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slow {ms,8:0.0} ms {c.Kind} {c.Url}"));
        }

        var kinds = string.Join(", ", cases.GroupBy(c => c.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"check-bodies: {cases.Count} requests, {mismatches} mismatches, {catalog.PublishedIds.Count} published articles, expectations {expectSeconds:0.0} s, requests {clock.Elapsed.TotalSeconds - expectSeconds:0.0} s ({kinds})"));
        return mismatches == 0 ? 0 : 1;
    }
}
