using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsApi.Domain.Articles;
using NewsApi.Domain.Data;
using NewsApi.Domain.Text;

namespace NewsApi.Ingest.Storage;

/// <summary>
/// Keeps providers and topics in step with the articles of each batch, in the batch's transaction:
/// the published articles written add their votes (<see cref="CatalogVote"/>), those replaced or removed
/// take theirs back, and the provider and topic rows touched are rebuilt from their few vote rows.
/// </summary>
sealed class CatalogTally(NewsDbContext db) : IAsyncDisposable
{
    readonly Dictionary<(string Kind, string Key, string Value), Change> _changes = [];
    readonly BulkInsert<CatalogVote> _votes = new(db, upsert: true);
    readonly BulkInsert<Provider> _providers = new(db, upsert: true);
    readonly BulkInsert<Topic> _topics = new(db, upsert: true);

    // The stored votes of the last batch's keys: consecutive batches mostly touch the same providers
    // and topics, so each batch loads only the keys that the one before did not touch. Only this
    // class writes votes, so what it carries is what is stored; it holds one batch's keys, no more.
    Dictionary<string, List<CatalogVote>> _carried = new(StringComparer.Ordinal);

    sealed class Change
    {
        public int Delta;
        public DateTime? NewestAdded;
        public DateTime? NewestRemoved;
        public bool Removed;
    }

    /// <summary>Counts a written article's votes.</summary>
    public void Add(ArticleVotes votes) => Count(
        votes.Published, votes.ProviderKey, votes.ProviderName, votes.ProviderImagesJson, votes.PublishedAtUtc, votes.Topics, +1);

