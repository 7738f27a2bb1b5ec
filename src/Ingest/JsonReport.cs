using System.Text.Json;

namespace NewsApi.Ingest;

/// <summary>
/// <c>--json</c>: the full report on stdout, streamed file by file so a million-file run never holds
/// its outcomes: <c>{"files": [{path, status, reason, line, column}], "batches": [{added, updated,
/// unchanged, removed, rejected, publishedArticles}], "added": A, …}</c>, one batch entry per commit.
/// </summary>
static class JsonReport
{
    public static async Task<ImportReport> RunAsync(Importer importer, string root, CancellationToken ct)
    {
        await using var stdout = Console.OpenStandardOutput();
        await using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteStartArray("files");
        ImportReport report;
        var batches = new List<BatchReport>();
        try
        {
            report = await importer.ImportAsync(root, outcome => WriteFile(json, outcome), batches.Add, ct);
        }
        catch
        {
            // A usage error writes no report at all: drop what has not reached stdout yet.
            json.Reset();
            throw;
        }

        json.WriteEndArray();
        json.WriteStartArray("batches");
        batches.ForEach(batch => WriteBatch(json, batch));
        json.WriteEndArray();
        json.WriteNumber("added", report.Added);
        json.WriteNumber("updated", report.Updated);
        json.WriteNumber("unchanged", report.Unchanged);
        json.WriteNumber("removed", report.Removed);
        json.WriteNumber("rejected", report.Rejected);
        json.WriteEndObject();
        await json.FlushAsync(ct);
        await stdout.WriteAsync("\n"u8.ToArray(), ct);
        return report;
    }

    static void WriteFile(Utf8JsonWriter json, FileOutcome outcome)
    {
        json.WriteStartObject();
        json.WriteString("path", outcome.Path);
        json.WriteString("status", outcome.Status.ToString().ToLowerInvariant());
        WriteOrNull(json, "reason", outcome.Reason);
        WriteOrNull(json, "line", outcome.Line);
        WriteOrNull(json, "column", outcome.Column);
        json.WriteEndObject();
        if (json.BytesPending > 64 * 1024)
        {
            json.Flush();
        }

        if (outcome.Status == FileStatus.Rejected)
        {
            Console.Error.WriteLine(outcome.ToString());
        }
    }

    static void WriteBatch(Utf8JsonWriter json, BatchReport batch)
    {
        json.WriteStartObject();
        json.WriteNumber("added", batch.Added);
        json.WriteNumber("updated", batch.Updated);
        json.WriteNumber("unchanged", batch.Unchanged);
        json.WriteNumber("removed", batch.Removed);
        json.WriteNumber("rejected", batch.Rejected);
        json.WriteNumber("publishedArticles", batch.PublishedArticles);
        json.WriteEndObject();
    }

    static void WriteOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) { json.WriteNull(name); } else { json.WriteString(name, value); }
    }

    static void WriteOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is null) { json.WriteNull(name); } else { json.WriteNumber(name, value.Value); }
    }
}
