using Microsoft.EntityFrameworkCore.Storage;

namespace NewsApi.Domain.Data;

/// <summary>
/// The content version of the scope's open <see cref="ReadSnapshot"/>, read once per snapshot: a
/// request's ETag and the list index it may use then come from one read, of the state its body is
/// read from. Outside a snapshot every call reads the version anew.
/// </summary>
public sealed class SnapshotVersion(NewsDbContext db)
{
    IDbContextTransaction? _snapshot;
    long _version;

    public async Task<long> CurrentAsync(CancellationToken ct)
    {
        var snapshot = db.Database.CurrentTransaction;
        if (snapshot is null || !ReferenceEquals(snapshot, _snapshot))
        {
            _version = await ContentVersions.CurrentAsync(db, ct);
            _snapshot = snapshot;
        }

        return _version;
    }
}
