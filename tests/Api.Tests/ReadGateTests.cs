using NewsApi.Api.Http;

namespace NewsApi.Api.Tests;

/// <summary>The gate lets only so many reads run at once; the others wait their turn.</summary>
public sealed class ReadGateTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AtMostTheSettingRunAtOnceAndTheRestWait(int permits)
    {
        using var gate = new ReadGate(new HttpSettings { MaxConcurrentReads = permits });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var most = 0;
        var started = new List<int>();

        async Task Read(int number)
        {
            lock (started)
            {
                started.Add(number);
                most = Math.Max(most, ++running);
            }

            await release.Task;
            lock (started)
            {
                running--;
            }
        }

        var reads = new List<Task>();
        for (var i = 0; i < 6; i++)
        {
            var number = i;
            reads.Add(gate.RunAsync(() => Read(number), CancellationToken.None));
        }

        // The first ones hold the permits; the others wait without starting.
        lock (started)
        {
            Assert.Equal(Enumerable.Range(0, permits), started);
        }

        release.SetResult();
        await Task.WhenAll(reads).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(permits, most);
        Assert.Equal(Enumerable.Range(0, 6), started.Order());
        if (permits == 1)
        {
            Assert.Equal(Enumerable.Range(0, 6), started); // one at a time: in the order they came
        }
    }

    [Fact]
    public void ByDefaultTwoReadsPerCore() =>
        Assert.Equal(2 * Environment.ProcessorCount, new HttpSettings().MaxConcurrentReads);
}
