using Microsoft.EntityFrameworkCore.Design;

namespace NewsApi.Domain.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting a host.</summary>
sealed class DesignTimeNewsDbContextFactory : IDesignTimeDbContextFactory<NewsDbContext>
{
    public NewsDbContext CreateDbContext(string[] args) =>
        new(DataServiceCollectionExtensions.CreateOptions("Data Source=design-time.db"));
}
