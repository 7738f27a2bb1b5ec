using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsApi.Domain.Data;

namespace NewsApi.Api.Common;

sealed class DatabaseHealthCheck(NewsDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("the database cannot be opened");
}
