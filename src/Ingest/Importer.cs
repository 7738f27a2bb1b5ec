using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Articles;
using NewsApi.Domain.Data;
using NewsApi.Ingest.FrontMatter;
using NewsApi.Ingest.Storage;

namespace NewsApi.Ingest;

/// <summary>
/// Makes the database mirror a content root (SPEC section 2): adds new files, updates changed ones,
/// skips unchanged ones by size and time (or, failing that, by hash), and removes articles whose files
/// are gone. Work is committed in batches; a kill between or inside batches leaves a consistent database.
/// </summary>
public sealed class Importer(DbContextOptions<NewsDbContext> options, ImportSettings? settings = null)
{
    readonly ImportSettings _settings = settings ?? new ImportSettings();

    public async Task<ImportReport> ImportAsync(string contentRoot, Action<FileOutcome>? onFile = null, CancellationToken ct = default)
    {
        if (!Directory.Exists(contentRoot))
        {
            throw new ImportUsageException($"content root not found: {contentRoot}");
        }

        await using var db = new NewsDbContext(options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync(ct);
        await DatabaseSchema.MigrateAsync(db, ct);
        var run = new Run(db, _settings, onFile ?? (_ => { }));
        await run.Seen.CreateAsync(ct);

        var content = new ContentRoot(contentRoot);
        foreach (var batch in content.Files().Chunk(_settings.BatchSize))
        {
            await run.ImportBatchAsync(batch, ct);
        }

        foreach (var folder in content.UnreadableFolders)
        {
            run.Report(new FileOutcome(folder, FileStatus.Rejected, "cannot list this folder: nothing under it was read or removed"));
        }

        if (run.Totals.FilesFound == 0 && !_settings.AllowEmpty && await db.Articles.AnyAsync(ct))
        {
            throw new ImportUsageException(
                $"content root {contentRoot} holds no markdown file but the database holds articles; " +
                "refusing to remove them all (is the content mounted? pass --allow-empty to empty the database)");
        }

        if (content.UnreadableFolders.Count == 0)
        {
            await run.RemoveMissingAsync(ct);
        }

        await run.Seen.DropAsync(ct);
        return run.Totals;
    }

    sealed class Run(NewsDbContext db, ImportSettings settings, Action<FileOutcome> onFile)
    {
        public ImportReport Totals { get; } = new();
        public SeenFiles Seen { get; } = new(db);

        public void Report(FileOutcome outcome)
        {
            Totals.Count(outcome.Status);
            onFile(outcome);
        }

        public async Task ImportBatchAsync(ContentFile[] files, CancellationToken ct)
        {
            Totals.FilesFound += files.Length;
            var ids = files.Select(f => f.Id).Distinct(StringComparer.Ordinal).ToList();
            var stored = await db.Articles.AsNoTracking()
                .Where(a => ids.Contains(a.Id))
                .Select(a => new StoredSource(a.Id, a.Source.Path, a.Source.Length, a.Source.ModifiedTicks, a.Source.Sha256))
                .ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, ct);
            var claims = await Seen.FindAsync(ids, ct);

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var changes = new BatchChanges();
            var outcomes = new List<FileOutcome>(files.Length);
            foreach (var file in files)
            {
                var outcome = await ImportFileAsync(file, stored.GetValueOrDefault(file.Id), claims, changes, ct);
                outcomes.Add(outcome);
            }

            await ApplyAsync(changes, ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            outcomes.ForEach(Report);
        }

        async Task<FileOutcome> ImportFileAsync(ContentFile file, StoredSource? stored, Dictionary<string, string?> claims, BatchChanges changes, CancellationToken ct)
        {
            var id = file.Id;
            var claimedBy = claims.GetValueOrDefault(id);
            var sameFile = claimedBy is null && stored is not null && stored.Path == file.RelativePath;
            if (sameFile && stored!.Length == file.Length && stored.ModifiedTicks == file.ModifiedTicks)
            {
                await ClaimAsync(claims, file, ct);
                return new FileOutcome(file.RelativePath, FileStatus.Unchanged);
            }

            if (file.Length > settings.Limits.MaxFileBytes)
            {
                return await RejectAsync(claims, file, new FrontMatterError($"file is {file.Length} bytes, over the limit of {settings.Limits.MaxFileBytes}"), ct);
            }

            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(file.FullPath, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return await RejectAsync(claims, file, new FrontMatterError($"cannot read the file: {e.Message}"), ct);
            }

            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (sameFile && stored!.Sha256 == sha256)
            {
                // Same bytes with a new time: remember the time so the next run takes the shortcut.
                changes.Touched.Add((id, file.Length, file.ModifiedTicks));
                await ClaimAsync(claims, file, ct);
                return new FileOutcome(file.RelativePath, FileStatus.Unchanged);
            }

            var (document, error) = FrontMatterParser.Parse(bytes, settings.Limits);
            if (error is not null)
            {
                return await RejectAsync(claims, file, error, ct);
            }

            if (claimedBy is not null)
            {
                return await RejectAsync(claims, file, new FrontMatterError($"duplicate id '{id}': {claimedBy} has it already"), ct);
            }

            await ClaimAsync(claims, file, ct);
            changes.Articles.Add(ArticleMapper.ToArticle(document!, file, sha256));
            if (stored is not null)
            {
                changes.Replaced.Add(id);
                return new FileOutcome(file.RelativePath, FileStatus.Updated);
            }

            return new FileOutcome(file.RelativePath, FileStatus.Added);
        }

        async Task ClaimAsync(Dictionary<string, string?> claims, ContentFile file, CancellationToken ct)
        {
            claims[file.Id] = file.RelativePath;
            await Seen.AddAsync(file.Id, file.RelativePath, claimed: true, ct);
        }

        // A rejected file still counts as seen, so an earlier good version of it is not removed.
        async Task<FileOutcome> RejectAsync(Dictionary<string, string?> claims, ContentFile file, FrontMatterError error, CancellationToken ct)
        {
            claims.TryAdd(file.Id, null);
            await Seen.AddAsync(file.Id, file.RelativePath, claimed: false, ct);
            return new FileOutcome(file.RelativePath, FileStatus.Rejected, error.Reason, error.Line, error.Column);
        }

        async Task ApplyAsync(BatchChanges changes, CancellationToken ct)
        {
            foreach (var (id, length, ticks) in changes.Touched)
            {
                await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Source.Length, length)
                    .SetProperty(a => a.Source.ModifiedTicks, ticks), ct);
            }

            if (changes.Articles.Count == 0 && changes.Replaced.Count == 0)
            {
                return;
            }

            var (providers, topics) = await CatalogKeysAsync(changes.Replaced, ct);
            await db.Articles.Where(a => changes.Replaced.Contains(a.Id)).ExecuteDeleteAsync(ct);
            db.Articles.AddRange(changes.Articles);
            await db.SaveChangesAsync(ct);
            foreach (var article in changes.Articles)
            {
                if (article.ProviderKey is not null)
                {
                    providers.Add(article.ProviderKey);
                }

                topics.UnionWith(article.Topics.Select(t => t.TopicSlug));
            }

            await RefreshCatalogAsync(providers, topics, ct);
        }

