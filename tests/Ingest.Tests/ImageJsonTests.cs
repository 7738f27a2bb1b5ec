using System.Text;
using System.Text.Json;
using NewsApi.Domain.Articles;
using NewsApi.Domain.Data;

namespace NewsApi.Ingest.Tests;

/// <summary>A list page's image: the first of the stored list, read from its bytes, as the whole list would give it.</summary>
public sealed class ImageJsonTests
{
    public static TheoryData<string> Lists => new()
    {
        "[]",
        "[null]",
        """[{"url":"https://example.com/a.png","width":640,"height":480,"isCached":true,"title":"É & <b>"}]""",
        """[{"url":"https://example.com/a.png","caption":"kept","sizes":[1,2]},{"url":"https://example.com/b.png"}]""",
        """[{"title":"no url"},null]""",
        """[ { "url" : "x" } , { "url" : "y" } ]""",
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void TheFirstImageIsTheWholeListsFirst(string json)
    {
        var expected = ImageJson.Deserialize(json).FirstOrDefault();

        var first = ImageJson.First(Encoding.UTF8.GetBytes(json));

        Assert.Equal(Serialized(expected), Serialized(first));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("\"x\"")]
    [InlineData("[{")]
    public void WhatIsNotAnImageListIsAnError(string json) =>
        Assert.ThrowsAny<JsonException>(() => ImageJson.First(Encoding.UTF8.GetBytes(json)));

    static string Serialized(ImageInfo? image) => JsonSerializer.Serialize(image, ImageJson.Options);
}
