using System.Reflection;
using Microsoft.Net.Http.Headers;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Http;

/// <summary>
/// ETag, <c>304 Not Modified</c> and <c>Cache-Control</c> for the API's reads. Content changes
/// only when an ingest commits, so one tag serves every URL: the content version (which the
/// ingest raises in each changing batch) plus this build's identity (a new build may shape JSON
/// differently). The version is read in a read snapshot opened here and held until the response is
/// written: the endpoint's own snapshot joins it, so the body is of exactly the tag's version, and
/// the version is read once per request (<see cref="SnapshotVersion"/>), and only so many
/// requests hold a snapshot at once (<see cref="ReadGate"/>).
/// </summary>
public sealed class ConditionalGets(RequestDelegate next, HttpSettings settings)
{
    static readonly string BuildStamp = Assembly.GetExecutingAssembly().ManifestModule.ModuleVersionId.ToString("N")[..8];

    readonly string _cacheControl = $"public, max-age={settings.CacheMaxAgeSeconds}";

    public async Task InvokeAsync(HttpContext context, NewsDbContext db, SnapshotVersion versions, ReadGate gate)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        await gate.RunAsync(() => ServeAsync(context, db, versions), context.RequestAborted);
    }

    async Task ServeAsync(HttpContext context, NewsDbContext db, SnapshotVersion versions)
    {
        await using var snapshot = await ReadSnapshot.BeginAsync(db, context.RequestAborted);
        var version = await versions.CurrentAsync(context.RequestAborted);
        var etag = new EntityTagHeaderValue($"\"{version:x}-{BuildStamp}\"", isWeak: true);
        var headers = context.Response.GetTypedHeaders();
        if (Matches(context.Request.GetTypedHeaders().IfNoneMatch, etag))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            headers.ETag = etag;
            context.Response.Headers.CacheControl = _cacheControl;
            return;
        }

        context.Response.OnStarting(() =>
        {
            // Only a success is worth caching: a 404 may become a 200 after the next ingest.
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                headers.ETag = etag;
                context.Response.Headers.CacheControl = _cacheControl;
            }
            else
            {
                context.Response.Headers.CacheControl = "no-cache";
            }

            return Task.CompletedTask;
        });
        await next(context);
    }

    // Weak comparison (RFC 9110 13.1.2): If-None-Match ignores the W/ prefix.
    static bool Matches(IList<EntityTagHeaderValue> ifNoneMatch, EntityTagHeaderValue etag) =>
        ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false));
}