        public async Task RemoveMissingAsync(CancellationToken ct)
        {
            var missing = await db.Database
                .SqlQueryRaw<StoredPath>("SELECT Id, SourcePath AS Path FROM Articles WHERE Id NOT IN (SELECT Id FROM temp.ingest_seen)")
                .ToListAsync(ct);
            foreach (var batch in missing.Chunk(settings.BatchSize))
            {
                var ids = batch.Select(m => m.Id).ToList();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var (providers, topics) = await CatalogKeysAsync(ids, ct);
                await db.Articles.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(ct);
                await RefreshCatalogAsync(providers, topics, ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
                foreach (var removed in batch)
                {
                    Report(new FileOutcome(removed.Path, FileStatus.Removed));
                }
            }
        }

        // The providers and topics that articles about to be replaced or removed count towards.
        async Task<(HashSet<string> Providers, HashSet<string> Topics)> CatalogKeysAsync(List<string> ids, CancellationToken ct)
        {
            if (ids.Count == 0)
            {
                return ([], []);
            }

            var providers = await db.Articles.Where(a => ids.Contains(a.Id) && a.ProviderKey != null).Select(a => a.ProviderKey!).Distinct().ToListAsync(ct);
            var topics = await db.ArticleTopics.Where(t => ids.Contains(t.ArticleId)).Select(t => t.TopicSlug).Distinct().ToListAsync(ct);
            return (providers.ToHashSet(StringComparer.Ordinal), topics.ToHashSet(StringComparer.Ordinal));
        }

        async Task RefreshCatalogAsync(HashSet<string> providers, HashSet<string> topics, CancellationToken ct)
        {
            var refresh = new CatalogRefresh(db);
            await refresh.ProvidersAsync(providers, ct);
            await refresh.TopicsAsync(topics, ct);
            await db.SaveChangesAsync(ct);
        }
    }

    sealed record StoredSource(string Id, string Path, long Length, long ModifiedTicks, string Sha256);

    sealed record StoredPath(string Id, string Path);

    sealed class BatchChanges
    {
        public List<Article> Articles { get; } = [];
        public List<string> Replaced { get; } = [];
        public List<(string Id, long Length, long Ticks)> Touched { get; } = [];
    }
}
