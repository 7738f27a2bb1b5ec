using System.Globalization;
using System.Text;

namespace NewsApi.CorpusGenerator;

/// <summary>
/// Makes article after article from one seeded <see cref="Random"/>: the same seed gives the same
/// sequence, and nothing but the catalog is kept between articles.
/// </summary>
internal sealed class ArticleFactory(CorpusProfile profile, Catalog catalog, Random random)
{
    static readonly DateTime Start = new(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    static readonly int SpanSeconds = (int)(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc) - Start).TotalSeconds;
    const string Base36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    const string VideoIdChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    readonly string[] _types = profile.Types.Select(t => t.Type).ToArray();
    readonly WeightedPicker _typePicker = new(profile.Types.Select(t => (double)t.Weight).ToArray());

    // The article being made: its {year} and {month} slots speak of its own date.
    DateTime _publishedAt;

    public GeneratedArticle Create(int index)
    {
        var publishedAt = Start.AddSeconds(random.Next(SpanSeconds));
        _publishedAt = publishedAt;
        var type = _types[_typePicker.Next(random)];
        var topics = catalog.PickTopics(random, 1 + Pick(0.55, 0.3, 0.1, 0.05));
        var provider = catalog.PickProvider(random);
        var title = Title(topics[0]);
        var slug = Slugs.Ascii(title);
        var id = publishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "-" + slug + "-" + Suffix(index);
        var host = Host(provider);
        var videoId = type == "video" ? VideoId() : null;

        string? webUrl = type switch
        {
            "video" => null,
            "course" => $"https://{host}/courses/{slug}/",
            "download" => $"https://{host}/downloads/{slug}/",
            "collection" => $"https://{host}/collections/{slug}/",
            _ => $"https://{host}/{publishedAt.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)}/{slug}/",
        };
        var originalUrl = videoId is not null ? "https://youtube.com/watch?v=" + videoId
            : Chance(0.15) ? webUrl + "?utm_source=rss&utm_medium=feed" : webUrl!;
        if (webUrl is not null && Chance(profile.NoWebUrlShare))
        {
            webUrl = null;
        }

        var amp = type == "article" && webUrl is not null && Chance(profile.AmpShare);

        return new GeneratedArticle
        {
            Id = id,
            Category = Chance(0.03) ? null : "news",
            Title = title,
            Excerpt = Chance(profile.NoExcerptShare) ? null : Excerpt(topics[0]),
            PublishedAt = publishedAt,
            OriginalUrl = originalUrl,
            WebUrl = webUrl,
            AmpWebUrl = amp ? webUrl + "amp/" : null,
            CdnAmpWebUrl = amp ? $"https://{host.Replace('.', '-')}.cdn.ampproject.org/c/s/{webUrl!["https://".Length..]}amp/" : null,
            Type = type,
            Quality = Chance(profile.MissingQualityShare) ? null : random.Next(0, 201),
            Heat = Chance(profile.NegativeHeatShare) ? -1 : random.Next(0, 301),
            Published = !Chance(profile.UnpublishedShare),
            FeaturedContent = videoId is null ? null
                : $"<iframe width=\"800\" height=\"500\" frameborder=\"0\" src=\"https://www.youtube.com/embed/{videoId}\" allow=\"accelerometer; autoplay; encrypted-media; gyroscope; picture-in-picture\" allowfullscreen></iframe>",
            Provider = provider,
            ProviderName = provider.Domain is not null && Chance(profile.ProviderNameVariantShare) ? provider.Domain : provider.Name,
            Topics = topics,
            Images = videoId is not null ? [new GeneratedImage($"https://i.ytimg.com/vi/{videoId}/maxresdefault.jpg", 1280, 720, true, null)]
                : Chance(profile.NoImageShare) ? [] : Images(host, publishedAt, slug, 1 + Pick(0.8, 0.15, 0.05)),
            Related = Chance(profile.RelatedShare) ? Related(publishedAt, topics[0], 1 + random.Next(5)) : [],
            Extra = Chance(profile.ExtraKeysShare) ? Extra() : null,
            Secured = Secured(),
        };
    }

    List<GeneratedRelated> Related(DateTime around, string topic, int count)
    {
        var related = new List<GeneratedRelated>(count);
        for (var i = 0; i < count; i++)
        {
            var provider = catalog.PickProvider(random);
            var title = Title(topic);
            var slug = Slugs.Ascii(title);
            var publishedAt = around.AddSeconds(random.Next(-3 * 86400, 3 * 86400));
            var host = Host(provider);
            related.Add(new GeneratedRelated(
                title,
                Chance(0.95) ? Excerpt(topic) : null,
                publishedAt,
                $"https://{host}/news/{slug}-{random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture)}",
                "article",
                provider,
                Chance(0.95) ? random.Next(0, 201) : null,
                Chance(0.4) ? Images(host, publishedAt, slug, 1) : []));
        }

        return related;
    }

