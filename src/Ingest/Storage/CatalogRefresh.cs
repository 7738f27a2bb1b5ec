using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Articles;
using NewsApi.Domain.Data;
using NewsApi.Domain.Text;

namespace NewsApi.Ingest.Storage;

/// <summary>
/// Providers and topics are derived from articles. Whenever articles change, the rows of the
/// providers and topics they name (before and after) are recomputed in the same transaction, so a
/// count is always that of the articles beside it.
/// </summary>
sealed class CatalogRefresh(NewsDbContext db)
{
    public async Task ProvidersAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return;
        }

        var votes = await db.Articles.AsNoTracking()
            .Where(a => a.Published && a.ProviderKey != null && keys.Contains(a.ProviderKey))
            .GroupBy(a => new { a.ProviderKey, a.ProviderName, a.ProviderImages })
            .Select(g => new { g.Key.ProviderKey, g.Key.ProviderName, g.Key.ProviderImages, Votes = g.Count(), Newest = g.Max(a => a.PublishedAtUtc) })
            .ToListAsync(ct);

        await db.Providers.Where(p => keys.Contains(p.Key)).ExecuteDeleteAsync(ct);
        foreach (var provider in votes.GroupBy(v => v.ProviderKey!))
        {
            var name = MostGiven(provider, v => v.ProviderName, v => v.Votes, v => v.Newest);
            db.Providers.Add(new Provider
            {
                Key = provider.Key,
                Name = name,
                NameKey = TextKeys.Fold(name),
                Images = MostGiven(provider, v => v.ProviderImages, v => v.Votes, v => v.Newest) ?? [],
                ArticleCount = provider.Sum(v => v.Votes),
            });
        }
    }

    public async Task TopicsAsync(IReadOnlyCollection<string> slugs, CancellationToken ct)
    {
        if (slugs.Count == 0)
        {
            return;
        }

        var votes = await db.ArticleTopics.AsNoTracking()
            .Where(t => slugs.Contains(t.TopicSlug))
            .Join(db.Articles.Where(a => a.Published), t => t.ArticleId, a => a.Id, (t, a) => new { t.TopicSlug, t.Name, a.PublishedAtUtc })
            .GroupBy(x => new { x.TopicSlug, x.Name })
            .Select(g => new { g.Key.TopicSlug, g.Key.Name, Votes = g.Count(), Newest = g.Max(x => x.PublishedAtUtc) })
            .ToListAsync(ct);

        await db.Topics.Where(t => slugs.Contains(t.Slug)).ExecuteDeleteAsync(ct);
        foreach (var topic in votes.GroupBy(v => v.TopicSlug))
        {
            var name = MostGiven(topic, v => v.Name, v => v.Votes, v => v.Newest)!;
            db.Topics.Add(new Topic
            {
                Slug = topic.Key,
                Name = name,
                NameKey = TextKeys.Fold(name)!,
                ArticleCount = topic.Sum(v => v.Votes),
            });
        }
    }

    // SPEC: what most published articles give; ties go to the value of the newest article.
    static TValue? MostGiven<TVote, TValue>(IEnumerable<TVote> votes, Func<TVote, TValue?> value, Func<TVote, int> count, Func<TVote, DateTime?> newest)
    {
        var tallies = new List<(TValue? Value, int Votes, DateTime? Newest)>();
        foreach (var vote in votes)
        {
            var v = value(vote);
            var i = tallies.FindIndex(t => Same(t.Value, v));
            if (i < 0)
            {
                tallies.Add((v, count(vote), newest(vote)));
            }
            else
            {
                var t = tallies[i];
                tallies[i] = (t.Value, t.Votes + count(vote), Max(t.Newest, newest(vote)));
            }
        }

        return tallies
            .OrderByDescending(t => t.Votes)
            .ThenByDescending(t => t.Newest ?? DateTime.MinValue)
            .Select(t => t.Value)
            .FirstOrDefault();
    }

    static bool Same<TValue>(TValue? a, TValue? b) =>
        a is List<ImageInfo> x && b is List<ImageInfo> y ? ImageJson.Serialize(x) == ImageJson.Serialize(y) : Equals(a, b);

    static DateTime? Max(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
