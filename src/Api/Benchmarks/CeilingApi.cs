using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Articles.ListFile;
using NewsApi.Api.Common;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Benchmarks;

/// <summary>
/// More yardsticks, on with the reference (<c>NewsApi:BenchmarkReference</c>), that bound what any
/// list design could reach (<c>bench/ceiling.sh</c>). <c>pipeline</c> and <c>clustered</c> pass the
/// same read gate, snapshot, version read and ETag as <c>/api/articles</c> (they are under
/// <c>/api</c>) and skip everything else a list does: <c>pipeline</c> then answers the reference's
/// constant bytes; <c>clustered</c> reads the page as one range of a table of list items already
/// rendered as JSON in the default order (ceiling.sh adds it to a copy of a database) and writes
/// them as they are. <c>/bench/file</c> reads the same items from a flat file, outside the pipeline.
/// </summary>
static class CeilingApi
{
    public static void MapCeilings(this IEndpointRouteBuilder app, Lazy<Task<byte[]>> referencePage)
    {
        app.MapGet("/api/bench/pipeline", async Task<Results<FileContentHttpResult, ValidationProblem>> (
            [AsParameters] PageParameters parameters, NewsDbContext db, SnapshotVersion versions, CancellationToken ct) =>
        {
            if (!TryRead(parameters, out _, out var invalid))
            {
                return invalid;
            }

            await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
            await versions.CurrentAsync(ct);
            return TypedResults.Bytes(await referencePage.Value, "application/json; charset=utf-8");
        }).ExcludeFromDescription();

        app.MapGet("/api/bench/clustered", async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> (
            [AsParameters] PageParameters parameters, NewsDbContext db, SnapshotVersion versions, HttpContext context, CancellationToken ct) =>
        {
            if (!TryRead(parameters, out var paging, out var invalid))
            {
                return invalid;
            }

            await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
            await versions.CurrentAsync(ct);
            if (BenchListItems.Count(db) is not { } total)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No clustered list items",
                    detail: "This database has no BenchListItems table: bench/ceiling.sh adds one to a copy of a database.");
            }

            context.Response.ContentType = "application/json; charset=utf-8";
            await using (var json = new Utf8JsonWriter(context.Response.BodyWriter))
            {
                json.WriteStartObject();
                json.WriteStartArray("items");
                BenchListItems.Write(db, paging.Offset, paging.PageSize, json);
                json.WriteEndArray();
                json.WriteNumber("page", paging.Page);
                json.WriteNumber("pageSize", paging.PageSize);
                json.WriteNumber("totalCount", total);
                json.WriteNumber("totalPages", PageRequest.PageCount(total, paging.PageSize));
                json.WriteEndObject();
            }

            return TypedResults.Empty;
        }).ExcludeFromDescription();
    }

    /// <summary>
    /// The third yardstick, on when <c>NewsApi:BenchListFile</c> names bench/ceiling.sh's flat file of
    /// the same items: a page as one positioned read of it, outside the <c>/api</c> pipeline (no read
    /// gate, no snapshot, no SQLite), as a list served from immutable per-version files would be.
    /// </summary>
    /// <remarks>
    /// <c>/bench/file?versioned=true</c> first reads the content version on a kept-open connection
    /// and sends it as the ETag, as such a list must to know which version's file answers.
    /// </remarks>
    public static void MapFileCeiling(this IEndpointRouteBuilder app, string path)
    {
        var file = new Lazy<ListItemsFile>(() => ListItemsFile.Open(path));
        var versions = app.ServiceProvider.GetRequiredService<ContentVersionProbe>();
        app.MapGet("/bench/file", async Task<Results<EmptyHttpResult, ValidationProblem>> (
            [AsParameters] PageParameters parameters, bool? versioned, HttpContext context, CancellationToken ct) =>
        {
            if (!TryRead(parameters, out var paging, out var invalid))
            {
                return invalid;
            }

            if (versioned == true)
            {
                context.Response.Headers.ETag = $"W/\"{versions.Current():x}\"";
            }

            var items = file.Value;
            context.Response.ContentType = "application/json; charset=utf-8";
            await using (var json = new Utf8JsonWriter(context.Response.BodyWriter))
            {
                json.WriteStartObject();
                json.WritePropertyName("items");
                json.WriteRawValue(items.ReadArray(paging.Offset, paging.PageSize), skipInputValidation: true);
                json.WriteNumber("page", paging.Page);
                json.WriteNumber("pageSize", paging.PageSize);
                json.WriteNumber("totalCount", items.Count);
                json.WriteNumber("totalPages", PageRequest.PageCount(items.Count, paging.PageSize));
                json.WriteEndObject();
            }

            return TypedResults.Empty;
        }).ExcludeFromDescription();
    }

    static bool TryRead(PageParameters parameters, out PageRequest paging, out ValidationProblem invalid)
    {
        var errors = new QueryErrors();
        paging = errors.Page(parameters.Page, parameters.PageSize);
        invalid = errors.Any ? Problems.Invalid(errors) : null!;
        return !errors.Any;
    }
}
