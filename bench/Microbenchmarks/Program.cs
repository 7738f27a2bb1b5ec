using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace NewsApi.Microbenchmarks;

/// <summary>
/// <c>dotnet Microbenchmarks.dll [--tiny] [BenchmarkDotNet arguments, e.g. --filter *FrontMatter*]</c>.
/// <c>--tiny</c> runs every benchmark once, in-process, with no warm-up or pilot stage (BenchmarkDotNet's
/// dry job): a CI smoke check that the benchmarks still build and run, not a measurement.
/// </summary>
static class Program
{
    static int Main(string[] args)
    {
        var tiny = args.Contains("--tiny");
        var rest = args.Where(a => a != "--tiny").ToArray();
        if (!rest.Contains("--filter") && !rest.Contains("--list"))
        {
            // Without a filter BenchmarkDotNet asks which benchmarks to run: never wait for a keyboard.
            rest = [.. rest, "--filter", "*"];
        }

        // Every benchmark checks its own input in [GlobalSetup]; a wrong parse result throws there.
        Checks.Run();

        IConfig config = DefaultConfig.Instance;
        if (tiny)
        {
            config = DefaultConfig.Instance
                .AddJob(Job.Dry.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance))
                .WithOptions(ConfigOptions.DisableLogFile);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed || !summaries.Any() ? 1 : 0;
    }
}
