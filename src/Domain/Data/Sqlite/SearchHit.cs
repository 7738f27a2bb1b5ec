namespace NewsApi.Domain.Data.Sqlite;

/// <summary>An article id found by the full-text index; keyless, read only through <see cref="SqliteArticleSearch"/>.</summary>
public sealed class SearchHit
{
    public required string Id { get; set; }
}
