using System.Text.Json.Nodes;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Integrations.LinkedIn.Pulls;
using Attract.Web.Integrations.LinkedIn.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Attract.IntegrationTests.Integrations.LinkedIn.Sync;

public abstract class LinkedInUsageMeterTests : IDisposable
{
    private readonly AttractFactory _factory;

    protected LinkedInUsageMeterTests(DatabaseProvider provider)
    {
        _factory = new AttractFactory(provider);
        _factory.CreateClient().Dispose();
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>A meter as another Attract instance on the same database would have.</summary>
    private LinkedInUsageMeter NewInstance() =>
        new(_factory.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<LinkedInUsageMeter>.Instance);

    private Task<(int RequestsToday, int RecordsLastMinute)> ReadAsync(LinkedInUsageMeter meter) =>
        _factory.WithDbAsync(db => meter.ReadAsync(db, default));

    [Fact]
    public async Task ReadAsync_TwoInstancesCountAndFlush_SumsBothAndIncludesUnflushedCounts()
    {
        var a = NewInstance();
        var b = NewInstance();
        for (var i = 0; i < 3; i++)
        {
            a.CountRequest();
        }
        a.CountRecords(250);
        b.CountRequest();
        b.CountRequest();
        b.CountRecords(40);

        var beforeFlush = await ReadAsync(a);
        await a.FlushAsync(default);
        await b.FlushAsync(default);
        await a.FlushAsync(default); // nothing pending: no double count

        Assert.Equal((3, 250), beforeFlush);
        Assert.Equal((5, 290), await ReadAsync(a));
        Assert.Equal((5, 290), await ReadAsync(NewInstance()));
        var rows = await _factory.WithDbAsync(db => db.Set<LinkedInUsage>().ToListAsync());
        Assert.Equal(5, rows.Sum(r => r.Requests));
        Assert.All(rows, r => Assert.Equal(LinkedInUsage.MinuteOf(r.MinuteUtc), r.MinuteUtc));
    }

    [Fact]
    public async Task FlushAsync_RowsOlderThanTwoDays_AreDeleted()
    {
        var old = LinkedInUsage.MinuteOf(DateTime.UtcNow.AddDays(-3));
        var recent = LinkedInUsage.MinuteOf(DateTime.UtcNow.AddDays(-1));
        await _factory.WithDbAsync(db =>
        {
            db.AddRange(new LinkedInUsage { MinuteUtc = old, Requests = 9 }, new LinkedInUsage { MinuteUtc = recent, Requests = 7 });
            return db.SaveChangesAsync();
        });
        var meter = NewInstance();
        meter.CountRequest();

        await meter.FlushAsync(default);

        var minutes = await _factory.WithDbAsync(db => db.Set<LinkedInUsage>().Select(u => u.MinuteUtc).ToListAsync());
        Assert.DoesNotContain(old, minutes);
        Assert.Contains(recent, minutes);
    }
}

public sealed class LinkedInUsageMeterSqliteTests() : LinkedInUsageMeterTests(DatabaseProvider.Sqlite);

public sealed class LinkedInUsageMeterPostgreSqlTests() : LinkedInUsageMeterTests(DatabaseProvider.PostgreSql);

public sealed class LinkedInUsageHandlerTests
{
    [Fact]
    public async Task UsageHandler_RealCallsToTheSimulator_AreEachCounted()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync();
        var meter = linkedIn.Factory.Services.GetRequiredService<LinkedInUsageMeter>();
        var before = (await linkedIn.WithDbAsync(db => meter.ReadAsync(db, default))).RequestsToday;
        var logged = await SimulatorRequestCountAsync(linkedIn);

        await linkedIn.SyncNowAsync();

        var after = (await linkedIn.WithDbAsync(db => meter.ReadAsync(db, default))).RequestsToday;
        var sent = await SimulatorRequestCountAsync(linkedIn) - logged;
        Assert.True(sent > 0);
        Assert.True(after - before >= sent, $"counted {after - before} requests, the simulator logged {sent} API calls");
    }

    private static async Task<int> SimulatorRequestCountAsync(SimulatedLinkedIn linkedIn)
    {
        using var http = new HttpClient();
        var log = JsonNode.Parse(await http.GetStringAsync($"{linkedIn.SimulatorUrl}/_sim/requests?clientId={linkedIn.ChildApp.ClientId}&limit=5000"))!.AsArray();
        return log.Count;
    }
}
