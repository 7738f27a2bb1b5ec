using System.Reflection;
using Microsoft.Net.Http.Headers;

namespace NewsApi.Api.Http;

/// <summary>
/// The validators of the API's reads. Content changes only when an ingest commits, so one tag
/// serves every URL: the content version (which the ingest raises in each changing batch) plus this
/// build's identity (a new build may shape JSON differently).
/// </summary>
public sealed class ContentTags(HttpSettings settings)
{
    static readonly string BuildStamp = Assembly.GetExecutingAssembly().ManifestModule.ModuleVersionId.ToString("N")[..8];

    /// <summary>What a 200 or 304 of a read carries: clients may reuse it for a while, then ask again with its tag.</summary>
    public string CacheControl { get; } = $"public, max-age={settings.CacheMaxAgeSeconds}";

    public static EntityTagHeaderValue Of(long version) => new($"\"{version:x}-{BuildStamp}\"", isWeak: true);

    /// <summary>Whether the request's <c>If-None-Match</c> holds <paramref name="etag"/>; weak comparison (RFC 9110 13.1.2) ignores the W/ prefix.</summary>
    public static bool Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        request.Headers.IfNoneMatch.Count > 0
        && request.GetTypedHeaders().IfNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false));

    /// <summary>Turns a 200 whose body is not written yet into a 304; anything else stays as it is.</summary>
    public static bool AnswerNotModified(HttpResponse response)
    {
        if (response.StatusCode != StatusCodes.Status200OK)
        {
            return false;
        }

        // RFC 9110 15.4.5: a 304 carries the Vary that its 200 would have. Compression adds it to a
        // JSON answer to a request that accepts an encoding; the 304 has no body left to compress.
        var compressible = response.HttpContext.Request.Headers.AcceptEncoding.Count > 0
            && response.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;
        response.StatusCode = StatusCodes.Status304NotModified;
        response.ContentType = null;
        response.ContentLength = null;
        if (compressible)
        {
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }

        return true;
    }
}
