using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Domain;
using NewsApi.Ingest;
using NewsApi.Tests.Shared;

namespace NewsApi.Browser.Tests;

/// <summary>
/// The API on a real Kestrel socket (127.0.0.1, a free port) over a temp SQLite file that the
/// product's importer fills from the repository's <c>samples/</c>: a browser needs a real address.
/// </summary>
public sealed class KestrelApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "newsapi-browser-tests-" + Guid.NewGuid().ToString("N"));

    string DatabasePath => Path.Combine(_folder, "news.db");

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var importer = new Importer(DataServiceCollectionExtensions.CreateOptions("Data Source=" + DatabasePath));
        var report = await importer.ImportAsync(SamplesFolder());
        if (report.Rejected > 0)
        {
            throw new InvalidOperationException($"The importer rejected {report.Rejected} sample files: {report.Summary}");
        }

        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:News", "Data Source=" + DatabasePath);
        builder.UseSetting("NewsApi:LoadSampleContent", "false");
        // Keep the test's console to test lines and screenshot paths.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TempFolders.Delete(_folder);

        GC.SuppressFinalize(this);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    static string SamplesFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NewsApi.sln")))
            {
                return Path.Combine(folder.FullName, "samples");
            }
        }

        throw new InvalidOperationException($"No NewsApi.sln above {AppContext.BaseDirectory}");
    }
}
