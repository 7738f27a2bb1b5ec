using System.Globalization;

namespace NewsApi.CorpusGenerator;

internal static class Program
{
    const string Usage = "usage: NewsApi.CorpusGenerator <output folder> --count N [--seed S (default 42)] "
        + "[--profile sample|bench (default bench)] [--clean (replace <output folder>/_news)]";

    static int Main(string[] args)
    {
        // Byte-identical output must not depend on the machine's culture, even if a format call forgets its provider.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

        if (args is ["-h"] or ["--help"])
        {
            Console.WriteLine(Usage);
            return 0;
        }

        if (!TryParse(args, out var options, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var newsFolder = Path.Combine(options.OutputFolder, "_news");
        try
        {
            if (Directory.Exists(newsFolder) && Directory.EnumerateFileSystemEntries(newsFolder).Any())
            {
                if (!options.Clean)
                {
                    Console.Error.WriteLine($"{newsFolder} is not empty; pass --clean to replace it.");
                    return 2;
                }

                Directory.Delete(newsFolder, recursive: true);
            }

            Console.WriteLine(CorpusWriter.Write(options, newsFolder));
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{newsFolder}: {e.Message}");
            return 1;
        }
    }

    static bool TryParse(string[] args, out GeneratorOptions options, out string error)
    {
        options = null!;
        error = "";
        string? output = null;
        int? count = null;
        var seed = 42;
        var profile = CorpusProfile.Bench;
        var clean = false;

        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Length ? args[++i] : null;
            switch (arg)
            {
                case "--count":
                    if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                    {
                        error = "--count needs a positive integer.";
                        return false;
                    }

                    count = n;
                    break;
                case "--seed":
                    if (!int.TryParse(Value(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
                    {
                        error = "--seed needs an integer.";
                        return false;
                    }

                    break;
                case "--profile":
                    var name = Value();
                    if (name is null || CorpusProfile.Find(name) is not { } found)
                    {
                        error = "--profile is sample or bench.";
                        return false;
                    }

                    profile = found;
                    break;
                case "--clean":
                    clean = true;
                    break;
                default:
                    if (arg.StartsWith('-') || output is not null)
                    {
                        error = $"unexpected argument '{arg}'.";
                        return false;
                    }

                    output = arg;
                    break;
            }
        }

        if (output is null || count is null)
        {
            error = "an output folder and --count are required.";
            return false;
        }

        options = new GeneratorOptions(output, count.Value, seed, profile, clean);
        return true;
    }
}
