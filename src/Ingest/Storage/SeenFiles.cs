using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace NewsApi.Ingest.Storage;

/// <summary>
/// The ids this run has seen, in a temporary table on the ingest's connection rather than in memory,
/// so a million-file run stays small. A claimed id belongs to the file that won it (SPEC: the first
/// path that parses); an unclaimed one only protects an earlier good version from removal.
/// </summary>
sealed class SeenFiles(DbContext db) : IAsyncDisposable
{
    DbCommand? _add;

    // Pooled connections keep temp tables, so a run in the same process must not find the last run's ids.
    public async Task CreateAsync(CancellationToken ct)
    {
        await DropAsync(ct);
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TEMP TABLE ingest_seen (Id TEXT PRIMARY KEY, Path TEXT NOT NULL, Claimed INTEGER NOT NULL)", ct);
    }

    public async Task DropAsync(CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS temp.ingest_seen", ct);

    /// <summary>For each given id already seen in this run: the path that claimed it, or null when unclaimed.</summary>
    public async Task<Dictionary<string, string?>> FindAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var rows = await db.Database
            .SqlQueryRaw<SeenRow>("SELECT Id, Path, Claimed FROM temp.ingest_seen")
            .Where(r => ids.Contains(r.Id))
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => r.Claimed == 1 ? r.Path : null, StringComparer.Ordinal);
    }

    sealed record SeenRow(string Id, string Path, long Claimed);

    /// <summary>Records a file's id; a claim replaces an earlier unclaimed sighting, never another claim.</summary>
    public async Task AddAsync(string id, string path, bool claimed, CancellationToken ct)
    {
        if (_add is null)
        {
            _add = CreateCommand();
            _add.CommandText = """
                INSERT INTO ingest_seen (Id, Path, Claimed) VALUES (@id, @path, @claimed)
                ON CONFLICT (Id) DO UPDATE SET Path = excluded.Path, Claimed = 1
                WHERE ingest_seen.Claimed = 0 AND excluded.Claimed = 1
                """;
            AddParameter(_add, "@id", "");
            AddParameter(_add, "@path", "");
            AddParameter(_add, "@claimed", 0);
        }

        _add.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        _add.Parameters[0].Value = id;
        _add.Parameters[1].Value = path;
        _add.Parameters[2].Value = claimed ? 1 : 0;
        await _add.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_add is not null)
        {
            await _add.DisposeAsync();
        }
    }

    DbCommand CreateCommand()
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
