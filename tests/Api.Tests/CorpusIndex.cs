using System.Globalization;
using System.Text;
using NewsApi.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace NewsApi.Api.Tests;

/// <summary>A provider as one file gives it; its key is SPEC's: the lower-cased domain, else the lower-cased name.</summary>
public sealed record IndexedProvider(string? Name, string? Domain, IReadOnlyList<string> ImageUrls)
{
    public string? Key =>
        !string.IsNullOrWhiteSpace(Domain) ? Domain.Trim().ToLowerInvariant()
        : !string.IsNullOrWhiteSpace(Name) ? Name.Trim().ToLowerInvariant()
        : null;
}

public sealed record IndexedRelated(string? Title, DateTime? PublishedDateTime, string? ProviderName, string? ProviderDomain, int? Quality);

/// <summary>One file's front matter, read by the test itself (YamlDotNet's representation model, no product code).</summary>
public sealed record IndexedArticle(
    string Id, string Category, string Title, string? Excerpt, DateTime? PublishedDateTime, string? Type,
    int? Quality, int? Heat, bool Published, IndexedProvider? Provider, IReadOnlyList<string> Topics,
    IReadOnlyList<IndexedRelated> Related, string? Secured, string? WebUrl, string? OriginalUrl)
{
    public int RelatedCount => Related.Count;

    public IReadOnlyList<string> TopicSlugs => [.. Topics.Select(ReferenceWords.Slug).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];

    public IReadOnlyList<string> Words => [.. ReferenceWords.Of(Title), .. ReferenceWords.Of(Excerpt)];
}

/// <summary>
/// The expected side of the API tests: every article of a content root, read from its YAML, and the
/// counts, orders and names that SPEC section 3 derives from them.
/// </summary>
public sealed class CorpusIndex
{
    static readonly string[] FieldOrderKeys = ["publishedDateTime", "quality", "heat", "title"];

    CorpusIndex(IReadOnlyList<IndexedArticle> all) => All = all;

    public IReadOnlyList<IndexedArticle> All { get; }

    public IReadOnlyList<IndexedArticle> Published => [.. All.Where(a => a.Published)];

    public IndexedArticle this[string id] => All.Single(a => a.Id == id);

