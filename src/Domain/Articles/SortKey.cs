namespace NewsApi.Domain.Articles;

/// <summary>
/// SPEC sorts put articles without a value last in both directions, ties by id ascending. Stored
/// as two never-null keys per field, one per direction, every sort becomes an ascending scan of a
/// plain index on (key, id): no NULL handling or DESC column in the query, on SQLite or PostgreSQL.
/// </summary>
public static class SortKey
{
    public static long Ascending(long? value) => value ?? long.MaxValue;

    public static long Descending(long? value) => value is { } v ? -v : long.MaxValue;
}