    List<GeneratedImage> Images(string host, DateTime publishedAt, string slug, int count)
    {
        var images = new List<GeneratedImage>(count);
        for (var i = 0; i < count; i++)
        {
            var (width, height) = Vocabulary.ImageSizes[random.Next(Vocabulary.ImageSizes.Length)];
            var url = $"https://{host}/wp-content/uploads/{publishedAt.ToString("yyyy/MM", CultureInfo.InvariantCulture)}/{slug}{(i == 0 ? "" : "-" + (i + 1).ToString(CultureInfo.InvariantCulture))}-{width.ToString(CultureInfo.InvariantCulture)}x{height.ToString(CultureInfo.InvariantCulture)}.jpg";
            images.Add(new GeneratedImage(url, width, height, Chance(0.9), Chance(0.1) ? "Illustration for " + slug.Replace('-', ' ') : null));
        }

        return images;
    }

    ExtraFields Extra()
    {
        var kind = random.Next(4);
        var author = kind is 0 or 3 ? Vocabulary.Authors[random.Next(Vocabulary.Authors.Length)] : null;
        var tags = kind is 1 or 3
            ? Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Vocabulary.Tags[random.Next(Vocabulary.Tags.Length)]).Distinct().ToArray()
            : null;
        int? readingTime = kind is 2 or 3 ? 2 + random.Next(14) : null;
        var sponsor = Chance(0.2) ? Vocabulary.Companies[random.Next(Vocabulary.Companies.Length)] : null;
        return new ExtraFields(author, tags, readingTime, sponsor);
    }

    string Title(string topic)
    {
        var unicode = Chance(profile.UnicodeShare);
        var templates = unicode ? Vocabulary.UnicodeTitleTemplates : Vocabulary.TitleTemplates;
        var title = Fill(templates[random.Next(templates.Length)], topic);
        return char.IsLower(title[0]) ? char.ToUpperInvariant(title[0]) + title[1..] : title;
    }

    string Excerpt(string topic)
    {
        var count = 1 + random.Next(3);
        var separator = Chance(profile.MultilineExcerptShare) ? (Chance(0.5) ? "\n" : "\r\n\r\n") : " ";
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var sentences = Chance(profile.UnicodeShare) ? Vocabulary.UnicodeSentences : Vocabulary.Sentences;
            builder.Append(i == 0 ? "" : separator).Append(Fill(sentences[random.Next(sentences.Length)], topic));
        }

        if (Chance(0.3))
        {
            builder.Append(" ...");
        }

        return builder.ToString();
    }

    string Fill(string template, string topic)
    {
        var builder = new StringBuilder(template.Length + 32);
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            if (open < 0)
            {
                builder.Append(template, at, template.Length - at);
                break;
            }

            var close = template.IndexOf('}', open);
            builder.Append(template, at, open - at).Append(Word(template[(open + 1)..close], topic));
            at = close + 1;
        }

        return builder.ToString();
    }

    string Word(string slot, string topic) => slot switch
    {
        "topic" => topic,
        "company" => Vocabulary.Companies[random.Next(Vocabulary.Companies.Length)],
        "feature" => Vocabulary.Features[random.Next(Vocabulary.Features.Length)],
        "thing" => Vocabulary.Things[random.Next(Vocabulary.Things.Length)],
        "audience" => Vocabulary.Audiences[random.Next(Vocabulary.Audiences.Length)],
        "industry" => Vocabulary.Industries[random.Next(Vocabulary.Industries.Length)],
        "month" => Vocabulary.Months[_publishedAt.Month - 1],
        "weekday" => Vocabulary.Weekdays[random.Next(Vocabulary.Weekdays.Length)],
        "year" => _publishedAt.Year.ToString(CultureInfo.InvariantCulture),
        "n" => (3 + random.Next(20)).ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException("Unknown template slot {" + slot + "}."),
    };

    // A provider known by name only still needs a host for its URLs.
    static string Host(ProviderInfo provider) =>
        provider.Domain is null ? "community.example.org" : provider.Domain.Count(c => c == '.') > 1 ? provider.Domain : "www." + provider.Domain;

    string VideoId() => string.Create(11, random, static (chars, r) =>
    {
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = VideoIdChars[r.Next(VideoIdChars.Length)];
        }
    });

    // The source system's opaque blob: base64 of 3k+1 bytes (so it ends in "=="), ';', base64 of a 16-byte key.
    string Secured()
    {
        var body = new byte[3 * random.Next(80, 200) + 1];
        var key = new byte[16];
        random.NextBytes(body);
        random.NextBytes(key);
        return Convert.ToBase64String(body) + ";" + Convert.ToBase64String(key);
    }

    // Unique per index: multiplying by an odd constant is a bijection on 32 bits, so no two indexes share a suffix.
    static string Suffix(int index)
    {
        var value = unchecked((uint)index * 2654435761u);
        return string.Create(7, value, static (chars, v) =>
        {
            for (var i = chars.Length - 1; i >= 0; i--)
            {
                chars[i] = Base36[(int)(v % 36)];
                v /= 36;
            }
        });
    }

    bool Chance(double share) => random.NextDouble() < share;

    /// <summary>Index 0, 1, 2, … with the given probabilities (the last takes what is left).</summary>
    int Pick(params double[] shares)
    {
        var roll = random.NextDouble();
        for (var i = 0; i < shares.Length - 1; i++)
        {
            roll -= shares[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return shares.Length - 1;
    }
}
