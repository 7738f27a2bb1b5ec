using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using NewsApi.Domain.Articles;

namespace NewsApi.Domain.Data;

public static class ContentVersions
{
    // Every API request reads it: a plain command costs a fraction of even a compiled EF Core query,
    // whose executor builds a delegate per call. Portable SQL: the names come from the model, quoted by the provider.
    static string? _currentSql;

    /// <summary>The content's version in the current snapshot.</summary>
    public static async Task<long> CurrentAsync(NewsDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = _currentSql ??= CurrentSql(db);
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            // Without its row no ingest could raise the version, and every cache keyed by it would go stale.
            var version = await command.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("the content version row is missing");
            return Convert.ToInt64(version, CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static string CurrentSql(NewsDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(ContentVersion))!;
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());
        return $"SELECT {Column(nameof(ContentVersion.Version))} FROM {sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema())} " +
               $"WHERE {Column(nameof(ContentVersion.Id))} = {ContentVersion.SingletonId.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// Marks the current transaction's changes as a new version: the clock in milliseconds, or one
    /// more than the last if that is later. A rebuilt database thus never repeats an old number,
    /// so an ETag a client kept from the old one cannot match by accident.
    /// </summary>
    public static Task BumpAsync(NewsDbContext db, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return db.ContentVersions.Where(v => v.Id == ContentVersion.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version < now ? now : v.Version + 1), ct);
    }
}
