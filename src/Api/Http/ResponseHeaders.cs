namespace NewsApi.Api.Http;

/// <summary>
/// Headers on every response. The security headers keep browsers from sniffing, framing or
/// running anything from our JSON. Swagger UI is the only HTML we serve: its page loads its own
/// scripts and styles from us, uses inline style attributes and data: images, and calls the API
/// on the same origin.
/// </summary>
public sealed class ResponseHeaders(RequestDelegate next)
{
    const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    const string SwaggerUiPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        // Set as the response starts: the exception handler clears headers before it writes a problem.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger") ? SwaggerUiPolicy : ApiPolicy;
            // Problems are written as bare application/problem+json; say the charset as for JSON.
            if (headers.ContentType == "application/problem+json")
            {
                headers.ContentType = "application/problem+json; charset=utf-8";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
