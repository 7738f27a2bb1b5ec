using Microsoft.AspNetCore.Mvc;

namespace NewsApi.Api.Common;

/// <summary>Paging as it arrives in the query string, read by <see cref="QueryErrors.Page"/>.</summary>
public sealed record PageParameters(
    [property: FromQuery(Name = "page")] string? Page,
    [property: FromQuery(Name = "pageSize")] string? PageSize);
