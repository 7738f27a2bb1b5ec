using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Data;
using NewsApi.Ingest;

namespace NewsApi.Api.SampleContent;

/// <summary>
/// The embedded default: with <c>NewsApi:LoadSampleContent</c> on (the local run), the API owns its
/// database, creates the schema, and loads the repository's sample content into an empty database,
/// so a newcomer sees data at once. Where the ingest service owns the database (compose) it is off.
/// </summary>
public static class SampleContentLoader
{
    public static async Task LoadSampleContentAsync(this WebApplication app, CancellationToken ct = default)
    {
        if (!app.Configuration.GetValue("NewsApi:LoadSampleContent", false))
        {
            return;
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await DatabaseSchema.MigrateAsync(db, ct);
        if (await db.Articles.AnyAsync(ct))
        {
            return;
        }

        var configured = app.Configuration["NewsApi:SampleContentRoot"] ?? "samples";
        var root = FindFolder(configured, app.Environment.ContentRootPath);
        if (root is null)
        {
            app.Logger.LogWarning("Sample content folder '{Folder}' not found; serving an empty database", configured);
            return;
        }

        var importer = new Importer(scope.ServiceProvider.GetRequiredService<DbContextOptions<NewsDbContext>>());
        var report = await importer.ImportAsync(root, ct: ct);
        app.Logger.LogInformation("Loaded sample content from {Root}: {Summary}", root, report.Summary);
    }

    // Relative to the content root or any folder above it, so the run command works from the
    // repository root and from src/Api alike.
    static string? FindFolder(string path, string start)
    {
        if (Path.IsPathRooted(path))
        {
            return Directory.Exists(path) ? path : null;
        }

        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, path);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
