using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsApi.Domain;
using NewsApi.Domain.Articles;
using NewsApi.Domain.Data;
using NewsApi.Ingest.FrontMatter;
using NewsApi.Ingest.Storage;

namespace NewsApi.Ingest;

/// <summary>
/// Makes the database mirror a content root (SPEC section 2): adds new files, updates changed ones,
/// skips unchanged ones by size and time (or, failing that, by hash), and removes articles whose files
/// are gone. Files are decided in batches of <see cref="ImportSettings.BatchSize"/>; what they change is
/// committed once a batch's worth of files has changed, and with the last batch, so that a few changes
/// spread over many files cost a few transactions, not one per batch. A kill at any moment leaves a
/// consistent database. Each batch is reported to <c>onBatch</c> (<see cref="BatchReport"/>) right
/// after its commit, with the files whose fate that commit settled, before the next batch is written.
/// </summary>
public sealed class Importer(DbContextOptions<NewsDbContext> options, ImportSettings? settings = null)
{
    readonly ImportSettings _settings = settings ?? new ImportSettings();

    public async Task<ImportReport> ImportAsync(
        string contentRoot, Action<FileOutcome>? onFile = null, Action<BatchReport>? onBatch = null, CancellationToken ct = default)
    {
        if (!Directory.Exists(contentRoot))
        {
            throw new ImportUsageException($"content root not found: {contentRoot}");
        }

        var writer = options.ForWriter();
        await using var db = new NewsDbContext(writer);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync(ct);
        await DatabaseSchema.MigrateAsync(db, ct);
        await DatabaseSchema.PrepareForBulkWritesAsync(db, ct);
        await using var checkpoints = await DatabaseSchema.StartBackgroundCheckpointsAsync(db, ct);

        // A run killed during a bulk load left the indexes dropped; into an empty database, load first.
        await DatabaseSchema.CreateMissingIndexesAsync(db, ct);
        var empty = !await db.Articles.AnyAsync(ct);
        var indexDefinitions = Task.CompletedTask;
        if (empty)
        {
            await DatabaseSchema.DropSecondaryIndexesAsync(db, ct);
            indexDefinitions = DatabaseSchema.PrepareIndexDefinitionsAsync(writer);
        }

        // The stored versions are looked up on a connection of their own, so that lookups and writes
        // overlap; in a database that was empty there are none (an id written earlier in the run is a claim).
        await using var lookup = empty ? null : new NewsDbContext(writer);
        await using var run = new Run(db, lookup, _settings, onFile ?? (_ => { }), onBatch ?? (_ => { }));
        await run.StartAsync(ct);

        // Listing the folder and looking up the stored versions run ahead of SQLite's single writer on
        // the thread pool, each stage a batch ahead of the next. A batch's files are read and parsed
        // while the one before is written, not earlier: parsed batches are most of what the ingest
        // holds, and every one more in flight is copied by each garbage collection.
        var content = new ContentRoot(contentRoot);
        PreparedBatch? parsed = null;
        await foreach (var batch in ReadAhead.Of(run.LookedUpBatches(content, ct), ahead: 1, ct))
        {
            var parsing = run.StartReading(batch, ct);
            if (parsed is not null)
            {
                await run.WriteAsync(parsed, ct);
            }

            parsed = parsing;
        }

        if (parsed is not null)
        {
            await run.WriteAsync(parsed, ct);
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
        await indexDefinitions;
        await DatabaseSchema.CreateMissingIndexesAsync(db, ct);
        if (run.Totals.Added + run.Totals.Updated + run.Totals.Removed > 0)
        {
            await DatabaseSchema.AnalyzeAsync(db, ct);
        }

        return run.Totals;
    }

    sealed class Run(NewsDbContext db, NewsDbContext? lookup, ImportSettings settings, Action<FileOutcome> onFile, Action<BatchReport> onBatch) : IAsyncDisposable
    {
        readonly ArticleWriter _articles = new(db);
        readonly CatalogTally _catalog = new(db);

        // Counted once, then kept in step with each batch, so a batch report costs no count query.
        int _published;

        // Decided, not yet written: the changes, and the outcomes that their commit will settle.
        BatchChanges _pending = new();

        public ImportReport Totals { get; } = new();
        public SeenFiles Seen { get; } = new(db);

        public async Task StartAsync(CancellationToken ct)
        {
            await Seen.CreateAsync(ct);
            _published = await ArticleSearch.PublishedCountAsync(db, ct);
        }

        public void Report(FileOutcome outcome)
        {
            Totals.Count(outcome.Status);
            onFile(outcome);
        }

        /// <summary>The content's batches in path order, each with the stored versions of its files.</summary>
        public async IAsyncEnumerable<LookedUpBatch> LookedUpBatches(ContentRoot content, [EnumeratorCancellation] CancellationToken ct)
        {
            // Listing 100,000 files takes about as long as looking them up: one stage each. A batch is
            // looked up once the next one is listed, so that the last one is known to be the last.
            ContentFile[]? listed = null;
            await foreach (var files in ReadAhead.Of(content.Files().Chunk(settings.BatchSize).ToAsyncEnumerable(), ahead: 1, ct))
            {
                if (listed is not null)
                {
                    yield return await LookUpAsync(listed, last: false, ct);
                }

                listed = files;
            }

            if (listed is not null)
            {
                yield return await LookUpAsync(listed, last: true, ct);
            }
        }

        async Task<LookedUpBatch> LookUpAsync(ContentFile[] files, bool last, CancellationToken ct)
        {
            var ids = files.Select(f => f.Id).Distinct(StringComparer.Ordinal).ToList();
            if (lookup is null)
            {
                return new LookedUpBatch(files, ids, new Dictionary<string, StoredSource>(StringComparer.Ordinal), last);
            }

            var stored = await lookup.Articles.AsNoTracking()
                .Where(a => ids.Contains(a.Id))
                .Select(a => new StoredSource(a.Id, a.Source.Path, a.Source.Length, a.Source.ModifiedTicks, a.Source.ContentHash))
                .ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, ct);
            return new LookedUpBatch(files, ids, stored, last);
        }

        /// <summary>Starts reading, hashing and parsing the batch's files, and converting their articles to rows, on every core.</summary>
        public PreparedBatch StartReading(LookedUpBatch batch, CancellationToken ct)
        {
            var (files, _, stored, _) = batch;
            var prepared = new FilePreparation[files.Length];
            var reading = Parallel.ForAsync(0, files.Length, ct, (i, _) =>
            {
                prepared[i] = FilePreparation.Prepare(files[i], stored.GetValueOrDefault(files[i].Id), settings.Limits, _articles.Rows);
                return ValueTask.CompletedTask;
            });
            return new PreparedBatch(batch, prepared, reading);
        }

        /// <summary>
        /// Decides each file's fate in path order (which file wins an id depends on the batches
        /// before it, so claims are read only now), and writes the changes decided so far once they
        /// reach a batch's worth. Files that need no write are settled by the batch's own commit.
        /// </summary>
        public async Task WriteAsync(PreparedBatch batch, CancellationToken ct)
        {
            var ((files, ids, stored, last), prepared, reading) = batch;
            await reading;
            Totals.FilesFound += files.Length;
            var claims = await Seen.FindAsync(ids, ct);

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var settled = new List<FileOutcome>(files.Length);
            for (var i = 0; i < files.Length; i++)
            {
                var outcome = await DecideAsync(files[i], prepared[i], stored.GetValueOrDefault(files[i].Id), claims, ct);
                (outcome.Status is FileStatus.Added or FileStatus.Updated ? _pending.Outcomes : settled).Add(outcome);
            }

            var publishedChange = 0;
            if (last || _pending.Count >= settings.BatchSize)
            {
                publishedChange = await ApplyAsync(_pending, transaction.GetDbTransaction(), ct);
                settled.AddRange(_pending.Outcomes);
                _pending = new BatchChanges();
            }

            await transaction.CommitAsync(ct);
            Committed(settled, publishedChange);
        }

        void Committed(List<FileOutcome> outcomes, int publishedChange)
        {
            _published += publishedChange;
            outcomes.ForEach(Report);
            onBatch(BatchReport.Of(outcomes, _published));
        }

        async Task<FileOutcome> DecideAsync(ContentFile file, FilePreparation prepared, StoredSource? stored, Dictionary<string, string?> claims, CancellationToken ct)
        {
            var claimedBy = claims.GetValueOrDefault(file.Id);
            if (claimedBy is null && prepared.SameStat)
            {
                await ClaimAsync(claims, file, ct);
                return new FileOutcome(file.RelativePath, FileStatus.Unchanged);
            }

            if (prepared.ReadError is { } readError)
            {
                return await RejectAsync(claims, file, readError, ct);
            }

            if (claimedBy is null && !prepared.Parsed)
            {
                // Same bytes with a new time: remember the time so the next run takes the shortcut.
                _pending.Touched.Add((file.Id, file.Length, file.ModifiedTicks));
                await ClaimAsync(claims, file, ct);
                return new FileOutcome(file.RelativePath, FileStatus.Unchanged);
            }

            // A later path with a claimed id: it is a duplicate if it parses (SPEC), else rejected for its own reason.
            var error = prepared.Parsed ? prepared.ParseError : FilePreparation.Prepare(file, stored, settings.Limits, toRows: null, forceParse: true).ParseError;
            if (error is not null)
            {
                return await RejectAsync(claims, file, error, ct);
            }

            if (claimedBy is not null)
            {
                return await RejectAsync(claims, file, new FrontMatterError($"duplicate id '{file.Id}': {claimedBy} has it already"), ct);
            }

            await ClaimAsync(claims, file, ct);
            _pending.Articles.Add(prepared.Rows!);
            if (stored is not null)
            {
                _pending.Replaced.Add(file.Id);
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

        /// <summary>Writes the batch's changes; returns how they changed the number of published articles.</summary>
        async Task<int> ApplyAsync(BatchChanges changes, System.Data.Common.DbTransaction transaction, CancellationToken ct)
        {
            foreach (var (id, length, ticks) in changes.Touched)
            {
                await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Source.Length, length)
                    .SetProperty(a => a.Source.ModifiedTicks, ticks), ct);
            }

            if (changes.Articles.Count == 0)
            {
                return 0;
            }

            await ContentVersions.BumpAsync(db, ct);
            var publishedReplaced = await _catalog.SubtractAsync(changes.Replaced, ct);
            if (changes.Replaced.Count > 0)
            {
                await db.Articles.Where(a => changes.Replaced.Contains(a.Id)).ExecuteDeleteAsync(ct);
            }
            foreach (var rows in changes.Articles)
            {
                await _articles.InsertAsync(rows, transaction, ct);
                _catalog.Add(rows.Votes);
            }

            await _catalog.ApplyAsync(ct);
            return changes.Articles.Count(a => a.Votes.Published) - publishedReplaced;
        }

        public async Task RemoveMissingAsync(CancellationToken ct)
        {
            // Ids alone, so that SQLite reads the Id index (7 MB at 100,000 articles), not the rows (400 MB).
            var missing = await db.Database
                .SqlQueryRaw<string>("SELECT Id AS Value FROM Articles WHERE Id NOT IN (SELECT Id FROM temp.ingest_seen)")
                .ToListAsync(ct);
            foreach (var batch in missing.Chunk(settings.BatchSize))
            {
                var ids = batch.ToList();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var paths = await db.Articles.Where(a => ids.Contains(a.Id)).Select(a => a.Source.Path).ToListAsync(ct);
                await ContentVersions.BumpAsync(db, ct);
                var publishedRemoved = await _catalog.SubtractAsync(ids, ct);
                await db.Articles.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(ct);
                await _catalog.ApplyAsync(ct);
                await transaction.CommitAsync(ct);
                Committed(paths.ConvertAll(path => new FileOutcome(path, FileStatus.Removed)), -publishedRemoved);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _articles.DisposeAsync();
            await _catalog.DisposeAsync();
            await Seen.DisposeAsync();
        }
    }

    sealed record LookedUpBatch(ContentFile[] Files, List<string> Ids, Dictionary<string, StoredSource> Stored, bool Last);

    sealed record PreparedBatch(LookedUpBatch Batch, FilePreparation[] Prepared, Task Reading);

    sealed class BatchChanges
    {
        public List<ArticleRows> Articles { get; } = [];
        public List<string> Replaced { get; } = [];
        public List<(string Id, long Length, long Ticks)> Touched { get; } = [];

        /// <summary>The added and updated files whose fate the write settles.</summary>
        public List<FileOutcome> Outcomes { get; } = [];

        /// <summary>Rows to write.</summary>
        public int Count => Articles.Count + Touched.Count;
    }
}
