using System.Text.Json;
using NewsApi.Domain.Data.Sqlite;

namespace NewsApi.Domain.Data;

/// <summary>
/// The benchmarks' clustered list items (see the API's <c>CeilingApi</c>), read in the caller's
/// open connection and transaction. Only SQLite databases prepared by <c>bench/ceiling.sh</c> have them.
/// </summary>
public static class BenchListItems
{
    public static int? Count(NewsDbContext db) => SqliteBenchListItems.Count(db);

    public static void Write(NewsDbContext db, long offset, int size, Utf8JsonWriter json) =>
        SqliteBenchListItems.Write(db, offset, size, json);
}
