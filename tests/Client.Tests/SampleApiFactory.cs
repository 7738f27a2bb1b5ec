using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using NewsApi.Client.Generated;
using NewsApi.Domain;
using NewsApi.Ingest;
using NewsApi.Tests.Shared;

namespace NewsApi.Client.Tests;

/// <summary>
/// The API over a temp SQLite file that the product's importer fills from the repository's samples/,
/// reached both through the generated client and through a plain HttpClient.
/// </summary>
public sealed class SampleApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "newsapi-client-tests-" + Guid.NewGuid().ToString("N"));

    string ConnectionString => "Data Source=" + Path.Combine(_folder, "news.db");

    async Task IAsyncLifetime.InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var report = await new Importer(DataServiceCollectionExtensions.CreateOptions(ConnectionString)).ImportAsync(TestPaths.SampleContent);
        if (report.Added == 0 || report.Rejected > 0)
        {
            throw new InvalidOperationException($"Sample content at {TestPaths.SampleContent} did not import cleanly: {report.Summary}");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:News", ConnectionString);
        builder.UseSetting("NewsApi:LoadSampleContent", "false");
    }

    /// <summary>The generated client, sending through the in-memory server's HttpClient (its base address is the base URL).</summary>
    public NewsApiClient CreateNewsApiClient() =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: CreateClient()));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TempFolders.Delete(_folder);

        GC.SuppressFinalize(this);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
