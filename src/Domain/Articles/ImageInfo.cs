using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsApi.Domain.Articles;

/// <summary>An image as front matter gives it; keys beyond the known ones are kept in <see cref="Extra"/>.</summary>
public sealed record ImageInfo
{
    public string? Url { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public bool? IsCached { get; init; }
    public string? Title { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
