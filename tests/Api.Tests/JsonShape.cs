using System.Text.Json;

namespace NewsApi.Api.Tests;

/// <summary>Checks on raw JSON: which fields an object has, and that times are UTC with a <c>Z</c>.</summary>
public static class JsonShape
{
    public static readonly string[] PageFields = ["items", "page", "pageSize", "totalCount", "totalPages"];

    public static readonly string[] SummaryFields =
        ["id", "category", "title", "excerpt", "publishedDateTime", "type", "quality", "heat", "webUrl", "originalUrl", "provider", "topics", "image", "relatedCount"];

    /// <summary>The detail's own fields besides <see cref="SummaryFields"/> (SPEC: "summary fields plus ...").</summary>
    public static readonly string[] DetailOnlyFields = ["ampWebUrl", "cdnAmpWebUrl", "featuredContent", "images", "related", "extra"];

    public static readonly string[] ImageFields = ["url", "width", "height", "isCached", "title"];

    public static readonly string[] ProviderRefFields = ["name", "domain"];

    public static readonly string[] RelatedFields = ["title", "excerpt", "publishedDateTime", "webUrl", "type", "provider", "quality", "images"];

    public static readonly string[] ProviderFields = ["domain", "name", "articleCount", "images"];

    public static readonly string[] TopicFields = ["slug", "name", "articleCount"];

    /// <summary>Every field in <paramref name="fields"/> is present (null or not).</summary>
    public static void HasFields(JsonElement element, IEnumerable<string> fields, string what)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        var missing = fields.Where(f => !element.TryGetProperty(f, out _)).ToList();
        Assert.True(missing.Count == 0, $"{what} lacks {string.Join(", ", missing)}: {element}");
    }

    /// <summary>A page: its five fields, and each item checked by <paramref name="item"/>.</summary>
    public static void IsPage(JsonElement page, Action<JsonElement> item, string what)
    {
        HasFields(page, PageFields, what);
        foreach (var element in page.GetProperty("items").EnumerateArray())
        {
            item(element);
        }
    }

    public static void IsImage(JsonElement image, string what) => HasFields(image, ImageFields, what + " image");

    public static void IsImages(JsonElement images, string what)
    {
        Assert.Equal(JsonValueKind.Array, images.ValueKind);
        foreach (var image in images.EnumerateArray())
        {
            IsImage(image, what);
        }
    }

    public static void IsProviderRef(JsonElement provider, string what)
    {
        if (provider.ValueKind != JsonValueKind.Null)
        {
            HasFields(provider, ProviderRefFields, what + " provider");
        }
    }

    public static void IsSummary(JsonElement summary)
    {
        var what = "summary " + summary.GetProperty("id");
        HasFields(summary, SummaryFields, what);
        IsProviderRef(summary.GetProperty("provider"), what);
        Assert.All(summary.GetProperty("topics").EnumerateArray(), t => Assert.Equal(JsonValueKind.String, t.ValueKind));
        if (summary.GetProperty("image").ValueKind != JsonValueKind.Null)
        {
            IsImage(summary.GetProperty("image"), what);
        }

        TimesAreUtc(summary);
    }

    public static void IsRelated(JsonElement related)
    {
        HasFields(related, RelatedFields, "related link");
        IsProviderRef(related.GetProperty("provider"), "related link");
        IsImages(related.GetProperty("images"), "related link");
        TimesAreUtc(related);
    }

    public static void IsProvider(JsonElement provider)
    {
        HasFields(provider, ProviderFields, "provider");
        IsImages(provider.GetProperty("images"), "provider");
    }

    public static void IsTopic(JsonElement topic) => HasFields(topic, TopicFields, "topic");

    /// <summary>Every <c>publishedDateTime</c> under <paramref name="element"/> is null or an ISO 8601 UTC time ending in Z.</summary>
    public static void TimesAreUtc(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "publishedDateTime" && property.Value.ValueKind != JsonValueKind.Null)
                    {
                        var text = property.Value.GetString()!;
                        Assert.True(text.EndsWith('Z') && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _),
                            $"publishedDateTime '{text}' is not an ISO 8601 UTC time ending in Z");
                    }

                    TimesAreUtc(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    TimesAreUtc(item);
                }

                break;
        }
    }
}
