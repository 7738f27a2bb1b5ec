using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsApi.Domain.Articles;
using NewsApi.Ingest.FrontMatter;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// One JSON shape for what a file must read as (from the generated model, by SPEC's rules) and for
/// what the parser read, so a property failure shows both side by side as text.
/// </summary>
static class ExpectedDocument
{
    static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static string Text(JsonObject document) => document.ToJsonString(Readable);

    public static JsonObject Of(GeneratedArticle a) => new()
    {
        ["title"] = a.Title,
        ["category"] = a.Category,
        ["excerpt"] = a.Excerpt,
        ["publishedAtUtc"] = Instant(a.Published?.Utc),
        ["originalUrl"] = a.OriginalUrl,
        ["webUrl"] = a.WebUrl,
        ["ampWebUrl"] = a.AmpWebUrl,
        ["cdnAmpWebUrl"] = a.CdnAmpWebUrl,
        ["type"] = a.Type,
        ["quality"] = a.Quality,
        ["heat"] = a.Heat,
        ["published"] = a.IsPublished ?? true,
        ["featuredContent"] = a.FeaturedContent,
        ["provider"] = a.Provider is null ? null : Of(a.Provider),
        ["topics"] = new JsonArray([.. a.Topics.Select(t => (JsonNode?)t)]),
        ["images"] = new JsonArray([.. a.Images.Select(Of)]),
        ["related"] = new JsonArray([.. a.Related.Select(Of)]),
        ["secured"] = a.Secured,
        ["extra"] = Extra(a.Extra),
    };

    public static JsonObject Of(FrontMatterDocument d) => new()
    {
        ["title"] = d.Title,
        ["category"] = d.Category,
        ["excerpt"] = d.Excerpt,
        ["publishedAtUtc"] = Instant(d.PublishedAtUtc),
        ["originalUrl"] = d.OriginalUrl,
        ["webUrl"] = d.WebUrl,
        ["ampWebUrl"] = d.AmpWebUrl,
        ["cdnAmpWebUrl"] = d.CdnAmpWebUrl,
        ["type"] = d.Type,
        ["quality"] = d.Quality,
        ["heat"] = d.Heat,
        ["published"] = d.Published,
        ["featuredContent"] = d.FeaturedContent,
        ["provider"] = d.Provider is null ? null : Of(d.Provider),
        ["topics"] = new JsonArray([.. d.Topics.Select(t => (JsonNode?)t)]),
        ["images"] = new JsonArray([.. d.Images.Select(Of)]),
        ["related"] = new JsonArray([.. d.Related.Select(Of)]),
        ["secured"] = d.Secured,
        ["extra"] = d.ExtraJson is null ? null : JsonNode.Parse(d.ExtraJson),
    };

    static JsonObject Of(GeneratedProvider p) => new()
    {
        ["name"] = p.Name,
        ["domain"] = p.Domain,
        ["images"] = new JsonArray([.. p.Images.Select(Of)]),
        ["extra"] = Extra(p.Extra),
    };

    static JsonObject Of(ProviderFrontMatter p) => new()
    {
        ["name"] = p.Name,
        ["domain"] = p.Domain,
        ["images"] = new JsonArray([.. p.Images.Select(Of)]),
        ["extra"] = p.ExtraJson is null ? null : JsonNode.Parse(p.ExtraJson),
    };

    static JsonNode Of(GeneratedImage i) => new JsonObject
    {
        ["url"] = i.Url,
        ["width"] = i.Width,
        ["height"] = i.Height,
        ["isCached"] = i.IsCached,
        ["title"] = i.Title,
        // An image's extra keys are a dictionary: compared in key order.
        ["extra"] = i.Extra.Count == 0 ? null : new JsonObject(i.Extra.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => KeyValuePair.Create(e.Key, Value(e.Value)))),
    };

    static JsonNode Of(ImageInfo i) => new JsonObject
    {
        ["url"] = i.Url,
        ["width"] = i.Width,
        ["height"] = i.Height,
        ["isCached"] = i.IsCached,
        ["title"] = i.Title,
        ["extra"] = i.Extra is null ? null : new JsonObject(i.Extra.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => KeyValuePair.Create(e.Key, JsonNode.Parse(e.Value.GetRawText())))),
    };

    static JsonNode Of(GeneratedRelated r) => new JsonObject
    {
        ["title"] = r.Title,
        ["excerpt"] = r.Excerpt,
        ["publishedAtUtc"] = Instant(r.Published?.Utc),
        ["webUrl"] = r.WebUrl,
        ["type"] = r.Type,
        ["provider"] = r.Provider is null ? null : Of(r.Provider),
        ["quality"] = r.Quality,
        ["images"] = new JsonArray([.. r.Images.Select(Of)]),
        ["extra"] = Extra(r.Extra),
    };

    static JsonNode Of(RelatedFrontMatter r) => new JsonObject
    {
        ["title"] = r.Title,
        ["excerpt"] = r.Excerpt,
        ["publishedAtUtc"] = Instant(r.PublishedAtUtc),
        ["webUrl"] = r.WebUrl,
        ["type"] = r.Type,
        ["provider"] = r.Provider is null ? null : Of(r.Provider),
        ["quality"] = r.Quality,
        ["images"] = new JsonArray([.. r.Images.Select(Of)]),
        ["extra"] = r.ExtraJson is null ? null : JsonNode.Parse(r.ExtraJson),
    };

    /// <summary>Round-trip text with the kind: a time that is not UTC-kinded shows without its Z.</summary>
    static string? Instant(DateTime? time) => time?.ToString("o", CultureInfo.InvariantCulture);

    static JsonObject? Extra(IReadOnlyList<ExtraEntry> entries) =>
        entries.Count == 0 ? null : new JsonObject(entries.Select(e => KeyValuePair.Create(e.Key, Value(e.Value))));

    static JsonNode? Value(ExtraValue value) => value switch
    {
        ExtraText t => t.Value,
        ExtraNumber n => JsonNode.Parse(n.Json),
        ExtraBool b => b.Value,
        ExtraList l => new JsonArray([.. l.Items.Select(Value)]),
        ExtraMap m => Extra(m.Entries) ?? new JsonObject(),
        _ => null,
    };
}
