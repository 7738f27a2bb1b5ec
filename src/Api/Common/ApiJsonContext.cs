using System.Text.Json;
using System.Text.Json.Serialization;
using NewsApi.Api.Articles;
using NewsApi.Api.Providers;
using NewsApi.Api.Topics;

namespace NewsApi.Api.Common;

/// <summary>
/// Serialization code generated at build time for the responses the API sends most, with the web
/// defaults that minimal APIs use (camelCase names, nulls written): the same JSON as reflection
/// gives, without its per-property indirections. Types not listed here still serialize by reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PagedList<ArticleSummary>))]
[JsonSerializable(typeof(PagedList<ProviderResponse>))]
[JsonSerializable(typeof(PagedList<TopicResponse>))]
[JsonSerializable(typeof(PagedList<RelatedLinkResponse>))]
[JsonSerializable(typeof(ArticleDetail))]
[JsonSerializable(typeof(ProviderResponse))]
[JsonSerializable(typeof(TopicResponse))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
