namespace NewsApi.Ingest.Tests;

/// <summary>The ingest's pipeline stage: order, errors and early stops.</summary>
public sealed class ReadAheadTests
{
    [Fact]
    public async Task ItemsArriveInTheSourcesOrder()
    {
        var items = new List<int>();
        await foreach (var item in ReadAhead.Of(Enumerable.Range(0, 1000).ToAsyncEnumerable(), ahead: 1))
        {
            items.Add(item);
        }

        Assert.Equal(Enumerable.Range(0, 1000), items);
    }

    [Fact]
    public async Task TheSourcesErrorReachesTheCallerAfterTheItemsBeforeIt()
    {
        var items = new List<int>();
        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var item in ReadAhead.Of(FailingAfter(3), ahead: 1))
            {
                items.Add(item);
            }
        });

        Assert.Equal("source failed", Assert.IsType<InvalidOperationException>(error).Message);
        Assert.Equal([0, 1, 2], items);
    }

    [Fact]
    public async Task ACallerThatStopsEarlyStopsTheSourceBeforeItReturns()
    {
        var source = new Endless();
        await foreach (var item in ReadAhead.Of(source.Items(), ahead: 1))
        {
            if (item == 5)
            {
                break;
            }
        }

        Assert.True(source.Ended);
        Assert.InRange(source.Produced, 6, 8);
    }

    static async IAsyncEnumerable<int> FailingAfter(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return i;
        }

        throw new InvalidOperationException("source failed");
    }

    sealed class Endless
    {
        public int Produced;
        public bool Ended;

        public async IAsyncEnumerable<int> Items([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    await Task.Yield();
                    ct.ThrowIfCancellationRequested();
                    Produced++;
                    yield return i;
                }
            }
            finally
            {
                Ended = true;
            }
        }
    }
}