    /// <summary>Takes back the votes of stored articles about to be replaced or removed; returns how many of them were published.</summary>
    public async Task<int> SubtractAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        var stored = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.Published)
            .Select(a => new { a.ProviderKey, a.ProviderName, a.ProviderImages, a.PublishedAtUtc, Topics = a.Topics.Select(t => new { t.TopicSlug, t.Name }).ToList() })
            .ToListAsync(ct);
        foreach (var a in stored)
        {
            Count(true, a.ProviderKey, a.ProviderName, ImageJson.Serialize(a.ProviderImages), a.PublishedAtUtc, a.Topics.Select(t => (t.TopicSlug, t.Name)), -1);
        }

        return stored.Count;
    }

    void Count(bool published, string? providerKey, string? providerName, string providerImages, DateTime? date, IEnumerable<(string Slug, string Name)> topics, int sign)
    {
        if (!published)
        {
            return;
        }

        if (providerKey is not null)
        {
            Vote(CatalogVote.ProviderName, providerKey, providerName ?? "", date, sign);
            Vote(CatalogVote.ProviderImages, providerKey, providerImages, date, sign);
        }

        foreach (var (slug, name) in topics)
        {
            Vote(CatalogVote.TopicName, slug, name, date, sign);
        }
    }

    void Vote(string kind, string key, string value, DateTime? date, int sign)
    {
        if (!_changes.TryGetValue((kind, key, value), out var change))
        {
            _changes[(kind, key, value)] = change = new Change();
        }

        change.Delta += sign;
        if (sign > 0)
        {
            change.NewestAdded = Later(change.NewestAdded, date);
        }
        else
        {
            change.Removed = true;
            change.NewestRemoved = Later(change.NewestRemoved, date);
        }
    }

    /// <summary>Writes the batch's votes and rebuilds the providers and topics they touch; call after the articles are written.</summary>
    public async Task ApplyAsync(CancellationToken ct)
    {
        if (_changes.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var keys = _changes.Keys.Select(k => k.Key).Distinct().ToList();
        var votes = await StoredVotesAsync(keys, ct);
        var gone = false;
        foreach (var ((kind, key, value), change) in _changes)
        {
            var vote = votes.GetValueOrDefault((kind, key, value)) ?? new CatalogVote { Kind = kind, Key = key, Value = value };
            var newest = vote.Newest;
            vote.Votes += change.Delta;
            vote.Newest = Later(vote.Newest, change.NewestAdded);

            // The newest article of a group left: find the next newest (rare, and an indexed lookup).
            if (change.Removed && vote.Votes > 0 && newest is not null && change.NewestRemoved >= newest)
            {
                vote.Newest = await NewestAsync(kind, key, value, ct);
            }

            votes[(kind, key, value)] = vote;
            gone |= vote.Votes <= 0;
            await _votes.InsertAsync(vote, transaction, ct);
        }

        if (gone)
        {
            await db.CatalogVotes.Where(v => keys.Contains(v.Key) && v.Votes <= 0).ExecuteDeleteAsync(ct);
        }

        await RebuildProvidersAsync(votes.Values.Where(v => v.Kind != CatalogVote.TopicName), transaction, ct);
        await RebuildTopicsAsync(votes.Values.Where(v => v.Kind == CatalogVote.TopicName), transaction, ct);
        Carry(keys, votes.Values);
        _changes.Clear();
    }

    async Task<Dictionary<(string Kind, string Key, string Value), CatalogVote>> StoredVotesAsync(List<string> keys, CancellationToken ct)
    {
        var missing = keys.Where(k => !_carried.ContainsKey(k)).ToList();
        var stored = missing.Count == 0 ? [] : await db.CatalogVotes.AsNoTracking().Where(v => missing.Contains(v.Key)).ToListAsync(ct);
        stored.AddRange(keys.SelectMany(k => _carried.GetValueOrDefault(k) ?? []));
        return stored.ToDictionary(v => (v.Kind, v.Key, v.Value));
    }

    void Carry(List<string> keys, IEnumerable<CatalogVote> votes)
    {
        _carried = keys.ToDictionary(k => k, _ => new List<CatalogVote>(), StringComparer.Ordinal);
        foreach (var vote in votes.Where(v => v.Votes > 0))
        {
            _carried[vote.Key].Add(vote);
        }
    }

    // Rows of the providers still named are replaced in place; the rest are deleted.
    async Task RebuildProvidersAsync(IEnumerable<CatalogVote> votes, System.Data.Common.DbTransaction transaction, CancellationToken ct)
    {
        var unnamed = new List<string>();
        foreach (var provider in votes.GroupBy(v => v.Key))
        {
            var names = provider.Where(v => v.Kind == CatalogVote.ProviderName && v.Votes > 0).ToList();
            if (names.Count == 0)
            {
                unnamed.Add(provider.Key);
                continue;
            }

            var name = NullIfEmpty(MostGiven(names));
            var row = _providers.Shape.Values(new Provider { Key = provider.Key, Name = name, NameKey = TextKeys.Fold(name), ArticleCount = names.Sum(v => v.Votes) });

            // The images as the votes hold them: the JSON that the article rows store, which is what the column stores too.
            if (MostGiven(provider.Where(v => v.Kind == CatalogVote.ProviderImages && v.Votes > 0)) is { } images)
            {
                row[_providers.Shape.IndexOf(nameof(Provider.Images))] = images;
            }

            await _providers.InsertAsync(row, transaction, ct);
        }

        if (unnamed.Count > 0)
        {
            await db.Providers.Where(p => unnamed.Contains(p.Key)).ExecuteDeleteAsync(ct);
        }
    }

    async Task RebuildTopicsAsync(IEnumerable<CatalogVote> votes, System.Data.Common.DbTransaction transaction, CancellationToken ct)
    {
        var unnamed = new List<string>();
        foreach (var topic in votes.GroupBy(v => v.Key))
        {
            var names = topic.Where(v => v.Votes > 0).ToList();
            if (names.Count == 0)
            {
                unnamed.Add(topic.Key);
                continue;
            }

            var name = MostGiven(names)!;
            await _topics.InsertAsync(new Topic { Slug = topic.Key, Name = name, NameKey = TextKeys.Fold(name)!, ArticleCount = names.Sum(v => v.Votes) }, transaction, ct);
        }

        if (unnamed.Count > 0)
        {
            await db.Topics.Where(t => unnamed.Contains(t.Slug)).ExecuteDeleteAsync(ct);
        }
    }

    Task<DateTime?> NewestAsync(string kind, string key, string value, CancellationToken ct)
    {
        switch (kind)
        {
            case CatalogVote.ProviderName:
                return db.Articles
                    .Where(a => a.Published && a.ProviderKey == key && (a.ProviderName ?? "") == value)
                    .MaxAsync(a => a.PublishedAtUtc, ct);
            case CatalogVote.ProviderImages:
                // A plain local, so EF Core binds it as a parameter instead of compiling a call per query.
                var images = ImageJson.Deserialize(value);
                return db.Articles
                    .Where(a => a.Published && a.ProviderKey == key && a.ProviderImages == images)
                    .MaxAsync(a => a.PublishedAtUtc, ct);
            default:
                return db.ArticleTopics
                    .Where(t => t.TopicSlug == key && t.Name == value)
                    .Join(db.Articles.Where(a => a.Published), t => t.ArticleId, a => a.Id, (t, a) => a.PublishedAtUtc)
                    .MaxAsync(ct);
        }
    }

    // SPEC: what most published articles give; ties go to the value of the newest article.
    static string? MostGiven(IEnumerable<CatalogVote> votes) => votes
        .OrderByDescending(v => v.Votes)
        .ThenByDescending(v => v.Newest ?? DateTime.MinValue)
        .ThenBy(v => v.Value, StringComparer.Ordinal)
        .FirstOrDefault()?.Value;

    static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    public async ValueTask DisposeAsync()
    {
        await _votes.DisposeAsync();
        await _providers.DisposeAsync();
        await _topics.DisposeAsync();
    }
}

/// <summary>What an article tells the catalog: its provider's name and images and its topics' names, if it is published.</summary>
sealed record ArticleVotes(
    bool Published, string? ProviderKey, string? ProviderName, string ProviderImagesJson, DateTime? PublishedAtUtc, (string Slug, string Name)[] Topics)
{
    /// <summary><paramref name="providerImagesJson"/>: the article's provider images as stored.</summary>
    public static ArticleVotes Of(Article article, string providerImagesJson) => new(
        article.Published, article.ProviderKey, article.ProviderName, providerImagesJson, article.PublishedAtUtc,
        [.. article.Topics.Select(t => (t.TopicSlug, t.Name))]);
}