    public static CorpusIndex Load(string root)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase))
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal);
        return new CorpusIndex([.. files.Select(f => Read(root, f))]);
    }

    /// <summary>The YAML between the first two <c>---</c> lines, as a mapping.</summary>
    public static YamlMappingNode FrontMatter(string path)
    {
        var lines = File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines[0].TrimEnd() != "---")
        {
            throw new InvalidDataException($"{path} has no front matter");
        }

        var end = lines.FindIndex(1, l => l.TrimEnd() == "---");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(string.Join('\n', lines.Skip(1).Take(end - 1))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    static IndexedArticle Read(string root, string path)
    {
        var map = FrontMatter(path);
        var folders = Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar)[..^1];
        var folderCategory = folders.LastOrDefault(f => f.Length > 1 && f[0] == '_')?[1..];
        return new IndexedArticle(
            Path.GetFileNameWithoutExtension(path),
            Text(map, "category") ?? folderCategory ?? "",
            Text(map, "title") ?? throw new InvalidDataException($"{path} has no title"),
            Text(map, "excerpt"),
            Time(map, "publishedDateTime"),
            Text(map, "type"),
            Number(map, "quality"),
            Number(map, "heat"),
            Text(map, "published") is { } published ? bool.Parse(published) : true,
            Provider(Child(map, "provider") as YamlMappingNode),
            Topics(Child(map, "topics")),
            Child(map, "related") is YamlSequenceNode related
                ? [.. related.Children.OfType<YamlMappingNode>().Select(r =>
                    new IndexedRelated(Text(r, "title"), Time(r, "publishedDateTime"),
                        Text(Child(r, "provider") as YamlMappingNode, "name"), Text(Child(r, "provider") as YamlMappingNode, "domain"),
                        Number(r, "quality")))]
                : [],
            Text(map, "secured"),
            Text(map, "webUrl"),
            Text(map, "originalUrl"));
    }

    static YamlNode? Child(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>A scalar's text; <c>~</c> or an empty value is absent.</summary>
    public static string? Text(YamlMappingNode? map, string key) =>
        Child(map, key) is YamlScalarNode { Value: { } value } scalar
            && !(scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (value.Length == 0 || value == "~"))
            ? value
            : null;

    static int? Number(YamlMappingNode? map, string key) =>
        Text(map, key) is { } text ? int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;

    static DateTime? Time(YamlMappingNode? map, string key) =>
        Text(map, key) is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime
            : null;

    static IndexedProvider? Provider(YamlMappingNode? map) => map is null
        ? null
        : new IndexedProvider(Text(map, "name"), Text(map, "domain"),
            Child(map, "images") is YamlSequenceNode images
                ? [.. images.Children.OfType<YamlMappingNode>().Select(i => Text(i, "url") ?? "")]
                : []);

    static List<string> Topics(YamlNode? node) => node switch
    {
        YamlSequenceNode list => [.. list.Children.OfType<YamlScalarNode>()
            .Where(s => !string.IsNullOrEmpty(s.Value) && !(s.Style == YamlDotNet.Core.ScalarStyle.Plain && s.Value == "~"))
            .Select(s => s.Value!)],
        YamlScalarNode { Value: { Length: > 0 } one } when one != "~" => [one],
        _ => [],
    };

    /// <summary>SPEC's <c>q</c>: every word of the query starts some word of the title or excerpt.</summary>
    public static bool MatchesWords(IndexedArticle article, string q)
    {
        var words = article.Words;
        return ReferenceWords.Of(q).All(w => words.Any(x => x.StartsWith(w, StringComparison.Ordinal)));
    }

    /// <summary>SPEC's sort: '-' descends; missing values last in both directions; ties by id; titles case-insensitive.</summary>
    public static List<IndexedArticle> Sorted(IEnumerable<IndexedArticle> articles, string sort)
    {
        var descending = sort.StartsWith('-');
        var field = sort.TrimStart('-');
        if (!FieldOrderKeys.Contains(field))
        {
            throw new ArgumentException($"unknown sort {sort}", nameof(sort));
        }

        var list = articles.ToList();
        list.Sort((a, b) =>
        {
            var byValue = field switch
            {
                "publishedDateTime" => CompareMissingLast(a.PublishedDateTime, b.PublishedDateTime, descending),
                "quality" => CompareMissingLast(a.Quality, b.Quality, descending),
                "heat" => CompareMissingLast(a.Heat, b.Heat, descending),
                _ => (descending ? -1 : 1) * CompareCodePoints(a.Title.ToLowerInvariant(), b.Title.ToLowerInvariant()),
            };
            return byValue != 0 ? byValue : string.CompareOrdinal(a.Id, b.Id);
        });
        return list;
    }

    static int CompareMissingLast<T>(T? a, T? b, bool descending) where T : struct, IComparable<T> => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        ({ } x, { } y) => (descending ? -1 : 1) * x.CompareTo(y),
    };

    static int CompareCodePoints(string a, string b) =>
        Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));

    /// <summary>Published articles per provider key.</summary>
    public Dictionary<string, int> ProviderCounts() => Published
        .Where(a => a.Provider?.Key is not null)
        .GroupBy(a => a.Provider!.Key!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Published articles per topic slug (an article counts once per topic).</summary>
    public Dictionary<string, int> TopicCounts() => Published
        .SelectMany(a => a.TopicSlugs)
        .GroupBy(s => s, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>The name most of a provider's published articles give; ties go to the newest article's.</summary>
    public string? ProviderName(string key) => MostGiven(
        Published.Where(a => a.Provider?.Key == key).Select(a => (a.Provider!.Name, a.PublishedDateTime)));

    /// <summary>The image URLs most of a provider's published articles give; ties go to the newest article's.</summary>
    public IReadOnlyList<string> ProviderImageUrls(string key) => MostGiven(
        Published.Where(a => a.Provider?.Key == key).Select(a => ((string?)string.Join('\n', a.Provider!.ImageUrls), a.PublishedDateTime)))?
        .Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>The name most of a topic's published articles give (first name per article); ties go to the newest.</summary>
    public string? TopicName(string slug) => MostGiven(
        Published.Where(a => a.TopicSlugs.Contains(slug))
            .Select(a => ((string?)a.Topics.First(t => ReferenceWords.Slug(t) == slug), a.PublishedDateTime)));

    static string? MostGiven(IEnumerable<(string? Value, DateTime? Time)> votes) => votes
        .GroupBy(v => v.Value, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count())
        .ThenByDescending(g => g.Max(v => v.Time) ?? DateTime.MinValue)
        .Select(g => g.Key)
        .FirstOrDefault();
}
