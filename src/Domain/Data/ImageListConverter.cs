using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NewsApi.Domain.Articles;

namespace NewsApi.Domain.Data;

/// <summary>Images are read and written whole with their article, so one JSON column holds them.</summary>
public sealed class ImageListConverter() : ValueConverter<List<ImageInfo>, string>(
    v => JsonSerializer.Serialize(v, ImageJson.Options),
    v => JsonSerializer.Deserialize<List<ImageInfo>>(v, ImageJson.Options) ?? new List<ImageInfo>());

public sealed class ImageListComparer() : ValueComparer<List<ImageInfo>>(
    (a, b) => JsonSerializer.Serialize(a, ImageJson.Options) == JsonSerializer.Serialize(b, ImageJson.Options),
    v => JsonSerializer.Serialize(v, ImageJson.Options).GetHashCode(StringComparison.Ordinal),
    v => JsonSerializer.Deserialize<List<ImageInfo>>(JsonSerializer.Serialize(v, ImageJson.Options), ImageJson.Options)!);

/// <summary>How image lists are written to their JSON columns.</summary>
public static class ImageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(List<ImageInfo> images) => JsonSerializer.Serialize(images, Options);

    public static List<ImageInfo> Deserialize(string json) => JsonSerializer.Deserialize<List<ImageInfo>>(json, Options) ?? [];

    /// <summary>
    /// The first image of a list's JSON, read straight from its UTF-8 bytes (a list page shows only
    /// that one): no string of the whole list, no JSON function in the query.
    /// </summary>
    public static ImageInfo? First(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("an image list is not a JSON array");
        }

        reader.Read();
        return reader.TokenType == JsonTokenType.EndArray ? null : JsonSerializer.Deserialize<ImageInfo>(ref reader, Options);
    }
}
