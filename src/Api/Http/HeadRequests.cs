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
}
