using System.Text.Json;
using NewsApi.Domain.Articles;
using static NewsApi.Ingest.FrontMatter.YamlScalarReader;

namespace NewsApi.Ingest.FrontMatter;

/// <summary>
/// Maps the YAML tree to a <see cref="FrontMatterDocument"/> by SPEC section 1: known keys (case-sensitive) to
/// typed properties, every other key to JSON. Fields are read in file order, so the first bad one is reported.
/// </summary>
internal sealed class FrontMatterDocumentReader(int maxDepth)
{
    public FrontMatterDocument Read(YamlValue? root)
    {
        if (root is null or YamlScalarValue { IsNull: true })
        {
            throw new FrontMatterRejectedException(new FrontMatterError("missing title"));
        }

        if (root is not YamlMappingValue mapping)
        {
            throw FrontMatterRejectedException.At(root, "front matter is not a mapping");
        }

        YamlValue? titleNode = null;
        string? category = null, title = null, excerpt = null, originalUrl = null, webUrl = null, ampWebUrl = null;
        string? cdnAmpWebUrl = null, type = null, featuredContent = null, secured = null;
        DateTime? published = null;
        int? quality = null, heat = null;
        bool? isPublished = null;
        ProviderFrontMatter? provider = null;
        IReadOnlyList<string> topics = [];
        IReadOnlyList<ImageInfo> images = [];
        IReadOnlyList<RelatedFrontMatter> related = [];
        var extra = new List<KeyValuePair<YamlScalarValue, YamlValue>>();
        foreach (var (key, value) in mapping.Entries)
        {
            switch (key.Text)
            {
                case "category": category = ReadString(value, "category"); break;
                case "title": title = ReadString(value, "title"); titleNode = value; break;
                case "excerpt": excerpt = ReadString(value, "excerpt"); break;
                case "publishedDateTime": published = ReadDateTime(value, "publishedDateTime"); break;
                case "originalUrl": originalUrl = ReadString(value, "originalUrl"); break;
                case "webUrl": webUrl = ReadString(value, "webUrl"); break;
                case "ampWebUrl": ampWebUrl = ReadString(value, "ampWebUrl"); break;
                case "cdnAmpWebUrl": cdnAmpWebUrl = ReadString(value, "cdnAmpWebUrl"); break;
                case "type": type = ReadString(value, "type"); break;
                case "quality": quality = ReadInt(value, "quality"); break;
                case "heat": heat = ReadInt(value, "heat"); break;
                case "published": isPublished = ReadBool(value, "published"); break;
                case "featuredContent": featuredContent = ReadString(value, "featuredContent"); break;
                case "provider": provider = ReadProvider(value, "provider"); break;
                case "topics": topics = ReadTopics(value, "topics"); break;
                case "images": images = ReadImages(value, "images"); break;
                case "related": related = ReadRelatedList(value, "related"); break;
                case "secured": secured = ReadString(value, "secured"); break;
                default: extra.Add(new(key, value)); break;
            }
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw titleNode is null
                ? new FrontMatterRejectedException(new FrontMatterError("missing title"))
                : FrontMatterRejectedException.At(titleNode, "missing title");
        }

        return new FrontMatterDocument
        {
            Title = title,
            Category = category,
            Excerpt = excerpt,
            PublishedAtUtc = published,
            OriginalUrl = originalUrl,
            WebUrl = webUrl,
            AmpWebUrl = ampWebUrl,
            CdnAmpWebUrl = cdnAmpWebUrl,
            Type = type,
            Quality = quality,
            Heat = heat,
            Published = isPublished ?? true,
            FeaturedContent = featuredContent,
            Provider = provider,
            Topics = topics,
            Images = images,
            Related = related,
            Secured = secured,
            ExtraJson = YamlJsonWriter.ObjectText(extra, maxDepth),
        };
    }

    ProviderFrontMatter? ReadProvider(YamlValue node, FieldPath path)
    {
        if (ReadMapping(node, path) is not { } mapping)
        {
            return null;
        }

        string? name = null, domain = null;
        IReadOnlyList<ImageInfo> images = [];
        var extra = new List<KeyValuePair<YamlScalarValue, YamlValue>>();
        foreach (var (key, value) in mapping.Entries)
        {
            switch (key.Text)
            {
                case "name": name = ReadString(value, path.Field("name")); break;
                case "domain": domain = ReadString(value, path.Field("domain")); break;
                case "images": images = ReadImages(value, path.Field("images")); break;
                default: extra.Add(new(key, value)); break;
            }
        }

        return new ProviderFrontMatter
        {
            Name = name,
            Domain = domain,
            Images = images,
            ExtraJson = YamlJsonWriter.ObjectText(extra, maxDepth),
        };
    }

