using System.Diagnostics;
using System.Text;

namespace NewsApi.CorpusGenerator;

/// <summary>Streams a corpus to disk one file at a time, so memory stays flat whatever the count.</summary>
internal static class CorpusWriter
{
    static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static string Write(GeneratorOptions options, string newsFolder)
    {
        var stopwatch = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var catalog = Catalog.Create(options.Profile, random);
        var factory = new ArticleFactory(options.Profile, catalog, random);
        var summary = new GenerationSummary();
        var createdFolders = new HashSet<string>(StringComparer.Ordinal);

        for (var index = 0; index < options.Count; index++)
        {
            var article = factory.Create(index);
            var folder = options.Profile.YearFolders ? Path.Combine(newsFolder, article.Id[..4]) : newsFolder;
            if (createdFolders.Add(folder))
            {
                Directory.CreateDirectory(folder);
            }

            using var stream = new FileStream(Path.Combine(folder, article.Id + ".md"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 16384);
            using (var writer = new StreamWriter(stream, Utf8NoBom, 16384, leaveOpen: true))
            {
                ArticleWriter.Write(writer, article);
            }

            summary.Add(article, stream.Length);
        }

        return summary.Describe(options, newsFolder, stopwatch.Elapsed);
    }
}
