using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace NewsApi.Ingest;

/// <summary>A stage of the ingest's pipeline: a sequence produced on the thread pool, ahead of whoever reads it.</summary>
static class ReadAhead
{
    /// <summary>
    /// Enumerates <paramref name="source"/> on the thread pool, at most <paramref name="ahead"/> items
    /// ahead of the caller. Its error reaches the caller in order; a caller that stops early (or fails)
    /// stops the source too, and waits for it to end before anything it uses is disposed.
    /// </summary>
    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> source, int ahead, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var channel = Channel.CreateBounded<T>(ahead);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producing = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var item in source.WithCancellation(stop.Token))
                    {
                        await channel.Writer.WriteAsync(item, stop.Token);
                    }

                    channel.Writer.Complete();
                }
                catch (Exception e)
                {
                    channel.Writer.Complete(e);
                }
            },
            CancellationToken.None);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(ct))
            {
                yield return item;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producing;
        }
    }
}
