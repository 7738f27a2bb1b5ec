namespace NewsApi.Ingest;

/// <summary>The ingest's command line: <c>&lt;content-root&gt; [--db &lt;file&gt;] [--json] [--allow-empty]</c>.</summary>
sealed record IngestArguments(string ContentRoot, string ConnectionString, bool Json, bool AllowEmpty)
{
    public const string Usage = "usage: NewsApi.Ingest <content-root> [--db <sqlite file>] [--json] [--allow-empty]";

    /// <summary>Null with an error message when the command line is not one we understand.</summary>
    public static (IngestArguments? Arguments, string? Error) Parse(string[] args, string? configuredConnectionString)
    {
        string? root = null, db = null;
        bool json = false, allowEmpty = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--db" when i + 1 < args.Length:
                    db = args[++i];
                    break;
                case "--json":
                    json = true;
                    break;
                case "--allow-empty":
                    allowEmpty = true;
                    break;
                case var arg when arg.StartsWith("--", StringComparison.Ordinal):
                    return (null, $"unknown or incomplete option '{arg}'");
                case var arg when root is null:
                    root = arg;
                    break;
                default:
                    return (null, $"unexpected argument '{args[i]}'");
            }
        }

        if (root is null)
        {
            return (null, "missing the content root");
        }

        var connectionString = db is not null
            ? $"Data Source={db}"
            : configuredConnectionString ?? Domain.DataServiceCollectionExtensions.DefaultConnectionString;
        return (new IngestArguments(root, connectionString, json, allowEmpty), null);
    }
}
