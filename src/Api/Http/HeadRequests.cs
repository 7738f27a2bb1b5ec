namespace NewsApi.Api.Http;

/// <summary>
/// Answers <c>HEAD</c> like <c>GET</c> without a body, so every read endpoint supports it while
/// the OpenAPI document lists each operation once. The body is discarded here rather than left to
/// the server, so the answer is the same on Kestrel and in the test host.
/// </summary>
public sealed class HeadRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            OfferHeadWhereGetIs(context.Response);
            return;
        }

        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    }

    // Routing's 405 lists the methods the endpoints are mapped for, and they are mapped for GET
    // only: HEAD is turned into GET above, before routing. The 405 has no body yet (the status
    // code pages write it), so its headers can still change.
    static void OfferHeadWhereGetIs(HttpResponse response)
    {
        if (response.StatusCode != StatusCodes.Status405MethodNotAllowed || response.HasStarted)
        {
            return;
        }

        var methods = response.Headers.Allow.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (methods.Any(HttpMethods.IsGet) && !methods.Any(HttpMethods.IsHead))
        {
            response.Headers.Allow = string.Join(", ", methods.SelectMany(m => HttpMethods.IsGet(m) ? new[] { m, HttpMethods.Head } : [m]));
        }
    }
}
