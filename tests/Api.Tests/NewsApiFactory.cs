using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Api.Articles.Index;
using NewsApi.Api.Articles.ListFile;
using NewsApi.Domain;
using NewsApi.Ingest;
using NewsApi.Tests.Shared;

namespace NewsApi.Api.Tests;

/// <summary>
/// The API over a temp SQLite file of its own, filled once by the product's importer from a content
/// root; the test side reads the same root's YAML into <see cref="Index"/> for expected values.
/// Used as a class fixture, so each test class ingests once and no class sees another's data.
/// </summary>
public abstract class NewsApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "newsapi-api-tests-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_folder, "news.db");

    public CorpusIndex Index { get; private set; } = null!;

    public string ContentRoot { get; private set; } = null!;

    /// <summary>Files the importer rejected, as its reject lines: none are expected in either root.</summary>
    public IReadOnlyList<string> Rejected { get; private set; } = [];

    /// <summary>Returns the content root to ingest; may write it under <paramref name="workFolder"/>.</summary>
    protected abstract Task<string> PrepareContentRootAsync(string workFolder);

    async Task IAsyncLifetime.InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        ContentRoot = await PrepareContentRootAsync(_folder);
        var rejected = new List<string>();
        var importer = new Importer(DataServiceCollectionExtensions.CreateOptions("Data Source=" + DatabasePath));
        await importer.ImportAsync(ContentRoot, outcome =>
        {
            if (outcome.Status == FileStatus.Rejected)
            {
                rejected.Add(outcome.ToString());
            }
        });
        Rejected = rejected;
        Index = CorpusIndex.Load(ContentRoot);

        // Lists are answered from the list index once it is read (by SQL before): wait for it, so
        // that every test of a list tests the index, and fail here if it cannot be read.
        var indexes = Services.GetRequiredService<ArticleListIndexes>();
        await indexes.RefreshAsync();
        if (indexes.Enabled && indexes.Current is null)
        {
            throw new InvalidOperationException("The article list index was not built; see the API's log.");
        }

        // Likewise the list file that answers plain pages of /api/articles, written after the index.
        var files = Services.GetRequiredService<ArticleListFiles>();
        await files.WrittenAsync();
        if (files.Enabled && indexes.Enabled && files.Current?.Version != indexes.Current?.Version)
        {
            throw new InvalidOperationException("The article list file was not written; see the API's log.");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:News", "Data Source=" + DatabasePath);
        builder.UseSetting("NewsApi:LoadSampleContent", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TempFolders.Delete(_folder);

        GC.SuppressFinalize(this);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

/// <summary>The real corpus beside the repository: 674 news files and the seed article.</summary>
public sealed class CorpusApiFactory : NewsApiFactory
{
    protected override Task<string> PrepareContentRootAsync(string workFolder) => Task.FromResult(RepositoryPaths.Corpus);
}

/// <summary>A small hand-written content root for what the corpus lacks (see <see cref="FixtureContent"/>).</summary>
public sealed class FixtureApiFactory : NewsApiFactory
{
    protected override Task<string> PrepareContentRootAsync(string workFolder) => Task.FromResult(FixtureContent.WriteTo(Path.Combine(workFolder, "content")));
}

/// <summary>
/// 5,000 generated bench-profile articles (a few very large providers, many small ones, ~60 topics):
/// enough rows that the list index's walked keys span several of its 1,024-row blocks.
/// </summary>
public sealed class GeneratedApiFactory : NewsApiFactory
{
    protected override async Task<string> PrepareContentRootAsync(string workFolder)
    {
        var root = Path.Combine(workFolder, "content");
        await GeneratedCorpus.WriteAsync(root, 5000, seed: 5);
        return root;
    }
}
