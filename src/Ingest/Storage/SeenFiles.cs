using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsApi.Domain.Data;

namespace NewsApi.Ingest.Storage;

/// <summary>
/// The ids this run has seen, in a temporary table on the ingest's connection rather than in memory,
/// so a million-file run stays small. A claimed id belongs to the file that won it (SPEC: the first
/// path that parses); an unclaimed one only protects an earlier good version from removal.
/// </summary>
sealed class SeenFiles(DbContext db) : IAsyncDisposable
{
    DbCommand? _find;
    DbCommand? _add;
    PositionalInsert? _addPositional;

    // One bit per id hash (4 MB): a batch whose ids all miss it (the usual case: ids repeat only in
    // a duplicate) needs no lookup in the table. A false hit only costs a lookup that finds nothing.
    readonly ulong[] _maybeSeen = new ulong[1 << 19];
    const int HashBits = 25;

    // Pooled connections keep temp tables, so a run in the same process must not find the last run's ids.
    public async Task CreateAsync(CancellationToken ct)
    {
        Array.Clear(_maybeSeen);
        await DropAsync(ct);
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TEMP TABLE ingest_seen (Id TEXT PRIMARY KEY, Path TEXT NOT NULL, Claimed INTEGER NOT NULL)", ct);
    }

    public async Task DropAsync(CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS temp.ingest_seen", ct);

    /// <summary>For each given id already seen in this run: the path that claimed it, or null when unclaimed.</summary>
    public async Task<Dictionary<string, string?>> FindAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var found = new Dictionary<string, string?>(StringComparer.Ordinal);
        var candidates = ids.Where(MaybeSeen).ToList();
        if (candidates.Count == 0)
        {
            return found;
        }

        // A command of our own rather than a query through EF Core, whose first compilation cost ~55 ms.
        if (_find is null)
        {
            _find = CreateCommand();
            _find.CommandText = "SELECT Id, Path, Claimed FROM temp.ingest_seen WHERE Id IN (SELECT value FROM json_each(@ids))";
            AddParameter(_find, "@ids", "[]");
        }

        _find.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        _find.Parameters[0].Value = JsonSerializer.Serialize(candidates);
        await using var reader = await _find.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found[reader.GetString(0)] = reader.GetInt64(2) == 1 ? reader.GetString(1) : null;
        }

        return found;
    }

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
            _addPositional = PositionalInsert.TryPrepare(db, _add.CommandText);
        }

        var bit = Bit(id);
        _maybeSeen[bit >> 6] |= 1UL << bit;
        if (_addPositional is not null)
        {
            _addPositional.Bind(0, id);
            _addPositional.Bind(1, path);
            _addPositional.Bind(2, claimed ? 1L : 0L);
            _addPositional.Execute();
            return;
        }

        _add.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        _add.Parameters[0].Value = id;
        _add.Parameters[1].Value = path;
        _add.Parameters[2].Value = claimed ? 1 : 0;
        await _add.ExecuteNonQueryAsync(ct);
    }

    bool MaybeSeen(string id)
    {
        var bit = Bit(id);
        return (_maybeSeen[bit >> 6] & (1UL << bit)) != 0;
    }

    static int Bit(string id) => (int)((uint)id.GetHashCode() >> (32 - HashBits));

    public async ValueTask DisposeAsync()
    {
        _addPositional?.Dispose();
        foreach (var command in new[] { _find, _add })
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
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
