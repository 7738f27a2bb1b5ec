using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsApi.Api.Tests;

/// <summary>
/// Readers going round the API's reads (article lists with and without filters, details, related
/// links, providers, topics) until told to stop. Each answer is checked on its own: status, paging,
/// Link header, a one-page list holding its whole total. Totals and the answers about single
/// articles are kept, for the test to match against the ingest's states afterwards.
/// </summary>
sealed partial class ReadLoad(HttpClient client, BatchBoundaries boundaries, IReadOnlyList<string> articleUrls)
{
    const int Steps = 9;
    int _requests;
    long _slowestTicks;
    int _articlePages = 1;
    int _videoPages = 1;

    public ConcurrentQueue<string> Failures { get; } = new();

    /// <summary>Each total seen, by set (as in <see cref="BatchBoundaries.Totals"/>), with how often it was seen.</summary>
    public ConcurrentDictionary<(string Set, int Total), int> Totals { get; } = new();

    /// <summary>Each distinct answer seen for an article's own URLs.</summary>
    public ConcurrentDictionary<(string Url, string Answer), byte> ArticleAnswers { get; } = new();

    public int Requests => _requests;

    public TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));

    /// <summary>The URLs whose answers depend on one article alone: its detail and its related links.</summary>
    public static List<string> ArticleUrls(IEnumerable<string> ids) =>
        ids.SelectMany(id => new[] { $"/api/articles/{id}", $"/api/articles/{id}/related?pageSize=100" }).ToList();

    /// <summary>An article URL's answer as compared: the body of a 200, else the status alone (problems carry a trace id).</summary>
    public static async Task<string> AnswerAsync(HttpClient client, string url) => Answer(await GetAsync(client, url));

    static string Answer(Reply reply) =>
        reply.Status == HttpStatusCode.OK ? "200 " + reply.Body : ((int)reply.Status).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Runs <paramref name="readers"/> readers; <paramref name="started"/> completes once each has had
    /// an answer, and they stop after <paramref name="stop"/> completes.
    /// </summary>
    public Task RunAsync(int readers, TaskCompletionSource started, Task stop)
    {
        var answered = 0;
        return Task.WhenAll(Enumerable.Range(0, readers).Select(reader => Task.Run(async () =>
        {
            for (var i = 0; i == 0 || !stop.IsCompleted; i++)
            {
                await StepAsync((reader + i) % Steps, (i * readers) + reader);
                if (i == 0 && Interlocked.Increment(ref answered) == readers)
                {
                    started.TrySetResult();
                }
            }
        })));
    }

    async Task StepAsync(int step, int turn)
    {
        try
        {
            var slug = boundaries.TopicSlug;
            await (step switch
            {
                0 => ArticlePageAsync(turn),
                1 => TopicArticlesAsync($"/api/articles?topic={slug}&pageSize=100"),
                2 => TopicArticlesAsync($"/api/topics/{slug}/articles?pageSize=100&sort=title"),
                3 => VideosPageAsync(turn),
                4 or 5 => ArticleAnswerAsync(articleUrls[turn % articleUrls.Count]),
                6 => TopicsAsync(),
                7 => TopicAsync($"/api/topics/{slug}"),
                _ => ProvidersPageAsync(turn),
            });
        }
        catch (Exception e)
        {
            Failures.Enqueue(e is TimeoutException ? e.Message : $"step {step}: {e.GetType().Name}: {e.Message}");
        }
    }

    async Task ArticlePageAsync(int turn)
    {
        // Pages from the first to one past the last, as the last total seen tells.
        var page = 1 + (turn % (Volatile.Read(ref _articlePages) + 1));
        if (await GetPageAsync<JsonElement>($"/api/articles?pageSize=100&page={page}", page, 100) is { } body)
        {
            Seen(BatchBoundaries.All, body.TotalCount);
            Volatile.Write(ref _articlePages, body.TotalPages);
        }
    }

    async Task VideosPageAsync(int turn)
    {
        var page = 1 + (turn % (Volatile.Read(ref _videoPages) + 1));
        if (await GetPageAsync<JsonElement>($"/api/articles?type=video&pageSize=20&page={page}", page, 20) is { } body)
        {
            Seen(BatchBoundaries.Videos, body.TotalCount);
            Volatile.Write(ref _videoPages, body.TotalPages);
        }
    }

    async Task TopicArticlesAsync(string url)
    {
        var reply = await GetAsync(url);
        if (reply.Status == HttpStatusCode.NotFound && url.StartsWith("/api/topics/", StringComparison.Ordinal))
        {
            Seen(BatchBoundaries.Topic, 0);
        }
        else if (Page<SummaryDto>(url, reply, 1, 100) is { } body)
        {
            Seen(BatchBoundaries.Topic, body.TotalCount);
            if (body.Items.Any(a => !a.Topics.Contains(boundaries.TopicName, StringComparer.OrdinalIgnoreCase)))
            {
                Failures.Enqueue($"{url}: an item without topic {boundaries.TopicName}");
            }
        }
    }

    async Task TopicsAsync()
    {
        if (await GetPageAsync<TopicDto>("/api/topics?pageSize=100", 1, 100) is { } body)
        {
            Seen(BatchBoundaries.Topic, body.Items.SingleOrDefault(t => t.Slug == boundaries.TopicSlug)?.ArticleCount ?? 0);
        }
    }

    async Task TopicAsync(string url)
    {
        var reply = await GetAsync(url);
        if (reply.Status == HttpStatusCode.NotFound)
        {
            Seen(BatchBoundaries.Topic, 0);
        }
        else if (Ok(url, reply))
        {
            Seen(BatchBoundaries.Topic, JsonSerializer.Deserialize<TopicDto>(reply.Body, JsonSerializerOptions.Web)!.ArticleCount);
        }
    }

    async Task ProvidersPageAsync(int turn)
    {
        var page = 1 + (turn % 5);
        if (await GetPageAsync<ProviderDto>($"/api/providers?pageSize=100&page={page}", page, 100) is { } body && body.Items.Any(p => p.ArticleCount < 1))
        {
            Failures.Enqueue($"/api/providers page {page}: a provider without published articles");
        }
    }

    async Task ArticleAnswerAsync(string url) => ArticleAnswers.TryAdd((url, Answer(await GetAsync(url))), 0);

    void Seen(string set, int total) => Totals.AddOrUpdate((set, total), 1, (_, n) => n + 1);

    async Task<PageOf<T>?> GetPageAsync<T>(string url, int page, int pageSize) => Page<T>(url, await GetAsync(url), page, pageSize);

    // Every part of a paged answer follows from its one total: page count, items on this page, links.
    PageOf<T>? Page<T>(string url, Reply reply, int page, int pageSize)
    {
        if (!Ok(url, reply))
        {
            return null;
        }

        var body = JsonSerializer.Deserialize<PageOf<T>>(reply.Body, JsonSerializerOptions.Web)!;
        var pages = (body.TotalCount + pageSize - 1) / pageSize;
        var items = page <= pages ? Math.Min(pageSize, body.TotalCount - ((page - 1) * pageSize)) : 0;
        var expected = (pages, items, First: pages > 0 ? 1 : (int?)null, Prev: page > 1 ? page - 1 : (int?)null,
            Next: page < pages ? page + 1 : (int?)null, Last: pages > 0 ? pages : (int?)null);
        var actual = (body.TotalPages, body.Items.Count, LinkedPage(reply, "first"), LinkedPage(reply, "prev"),
            LinkedPage(reply, "next"), LinkedPage(reply, "last"));
        if (expected != actual)
        {
            Failures.Enqueue($"{url}: totalCount {body.TotalCount} expects (pages, items, first, prev, next, last) {expected}, got {actual}");
        }

        return body;
    }

    bool Ok(string url, Reply reply)
    {
        if (reply.Status != HttpStatusCode.OK)
        {
            Failures.Enqueue($"{url} answered {(int)reply.Status}: {HttpHelpers.Brief(reply.Body)}");
        }

        return reply.Status == HttpStatusCode.OK;
    }

    async Task<Reply> GetAsync(string url)
    {
        Interlocked.Increment(ref _requests);
        var started = Stopwatch.GetTimestamp();
        var reply = await GetAsync(client, url);
        var ticks = Stopwatch.GetElapsedTime(started).Ticks;
        for (var slowest = Interlocked.Read(ref _slowestTicks); ticks > slowest; slowest = Interlocked.Read(ref _slowestTicks))
        {
            Interlocked.CompareExchange(ref _slowestTicks, ticks, slowest);
        }

        return reply;
    }

    static async Task<Reply> GetAsync(HttpClient client, string url)
    {
        try
        {
            using var response = await client.GetAsync(url);
            return new Reply(response.StatusCode, HttpHelpers.Links(response), await response.Content.ReadAsStringAsync());
        }
        catch (TaskCanceledException e)
        {
            throw new TimeoutException($"{url}: no answer within {client.Timeout.TotalSeconds} s", e);
        }
    }

    static int? LinkedPage(Reply reply, string rel) =>
        reply.Links.TryGetValue(rel, out var url) && PageParameter().Match(url) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"[?&]page=(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex PageParameter();

    sealed record Reply(HttpStatusCode Status, Dictionary<string, string> Links, string Body);
}
