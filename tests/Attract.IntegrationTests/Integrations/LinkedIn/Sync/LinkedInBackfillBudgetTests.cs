using Attract.Core.Data;
using Attract.IntegrationTests.Infrastructure;
using Attract.Testing;
using Attract.Web.Integrations.LinkedIn;
using Attract.Web.Integrations.LinkedIn.Sync;
using LinkedIn.Recruiter;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Integrations.LinkedIn.Sync;

/// <summary>The backfill's daily budget is enforced from the shared, persisted counters, so a restart can't overspend it.</summary>
public sealed class LinkedInBackfillBudgetTests
{
    private static AttractFactory Instance(PostgresTestDatabase database) => new AttractFactory(DatabaseProvider.PostgreSql, database)
        .WithSetting(LinkedInBackgroundOptions.ConfigKey, "false")
        .WithServices(s => s.Configure<LinkedInRecruiterOptions>(o => o.Quotas.DailyRequests = 1000));

    private static async Task<bool> WithinBudgetAsync(AttractFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LinkedInBackfill>().WithinBudgetAsync();
    }

    [Fact]
    public async Task WithinBudgetAsync_AfterRestart_CountsWhatTheStoppedInstanceSent()
    {
        using var database = await TestPostgres.CreateDatabaseAsync();
        bool before, spent;
        using (var first = Instance(database))
        {
            first.CreateClient().Dispose();
            before = await WithinBudgetAsync(first);
            var meter = first.Services.GetRequiredService<LinkedInUsageMeter>();
            for (var i = 0; i < 800; i++)
            {
                meter.CountRequest();
            }
            await meter.FlushAsync(default);
            spent = await WithinBudgetAsync(first);
        }

        using var restarted = Instance(database);
        restarted.CreateClient().Dispose();

        Assert.True(before);
        Assert.False(spent);
        Assert.False(await WithinBudgetAsync(restarted));
    }
}