    List<RelatedFrontMatter> ReadRelatedList(YamlValue node, FieldPath path)
    {
        var related = new List<RelatedFrontMatter>();
        foreach (var (item, itemPath) in ReadItems(node, path))
        {
            if (ReadMapping(item, itemPath) is not { } mapping)
            {
                continue;
            }

            string? title = null, excerpt = null, webUrl = null, type = null;
            DateTime? published = null;
            int? quality = null;
            ProviderFrontMatter? provider = null;
            IReadOnlyList<ImageInfo> images = [];
            var extra = new List<KeyValuePair<YamlScalarValue, YamlValue>>();
            foreach (var (key, value) in mapping.Entries)
            {
                var fieldPath = itemPath.Field(key.Text);
                switch (key.Text)
                {
                    case "title": title = ReadString(value, fieldPath); break;
                    case "excerpt": excerpt = ReadString(value, fieldPath); break;
                    case "publishedDateTime": published = ReadDateTime(value, fieldPath); break;
                    case "webUrl": webUrl = ReadString(value, fieldPath); break;
                    case "type": type = ReadString(value, fieldPath); break;
                    case "provider": provider = ReadProvider(value, fieldPath); break;
                    case "quality": quality = ReadInt(value, fieldPath); break;
                    case "images": images = ReadImages(value, fieldPath); break;
                    default: extra.Add(new(key, value)); break;
                }
            }

            related.Add(new RelatedFrontMatter
            {
                Title = title,
                Excerpt = excerpt,
                PublishedAtUtc = published,
                WebUrl = webUrl,
                Type = type,
                Provider = provider,
                Quality = quality,
                Images = images,
                ExtraJson = YamlJsonWriter.ObjectText(extra, maxDepth),
            });
        }

        return related;
    }

    List<ImageInfo> ReadImages(YamlValue node, FieldPath path)
    {
        var images = new List<ImageInfo>();
        foreach (var (item, itemPath) in ReadItems(node, path))
        {
            if (ReadMapping(item, itemPath) is not { } mapping)
            {
                continue;
            }

            string? url = null, title = null;
            int? width = null, height = null;
            bool? isCached = null;
            Dictionary<string, JsonElement>? extra = null;
            foreach (var (key, value) in mapping.Entries)
            {
                var fieldPath = itemPath.Field(key.Text);
                switch (key.Text)
                {
                    case "url": url = ReadString(value, fieldPath); break;
                    case "width": width = ReadInt(value, fieldPath); break;
                    case "height": height = ReadInt(value, fieldPath); break;
                    case "isCached": isCached = ReadBool(value, fieldPath); break;
                    case "title": title = ReadString(value, fieldPath); break;
                    default:
                        extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                        extra[key.Text] = YamlJsonWriter.Element(value, maxDepth);
                        break;
                }
            }

            images.Add(new ImageInfo { Url = url, Width = width, Height = height, IsCached = isCached, Title = title, Extra = extra });
        }

        return images;
    }

    /// <summary>A list of strings, or one string as a one-topic list; absent and blank topics are dropped.</summary>
    static List<string> ReadTopics(YamlValue node, FieldPath path)
    {
        if (node is YamlScalarValue)
        {
            return ReadString(node, path) is { } single && !string.IsNullOrWhiteSpace(single) ? [single] : [];
        }

        var topics = new List<string>();
        foreach (var (item, itemPath) in ReadItems(node, path))
        {
            if (ReadString(item, itemPath) is { } topic && !string.IsNullOrWhiteSpace(topic))
            {
                topics.Add(topic);
            }
        }

        return topics;
    }

    /// <summary>The items of a list with their paths (`images[2]`); an absent list has none.</summary>
    static ItemsWithPaths ReadItems(YamlValue node, FieldPath path) => node switch
    {
        YamlScalarValue { IsNull: true } => new(NoItems, path),
        YamlSequenceValue sequence => new(sequence.Items, path),
        _ => throw Expected(node, path, "a list"),
    };

    static readonly List<YamlValue> NoItems = [];

    // A struct to enumerate, not a LINQ Select: a closure, a delegate and an iterator per list were
    // ~2% of the ingest's garbage.
    readonly struct ItemsWithPaths(List<YamlValue> items, FieldPath path)
    {
        public Enumerator GetEnumerator() => new(items, path);

        public struct Enumerator(List<YamlValue> items, FieldPath path)
        {
            int _index = -1;

            public readonly (YamlValue Item, FieldPath Path) Current => (items[_index], path[_index]);

            public bool MoveNext() => ++_index < items.Count;
        }
    }

    /// <summary>The mapping, null when absent; anything else is the wrong shape.</summary>
    static YamlMappingValue? ReadMapping(YamlValue node, FieldPath path) => node switch
    {
        YamlScalarValue { IsNull: true } => null,
        YamlMappingValue mapping => mapping,
        _ => throw Expected(node, path, "a mapping"),
    };
}
