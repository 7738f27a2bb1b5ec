namespace NewsApi.CorpusGenerator;

/// <summary>What to generate and where; <see cref="Clean"/> allows replacing an existing _news folder.</summary>
internal sealed record GeneratorOptions(string OutputFolder, int Count, int Seed, CorpusProfile Profile, bool Clean);
