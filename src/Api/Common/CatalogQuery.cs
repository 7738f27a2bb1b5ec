using Microsoft.AspNetCore.Mvc;
using NewsApi.Domain.Text;

namespace NewsApi.Api.Common;

/// <summary>The providers' and topics' list query string, as it arrives.</summary>
public sealed record CatalogQueryParameters(
    [property: FromQuery(Name = "page")] string? Page,
    [property: FromQuery(Name = "pageSize")] string? PageSize,
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "sort")] string? Sort);

/// <summary>A validated providers or topics list query: name contains <see cref="NameContains"/>, sorted.</summary>
public sealed record CatalogQuery(PageRequest Paging, string? NameContains, string Sort)
{
    public static readonly IReadOnlyList<string> Sorts = ["-articleCount", "name"];

    public static CatalogQuery Parse(CatalogQueryParameters p, QueryErrors errors) => new(
        errors.Page(p.Page, p.PageSize),
        TextKeys.Fold(errors.Text("q", p.Q, ArticleQueryLimits.MaxQLength)),
        errors.Choice("sort", p.Sort, Sorts));
}

public static class ArticleQueryLimits
{
    public const int MaxQLength = 200;
}
