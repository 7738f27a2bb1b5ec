using Microsoft.Data.Sqlite;
using NewsApi.Domain;
using Spectre.Console;

namespace NewsApi.Ingest;

static class Program
{
    static async Task<int> Main(string[] args)
    {
        var (arguments, error) = IngestArguments.Parse(args, Environment.GetEnvironmentVariable("ConnectionStrings__News"));
        if (arguments is null)
        {
            await Console.Error.WriteLineAsync($"{error}\n{IngestArguments.Usage}");
            return ExitCodes.Usage;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var importer = new Importer(
            DataServiceCollectionExtensions.CreateOptions(arguments.ConnectionString),
            new ImportSettings { AllowEmpty = arguments.AllowEmpty });
        try
        {
            var report = arguments.Json
                ? await JsonReport.RunAsync(importer, arguments.ContentRoot, cancel.Token)
                : await RunWithConsoleAsync(importer, arguments.ContentRoot, cancel.Token);
            return report.Rejected == 0 ? ExitCodes.Success : ExitCodes.SomeRejected;
        }
        catch (ImportUsageException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (SqliteException e)
        {
            await Console.Error.WriteLineAsync($"error: the database {arguments.ConnectionString} cannot be used: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled: every committed batch is kept; the next run completes the rest");
            return ExitCodes.Usage;
        }
    }

    // Reject lines go to stderr as they happen, the summary is stdout's last line, and a progress
    // bar shows only when stderr is a terminal (a log file gets plain lines).
    static async Task<ImportReport> RunWithConsoleAsync(Importer importer, string root, CancellationToken ct)
    {
        if (Console.IsErrorRedirected)
        {
            var report = await importer.ImportAsync(root, PrintRejected, ct: ct);
            Console.WriteLine(report.Summary);
            return report;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var total = new ContentRoot(root).Files().Count();
        var result = await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("ingesting", maxValue: Math.Max(total, 1));
                return await importer.ImportAsync(root, outcome =>
                {
                    if (outcome.Status == FileStatus.Rejected)
                    {
                        console.WriteLine(outcome.ToString(), new Style(Color.Red));
                    }

                    if (outcome.Status != FileStatus.Removed)
                    {
                        task.Increment(1);
                    }
                }, ct: ct);
            });
        Console.WriteLine(result.Summary);
        return result;
    }

    static void PrintRejected(FileOutcome outcome)
    {
        if (outcome.Status == FileStatus.Rejected)
        {
            Console.Error.WriteLine(outcome.ToString());
        }
    }
}

static class ExitCodes
{
    public const int Success = 0;
    public const int SomeRejected = 1;
    public const int Usage = 2;
}
