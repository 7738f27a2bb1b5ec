namespace NewsApi.Api.Common;

/// <summary>SPEC's paged response: <c>{items, page, pageSize, totalCount, totalPages}</c>.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => PageRequest.PageCount(TotalCount, PageSize);
}

/// <summary>A validated page request.</summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Rows to skip, as a long: <c>(page - 1) * pageSize</c> overflows an int for huge pages.</summary>
    public long Offset => (Page - 1L) * PageSize;

    public static int PageCount(int totalCount, int pageSize) => (int)((totalCount + (long)pageSize - 1) / pageSize);
}
