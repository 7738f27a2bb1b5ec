using System.IO.Compression;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.ResponseCompression;
using NewsApi.Api.Articles.ListFile;

namespace NewsApi.Api.Http;

/// <summary>
/// What HTTP clients and the open internet need around the endpoints: compression, conditional
/// GETs, HEAD, CORS, security headers, a request timeout and a per-client rate limit. Settings are
/// under <c>NewsApi:Http</c> (see appsettings.json); Kestrel's own limits under <c>Kestrel:Limits</c>.
/// </summary>
public static class HttpPipelineExtensions
{
    const string CorsPolicy = "browsers";

    public static IServiceCollection AddHttpPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("NewsApi:Http").Get<HttpSettings>() ?? new HttpSettings();
        services.AddSingleton(settings);
        services.AddSingleton<ReadGate>();
        services.AddSingleton<ContentTags>();

        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true; // Nothing secret is served, so BREACH has nothing to find.
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/problem+json"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);

        services.AddCors(options => options.AddPolicy(CorsPolicy, policy =>
        {
            var origins = settings.CorsOrigins;
            _ = origins.Length == 0 || origins.Contains("*") ? policy.AllowAnyOrigin() : policy.WithOrigins(origins);
            policy.WithMethods(HttpMethods.Get, HttpMethods.Head).AllowAnyHeader().WithExposedHeaders("Link", "ETag");
        }));

        services.AddRequestTimeouts(options => options.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = settings.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return ValueTask.CompletedTask;
            };
            if (settings.RateLimit is { Enabled: true } limit)
            {
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "", _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limit.Burst,
                        TokensPerPeriod = limit.PermitsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                    }));
            }
        });
        return services;
    }

    /// <summary>Call before the endpoints, inside the exception handler: what follows is limited, compressed and timed.</summary>
    public static WebApplication UseHttpPipeline(this WebApplication app)
    {
        // HEAD becomes GET before routing picks an endpoint.
        app.UseMiddleware<HeadRequests>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseResponseCompression();
        app.UseCors(CorsPolicy);
        app.UseRequestTimeouts();
        app.UseMiddleware<ListFilePages>(); // default list pages from a file, without a snapshot
        app.UseMiddleware<ConditionalGets>();
        return app;
    }
}
