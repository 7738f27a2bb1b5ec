namespace NewsApi.Api.Http;

/// <summary>
/// At most <see cref="HttpSettings.MaxConcurrentReads"/> requests reading the database at once;
/// the others wait their turn (or their request timeout).
/// </summary>
public sealed class ReadGate(HttpSettings settings) : IDisposable
{
    readonly SemaphoreSlim _permits = new(Math.Max(1, settings.MaxConcurrentReads));

    public async Task RunAsync(Func<Task> read, CancellationToken ct)
    {
        await _permits.WaitAsync(ct);
        try
        {
            await read();
        }
        finally
        {
            _permits.Release();
        }
    }

    public void Dispose() => _permits.Dispose();
}
