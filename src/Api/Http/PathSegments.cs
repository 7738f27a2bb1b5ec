using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace NewsApi.Api.Http;

/// <summary>
/// Path segments as the client encoded them. Kestrel decodes every escape of the path but "%2F", so
/// that an encoded slash does not split a segment; a route value then holds "%2F" both for a slash
/// (sent as "%2F") and for the text "%2F" itself (sent as "%252F"). The raw request target tells the
/// two apart: there, each segment is decoded exactly once.
/// </summary>
public static class PathSegments
{
    const string EncodedSlash = "%2F";

    /// <summary>A route value decoded once: a key holding '/' is found by <c>Uri.EscapeDataString(key)</c>, as any other key is.</summary>
    public static string Decode(HttpContext context, string routeValue)
    {
        if (!routeValue.Contains(EncodedSlash, StringComparison.OrdinalIgnoreCase))
        {
            return routeValue; // decoded in full already: no "%2F" was sent, neither was "%252F"
        }

        var (served, decoded) = Read(context.Request);
        var at = Array.LastIndexOf(served, routeValue);
        return at < 0 ? DecodeSlashes(routeValue) : decoded[at];
    }

    /// <summary>The request's path with each segment escaped once, for links to the same resource.</summary>
    public static string Encoded(HttpRequest request)
    {
        var path = request.PathBase + request.Path;
        if (path.Value?.Contains('%', StringComparison.Ordinal) != true)
        {
            return path.ToUriComponent();
        }

        // PathString keeps any "%XX" it holds as an escape, which a literal '%' (sent as "%25") is not.
        return string.Join('/', Read(request).Decoded.Select(Uri.EscapeDataString));
    }

    // The path's segments as the server decoded them, and as the client meant them.
    static (string[] Served, string[] Decoded) Read(HttpRequest request)
    {
        var served = (request.PathBase + request.Path).Value?.Split('/') ?? [];
        if (RawPath(request.HttpContext) is { } raw)
        {
            var sent = raw.Split('/');
            if (sent.Length == served.Length && sent.Select(DecodeAllButSlashes).SequenceEqual(served, StringComparer.Ordinal))
            {
                return (served, Array.ConvertAll(sent, Uri.UnescapeDataString));
            }
        }

        // No raw target (a test host), or one that the server rewrote (dot segments removed): a
        // slash is far likelier in a key than the text "%2F".
        return (served, Array.ConvertAll(served, DecodeSlashes));
    }

    static string? RawPath(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
        {
            return null; // none, or the absolute or asterisk form
        }

        var query = target.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? target : target[..query];
    }

    // As Kestrel decodes a segment: every escape but "%2F", kept as sent.
    static string DecodeAllButSlashes(string segment)
    {
        var decoded = new StringBuilder(segment.Length);
        var start = 0;
        for (var at = segment.IndexOf(EncodedSlash, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = segment.IndexOf(EncodedSlash, start, StringComparison.OrdinalIgnoreCase))
        {
            decoded.Append(Uri.UnescapeDataString(segment.AsSpan(start, at - start))).Append(segment, at, EncodedSlash.Length);
            start = at + EncodedSlash.Length;
        }

        return decoded.Append(Uri.UnescapeDataString(segment.AsSpan(start))).ToString();
    }

    static string DecodeSlashes(string value) => value.Replace(EncodedSlash, "/", StringComparison.OrdinalIgnoreCase);
}
