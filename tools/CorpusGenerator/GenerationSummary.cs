using System.Globalization;

namespace NewsApi.CorpusGenerator;

/// <summary>Counts of what a run wrote, printed as its last line.</summary>
internal sealed class GenerationSummary
{
    readonly HashSet<string> _providers = new(StringComparer.Ordinal);
    readonly HashSet<string> _topics = new(StringComparer.Ordinal);

    public int Articles { get; private set; }
    public int Unpublished { get; private set; }
    public int WithRelated { get; private set; }
    public int Videos { get; private set; }
    public long Bytes { get; private set; }

    public void Add(GeneratedArticle article, long bytes)
    {
        Articles++;
        Bytes += bytes;
        Unpublished += article.Published ? 0 : 1;
        WithRelated += article.Related.Count > 0 ? 1 : 0;
        Videos += article.Type == "video" ? 1 : 0;
        _providers.Add(article.Provider.Domain ?? article.Provider.Name);
        _topics.UnionWith(article.Topics);
    }

    public string Describe(GeneratorOptions options, string folder, TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"wrote {Articles} articles ({options.Profile.Name}, seed {options.Seed}) to {folder}: {_providers.Count} providers, "
        + $"{_topics.Count} topics, {Unpublished} unpublished, {WithRelated} with related, {Videos} videos, "
        + $"{Bytes / 1024.0 / 1024.0:0.0} MiB in {elapsed.TotalSeconds:0.0} s");
}
