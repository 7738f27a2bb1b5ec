using System.Diagnostics;
using System.Globalization;
using CsCheck;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// Runs a CsCheck property for the short CI count, or for <c>NEWSAPI_PROPERTY_CASES</c> cases when
/// that is set (the long mode), and fails with the input of any case that hangs: a hung case cannot
/// be stopped, so it runs on a worker thread that the test stops waiting for.
/// </summary>
static class PropertyRuns
{
    public const string CasesVariable = "NEWSAPI_PROPERTY_CASES";

    public static long Cases(long shortMode) =>
        long.TryParse(Environment.GetEnvironmentVariable(CasesVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var cases) && cases > 0
            ? cases
            : shortMode;

    public static void Sample<T>(Gen<T> gen, Action<T> assert, long cases, Func<T, string> print, TimeSpan hangAfter, Action<string> log)
    {
        var current = new RunningCase<T>();
        var watch = Stopwatch.StartNew();
        var run = Task.Factory.StartNew(
            () => gen.Sample(
                value =>
                {
                    current.Begin(value);
                    assert(value);
                    current.End();
                },
                writeLine: log, iter: cases, threads: 1, print: print),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        while (!run.Wait(TimeSpan.FromSeconds(1)))
        {
            if (current.RunningLongerThan(hangAfter, out var stuck))
            {
                Assert.Fail($"A case has run for over {hangAfter.TotalSeconds} s (a hang?): {print(stuck!)}");
            }
        }

        run.GetAwaiter().GetResult();
        log($"{cases} cases in {watch.Elapsed.TotalSeconds:F1} s");
    }

    sealed class RunningCase<T>
    {
        readonly Lock _lock = new();
        T? _value;
        long _started;

        public void Begin(T value)
        {
            lock (_lock)
            {
                (_value, _started) = (value, Stopwatch.GetTimestamp());
            }
        }

        public void End()
        {
            lock (_lock)
            {
                _started = 0;
            }
        }

        public bool RunningLongerThan(TimeSpan limit, out T? value)
        {
            lock (_lock)
            {
                value = _value;
                return _started != 0 && Stopwatch.GetElapsedTime(_started) > limit;
            }
        }
    }
}
