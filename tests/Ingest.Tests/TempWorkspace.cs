using Microsoft.Data.Sqlite;
using NewsApi.Domain;
using NewsApi.Domain.Data;

namespace NewsApi.Ingest.Tests;

/// <summary>A temp folder holding a content root and a SQLite file, removed on dispose.</summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "newsapi-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Content);
    }

    public string Root { get; }
    public string Content => Path.Combine(Root, "content");
    public string DatabasePath => Path.Combine(Root, "news.db");
    public string ConnectionString => $"Data Source={DatabasePath}";

    public Importer Importer(ImportSettings? settings = null) =>
        new(DataServiceCollectionExtensions.CreateOptions(ConnectionString), settings);

    public NewsDbContext OpenDb() => new(DataServiceCollectionExtensions.CreateOptions(ConnectionString));

    /// <summary>Writes a file under the content root, creating its folders.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Content, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Content, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Copies a folder tree into the content root (under <paramref name="under"/>).</summary>
    public void CopyFrom(string source, string under = "")
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Content, under, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
