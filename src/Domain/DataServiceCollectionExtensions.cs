using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Domain.Data;
using NewsApi.Domain.Data.Sqlite;

namespace NewsApi.Domain;

public static class DataServiceCollectionExtensions
{
    public const string DefaultConnectionString = "Data Source=data/news.db";

    /// <summary>Registers <see cref="NewsDbContext"/> the same way for the API and the ingest.</summary>
    public static IServiceCollection AddNewsDb(this IServiceCollection services, string connectionString) =>
        services.AddNewsDb(_ => connectionString);

    /// <summary>For hosts whose configuration is complete only once the container is built.</summary>
    public static IServiceCollection AddNewsDb(this IServiceCollection services, Func<IServiceProvider, string> connectionString) =>
        services.AddDbContextPool<NewsDbContext>((provider, options) => options.UseNewsDb(connectionString(provider)))
            .AddScoped<SnapshotVersion>()
            .AddSingleton(provider => ContentVersionProbe.Open(connectionString(provider)));

    public static DbContextOptionsBuilder UseNewsDb(this DbContextOptionsBuilder options, string connectionString)
    {
        EnsureFolderExists(connectionString);
        // Migrate() would otherwise build the model from the configurations at every start of a writer
        // to look for changes without a migration (~0.3 s, before anything else can happen); the
        // tests make that check once (CompiledModelTests).
        return options
            .UseSqlite(connectionString)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .AddInterceptors(SqliteConnectionSetup.Instance);
    }

    public static DbContextOptions<NewsDbContext> CreateOptions(string connectionString) =>
        ((DbContextOptionsBuilder<NewsDbContext>)new DbContextOptionsBuilder<NewsDbContext>().UseNewsDb(connectionString)).Options;

    /// <summary>
    /// The ingest's options: a list in <c>Contains()</c> goes to the database as one array parameter.
    /// EF Core 10 otherwise sends one parameter per item, and SQLite finds each named parameter by a
    /// linear search: for the writer's 1,000-id lookups that cost more than the lookups themselves.
    /// </summary>
    public static DbContextOptions<NewsDbContext> ForWriter(this DbContextOptions<NewsDbContext> options) =>
        new DbContextOptionsBuilder<NewsDbContext>(options)
            .UseSqlite(sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .Options;

    // SQLite creates the file but not its folder; a fresh clone has no data/ yet.
    static void EnsureFolderExists(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
