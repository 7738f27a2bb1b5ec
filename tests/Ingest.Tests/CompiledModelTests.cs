using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Domain;
using NewsApi.Domain.Data;

namespace NewsApi.Ingest.Tests;

/// <summary>
/// Every program runs on the compiled model in src/Domain/Data/CompiledModel, found by EF Core on its
/// own, so a configuration changed without regenerating it would be silently ignored at run time.
/// </summary>
public sealed partial class CompiledModelTests
{
    const string Regenerate =
        "dotnet ef dbcontext optimize --project src/Domain --startup-project src/Domain " +
        "--output-dir Data/CompiledModel --namespace NewsApi.Domain.Data.CompiledModel";

    [Fact]
    public void TheCompiledModelIsWhatTheConfigurationsGenerateToday()
    {
        using var db = new NewsDbContext(DataServiceCollectionExtensions.CreateOptions("Data Source=:memory:"));
        var folder = Path.Combine(CorpusPaths.RepositoryRoot, "src", "Domain", "Data", "CompiledModel");

        var generated = Generate(db).ToDictionary(f => f.Path, f => WithoutModelId(f.Code));
        var committed = Directory.GetFiles(folder, "*.cs").ToDictionary(f => Path.GetFileName(f), f => WithoutModelId(File.ReadAllText(f)));

        var stale = generated.Keys.Union(committed.Keys).Where(name => generated.GetValueOrDefault(name) != committed.GetValueOrDefault(name)).ToList();
        Assert.True(stale.Count == 0, $"The compiled model is out of date ({string.Join(", ", stale)}); run: {Regenerate}");
        Assert.IsAssignableFrom<RuntimeModel>(db.Model);
    }

    [Fact]
    public void TheMigrationsMakeTheSchemaTheConfigurationsDescribe()
    {
        using var db = new NewsDbContext(DataServiceCollectionExtensions.CreateOptions("Data Source=:memory:"));

        Assert.False(db.Database.HasPendingModelChanges(), "The configurations changed without a migration: dotnet ef migrations add");
    }

    // What `dotnet ef dbcontext optimize` writes: the model built from the configurations, through
    // the code generator of the SQLite provider's design-time services.
    static IReadOnlyCollection<ScaffoldedFile> Generate(NewsDbContext db)
    {
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices().AddDbContextDesignTimeServices(db);
        var sqlite = typeof(SqliteDbContextOptionsBuilderExtensions).Assembly;
        var providerServices = Type.GetType($"{sqlite.GetCustomAttribute<DesignTimeProviderServicesAttribute>()!.TypeName}, {sqlite.FullName}", throwOnError: true)!;
        ((IDesignTimeServices)Activator.CreateInstance(providerServices)!).ConfigureDesignTimeServices(services);
        using var provider = services.BuildServiceProvider();
        var options = new CompiledModelCodeGenerationOptions
        {
            ContextType = typeof(NewsDbContext),
            ModelNamespace = "NewsApi.Domain.Data.CompiledModel",
            Language = "C#",
            UseNullableReferenceTypes = true,
        };
        return provider.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(options)
            .GenerateModel(db.GetService<IDesignTimeModel>().Model, options);
    }

    // Each generation draws a new model id.
    static string WithoutModelId(string code) => ModelId().Replace(code, "modelId: new Guid()");

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]+"\)""")]
    private static partial Regex ModelId();
}
