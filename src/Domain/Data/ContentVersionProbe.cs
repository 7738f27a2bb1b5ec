using NewsApi.Domain.Data.Sqlite;

namespace NewsApi.Domain.Data;

/// <summary>
/// The latest committed content version, read outside any snapshot, in microseconds: for a reader
/// that only needs to know whether something it prepared for one version is still current (a read
/// snapshot costs more than a small request's whole answer). One per database, thread-safe.
/// </summary>
public abstract class ContentVersionProbe : IDisposable
{
    public abstract long Current();

    public abstract void Dispose();

    /// <summary>The probe of the database <paramref name="connectionString"/> names.</summary>
    public static ContentVersionProbe Open(string connectionString) => new SqliteContentVersionProbe(connectionString);
}
