using NewsApi.Domain.Data;

namespace NewsApi.Api.Http;

/// <summary>
/// ETag (<see cref="ContentTags"/>), <c>304 Not Modified</c> and <c>Cache-Control</c> for the API's
/// reads. The version is read in a read snapshot opened here and held until the response is
/// written: the endpoint's own snapshot joins it, so the body is of exactly the tag's version, and
/// the version is read once per request (<see cref="SnapshotVersion"/>), and only so many
/// requests hold a snapshot at once (<see cref="ReadGate"/>).
/// </summary>
/// <remarks>
/// Because the tag is shared, a matching <c>If-None-Match</c> says nothing about whether this URL
/// has a representation: the endpoint runs and a 304 replaces only its 200 (RFC 9110 13.2.2: a
/// 4xx comes before any precondition). The body it writes then is dropped before compression.
/// </remarks>
public sealed class ConditionalGets(RequestDelegate next, ContentTags tags)
{
    public async Task InvokeAsync(HttpContext context, ReadGate gate)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        await gate.RunAsync(() => ServeAsync(context), context.RequestAborted);
    }

    // The request's pooled DbContext is leased here, inside the gate, not when the middleware is
    // invoked: requests that read nothing (/health, Swagger, the benchmarks' reference) and requests
    // waiting for a permit hold none.
    async Task ServeAsync(HttpContext context)
    {
        var db = context.RequestServices.GetRequiredService<NewsDbContext>();
        var versions = context.RequestServices.GetRequiredService<SnapshotVersion>();
        await using var snapshot = await ReadSnapshot.BeginAsync(db, context.RequestAborted);
        var version = await versions.CurrentAsync(context.RequestAborted);
        var etag = ContentTags.Of(version);
        var response = context.Response;
        response.OnStarting(() =>
        {
            // Only a success is worth caching: a 404 may become a 200 after the next ingest.
            if (response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified)
            {
                response.GetTypedHeaders().ETag = etag;
                response.Headers.CacheControl = tags.CacheControl;
            }
            else
            {
                response.Headers.CacheControl = "no-cache";
            }

            return Task.CompletedTask;
        });

        if (!ContentTags.Matches(context.Request, etag))
        {
            await next(context);
            return;
        }

        var body = response.Body;
        var unlessNotModified = new UnlessNotModified(body, () => ContentTags.AnswerNotModified(response));
        response.Body = unlessNotModified;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        // An answer without a body never wrote or flushed, so it has not been decided yet.
        if (!response.HasStarted)
        {
            unlessNotModified.Decide();
        }
    }

    /// <summary>
    /// The response body of a request whose client holds the current tag: at the first write or
    /// flush, when the status is final, the answer becomes a 304 if it is a 200, and then nothing
    /// reaches the client; anything else passes through unchanged.
    /// </summary>
    sealed class UnlessNotModified(Stream inner, Func<bool> answerNotModified) : Stream
    {
        bool? _discard;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public bool Decide() => _discard ??= answerNotModified();

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (!Decide())
            {
                inner.Write(buffer, offset, count);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Decide() ? ValueTask.CompletedTask : inner.WriteAsync(buffer, cancellationToken);

        public override void Flush()
        {
            if (!Decide())
            {
                inner.Flush();
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            Decide() ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
