using Microsoft.AspNetCore.Http.Timeouts;

namespace NewsApi.Api.Http;

/// <summary>
/// The request timeout covers finding the answer, not sending it: it cancels <c>RequestAborted</c>,
/// which the JSON writer also watches, and a timeout that fires once the body has begun can only
/// reset the connection. So when a handler has its answer, the timeout is switched off; if it
/// fired first, the request ends as the timeout's 503 before a byte is written.
/// </summary>
public static class TimeoutEndsAtAnswer
{
    public static RouteGroupBuilder EndTimeoutAtAnswer(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var answer = await next(context);
            if (context.HttpContext.Features.Get<IHttpRequestTimeoutFeature>() is { } timeout)
            {
                timeout.DisableTimeout();
                timeout.RequestTimeoutToken.ThrowIfCancellationRequested();
            }

            return answer;
        });
}
