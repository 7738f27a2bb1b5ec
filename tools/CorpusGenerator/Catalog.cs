namespace NewsApi.CorpusGenerator;

/// <summary>A publisher of the catalog; <see cref="Domain"/> is null for the rare provider known by name only.</summary>
internal sealed record ProviderInfo(string Name, string? Domain, bool HasLogo);

/// <summary>The providers and topics of a corpus, most popular first, with their skewed pickers.</summary>
internal sealed class Catalog
{
    readonly WeightedPicker _providerPicker;
    readonly WeightedPicker _topicPicker;

    Catalog(IReadOnlyList<ProviderInfo> providers, IReadOnlyList<string> topics, CorpusProfile profile)
    {
        Providers = providers;
        Topics = topics;
        _providerPicker = WeightedPicker.Zipf(providers.Count, profile.ProviderSkew);
        _topicPicker = WeightedPicker.Zipf(topics.Count, profile.TopicSkew);
    }

    public IReadOnlyList<ProviderInfo> Providers { get; }
    public IReadOnlyList<string> Topics { get; }

    public static Catalog Create(CorpusProfile profile, Random random)
    {
        var topics = (profile.Name == CorpusProfile.Sample.Name ? Vocabulary.SampleTopics : Vocabulary.BenchTopics)
            .Take(profile.TopicCount).ToArray();
        var slugs = topics.Select(Slugs.Topic).ToArray();
        if (slugs.Distinct(StringComparer.Ordinal).Count() != slugs.Length || slugs.Any(s => s.Length == 0))
        {
            throw new InvalidOperationException("Topic names must have distinct, non-empty slugs.");
        }

        var providers = profile.Name == CorpusProfile.Sample.Name
            ? Vocabulary.SampleProviders.Take(profile.ProviderCount).Select(p => new ProviderInfo(p.Name, p.Domain, p.Domain is not null)).ToList()
            : BenchProviders(profile.ProviderCount, random);
        return new Catalog(providers, topics, profile);
    }

    public ProviderInfo PickProvider(Random random) => Providers[_providerPicker.Next(random)];

    /// <summary>Distinct topics, the first one the article's main subject.</summary>
    public List<string> PickTopics(Random random, int count)
    {
        var picked = new List<string>(count);
        while (picked.Count < Math.Min(count, Topics.Count))
        {
            var topic = Topics[_topicPicker.Next(random)];
            if (!picked.Contains(topic))
            {
                picked.Add(topic);
            }
        }

        return picked;
    }

    static List<ProviderInfo> BenchProviders(int count, Random random)
    {
        var providers = new List<ProviderInfo>(count);
        var domains = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, domain) in Vocabulary.KnownProviders.Take(count))
        {
            providers.Add(new ProviderInfo(name, domain, HasLogo: true));
            domains.Add(domain ?? name);
        }

        while (providers.Count < count)
        {
            var name = Vocabulary.ProviderPrefixes[random.Next(Vocabulary.ProviderPrefixes.Length)] + " "
                + Vocabulary.ProviderCores[random.Next(Vocabulary.ProviderCores.Length)];
            var domain = Slugs.Ascii(name).Replace("-", "", StringComparison.Ordinal)
                + Vocabulary.TopLevelDomains[random.Next(Vocabulary.TopLevelDomains.Length)];
            if (!domains.Add(domain))
            {
                continue;
            }

            // Every 50th generated provider has no domain: SPEC keys it by its lower-cased name.
            var nameOnly = providers.Count % 50 == 25;
            providers.Add(new ProviderInfo(name, nameOnly ? null : domain, HasLogo: random.NextDouble() < 0.8));
        }

        return providers;
    }
}
