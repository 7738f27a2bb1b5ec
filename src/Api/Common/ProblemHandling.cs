using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Data.Sqlite;

namespace NewsApi.Api.Common;

/// <summary>
/// Maps the few exceptions we expect to problem documents. Anything else falls through to the
/// default handler: a 500 problem with no exception text, stack trace or SQL.
/// </summary>
sealed class ProblemHandling(IProblemDetailsService problems, ILogger<ProblemHandling> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var timedOut = context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;
        var (status, title) = exception switch
        {
            // A cancelled SQLite statement surfaces as SQLITE_INTERRUPT (9) or as a cancellation.
            OperationCanceledException or SqliteException { SqliteErrorCode: 9 } when timedOut => (StatusCodes.Status503ServiceUnavailable, "The request took too long; try again shortly."),
            BadHttpRequestException bad => (bad.StatusCode, "The request is invalid."),
            SqliteException { SqliteErrorCode: 5 or 6 } => (StatusCodes.Status503ServiceUnavailable, "The database is busy; try again shortly."),
            // E.g. no schema yet because the ingest service has not finished its first run.
            SqliteException => (StatusCodes.Status503ServiceUnavailable, "The database is not available; try again shortly."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => (499, "The client closed the request."),
            _ => (0, ""),
        };
        if (status == 0)
        {
            return false;
        }

        logger.LogWarning("Answered {Status} for {Path}: {Exception}", status, context.Request.Path, exception.GetType().Name);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title },
        });
    }
}
