using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Core.Outbox;
using Attract.Core.Pipeline;
using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Integrations.LinkedIn;
using Attract.IntegrationTests.Integrations.LinkedIn.Export;
using Attract.IntegrationTests.Integrations.LinkedIn.Sync;
using Attract.Testing;
using Attract.Web.Integrations.LinkedIn;
using Attract.Web.Integrations.LinkedIn.Export;
using Attract.Web.Integrations.LinkedIn.Sync;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Npgsql;
using Quartz;
using Xunit.Abstractions;

namespace Attract.IntegrationTests.MultiInstance;

/// <summary>
/// Three Attract hosts on one PostgreSQL database, as three instances of a deployment would be: the clustered Quartz
/// store, the outbox leases, the export intake's lease and the quota counters share the work without doing anything
/// twice. (Separate processes are the soak harness's job; in-process hosts share nothing but the database here: each has
/// its own container, DbContexts, connection pools, Quartz scheduler and Data Protection key ring cache.)
/// </summary>
public sealed class SeveralInstancesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;
    private readonly List<AttractFactory> _instances = [];

    public async Task InitializeAsync() => _database = await TestPostgres.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }
        await _database.DisposeAsync();
    }

    /// <summary>An Attract instance on the shared database, LinkedIn's background jobs off (the tests drive the work).</summary>
    private AttractFactory Instance(Action<IServiceCollection>? services = null)
    {
        var instance = new AttractFactory(DatabaseProvider.PostgreSql, _database)
            .WithSetting(LinkedInBackgroundOptions.ConfigKey, "false")
            .WithServices(s => services?.Invoke(s));
        _instances.Add(instance);
        return instance;
    }

    private static List<AttractFactory> Started(params AttractFactory[] instances)
    {
        foreach (var instance in instances)
        {
            instance.CreateClient().Dispose();
        }
        return [.. instances];
    }

    [Fact]
    public async Task Startup_ThreeInstancesAtOnceOnAnEmptyDatabase_AllStartAndSeedOnce()
    {
        var instances = new[] { Instance(), Instance(), Instance() };

        await Task.WhenAll(instances.Select(i => Task.Run(() => i.CreateClient().Dispose())));

        foreach (var instance in instances)
        {
            Assert.Equal(HttpStatusCode.OK, (await instance.CreateClient().GetAsync("/health")).StatusCode);
        }
        var (roles, users, migrations) = await instances[0].WithDbAsync(async db =>
            (await db.Roles.CountAsync(), await db.Users.CountAsync(), (await db.Database.GetAppliedMigrationsAsync()).Count()));
        var all = await instances[0].WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().Count()));
        Assert.Equal((4, 4, all), (roles, users, migrations));
    }

    [Fact]
    public async Task QuartzClusteredStore_RepeatingTriggerOnThreeInstances_EachFiringRunsOnce()
    {
        var instances = Started(
            Instance(s => s.AddQuartz(q => q.AddJob<CountingJob>(j => j.WithIdentity(CountingJob.Key).StoreDurably()))),
            Instance(s => s.AddQuartz(q => q.AddJob<CountingJob>(j => j.WithIdentity(CountingJob.Key).StoreDurably()))),
            Instance(s => s.AddQuartz(q => q.AddJob<CountingJob>(j => j.WithIdentity(CountingJob.Key).StoreDurably()))));
        await ExecuteAsync($"CREATE TABLE {CountingJob.Table} (fire_time bigint NOT NULL, instance text NOT NULL)");
        var schedulers = await Task.WhenAll(instances.Select(i => i.Services.GetRequiredService<ISchedulerFactory>().GetScheduler().AsTask()));
        Assert.Equal(3, schedulers.Select(s => s.SchedulerInstanceId).Distinct().Count());
        foreach (var scheduler in schedulers)
        {
            var metadata = await scheduler.GetMetadata();
            Assert.True(metadata.JobStoreClustered && metadata.JobStorePersistent);
            Assert.Equal("Attract", metadata.SchedulerName);
        }
        const int Fires = 20;
        var trigger = TriggerBuilder.Create().WithIdentity("count-fires-trigger", "tests").ForJob(CountingJob.Key)
            .StartAt(DateTimeOffset.UtcNow.AddSeconds(1))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMilliseconds(250)).WithRepeatCount(Fires - 1))
            .Build();

        await schedulers[0].ScheduleJob(trigger);

        // Done when the trigger has fired for the last time (Quartz then deletes it) and no firing is still running anywhere.
        await WaitUntilAsync(async () => await schedulers[0].GetTrigger(trigger.Key) is null
            && await ScalarAsync<long>("SELECT count(*) FROM qrtz_fired_triggers WHERE job_name = 'count-fires'") == 0);
        var fires = await QueryAsync($"SELECT fire_time, instance FROM {CountingJob.Table}", r => (FireTime: r.GetInt64(0), Instance: r.GetString(1)));
        output.WriteLine("Firings per instance: " + string.Join(", ", fires.GroupBy(f => f.Instance).Select(g => $"{g.Key}: {g.Count()}")));
        Assert.Equal(Fires, fires.Count);
        Assert.Equal(Fires, fires.Select(f => f.FireTime).Distinct().Count());
        Assert.Subset(schedulers.Select(s => s.SchedulerInstanceId).ToHashSet(), fires.Select(f => f.Instance).ToHashSet());
    }

    [Fact]
    public async Task OutboxLeases_ThreeInstancesLeaseAtOnce_NoRowIsEverHeldTwice()
    {
        var instances = Started(Instance(), Instance(), Instance());
        const int Rows = 300;
        var ids = await instances[0].WithDbAsync(async db =>
        {
            var rows = Enumerable.Range(1, Rows).Select(i => new OutboxMessage
            {
                EntityType = "Candidate",
                EntityId = i,
                Operation = ChangeOperation.Updated,
                OccurredAtUtc = DateTime.UtcNow,
            }).ToList();
            db.TrackChanges = false;
            db.OutboxMessages.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToHashSet();
        });
        var taken = new ConcurrentBag<(int Instance, long Id)>();

        // Each instance leases batches of 7 and completes them until nothing is due; all three start together.
        await Task.WhenAll(instances.Select((instance, n) => Task.Run(async () =>
        {
            while (true)
            {
                var batch = await instance.WithDbAsync(async db =>
                {
                    var owner = await db.OutboxMessages.LeaseAsync(["Candidate"], 7, TimeSpan.FromMinutes(2), DateTime.UtcNow, $"instance{n}");
                    if (owner is null)
                    {
                        return null;
                    }
                    var leased = await db.OutboxMessages.Owned(owner).Select(o => o.Id).ToListAsync();
                    await db.OutboxMessages.Where(o => o.ClaimedBy == owner)
                        .ExecuteUpdateAsync(s => s.SetProperty(o => o.ProcessedAtUtc, DateTime.UtcNow));
                    return leased;
                });
                if (batch is null)
                {
                    return;
                }
                batch.ForEach(id => taken.Add((n, id)));
            }
        })));

        output.WriteLine("Rows per instance: " + string.Join(", ", taken.GroupBy(t => t.Instance).OrderBy(g => g.Key).Select(g => $"#{g.Key}: {g.Count()}")));
        Assert.Equal(Rows, taken.Count);
        Assert.Equal(ids, taken.Select(t => t.Id).ToHashSet());
    }

    [Fact]
    public async Task SyncDrain_ThreeInstancesDrainAtOnce_SendEachCandidateOnce()
    {
        var linkedIn = new[] { new FakeLinkedInSync(), new FakeLinkedInSync(), new FakeLinkedInSync() };
        var instances = Started(linkedIn.Select(fake => Instance(s => s.AddSingleton(fake.Mock.Object))).ToArray());
        await instances[0].SeedConnectionAsync(c =>
        {
            c.CompanyLevelEnabled = true;
            c.BackfillQueuedAtUtc = DateTime.UtcNow;
        });
        var candidates = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            candidates.Add(await instances[i % 3].CreateCandidateAsync("Cand" + i, "Cluster", $"cand{i}@example.com"));
        }
        foreach (var fake in linkedIn)
        {
            fake.Delay = TimeSpan.FromMilliseconds(20); // keeps the drains overlapping
        }

        // The child application's secret was protected by instance 0; the others read it with the key ring in the database.
        await Task.WhenAll(instances.Select(instance => Task.Run(async () =>
        {
            await using var scope = instance.Services.CreateAsyncScope();
            var drain = scope.ServiceProvider.GetRequiredService<LinkedInSyncDrain>();
            drain.ClaimSize = 4;
            await drain.DrainAsync();
        })));

        var sent = linkedIn.SelectMany((fake, n) => fake.Sent.Where(s => s.Resource == "candidates").Select(s => (Instance: n, s.Key))).ToList();
        output.WriteLine("Candidates sent per instance: " + string.Join(", ", sent.GroupBy(s => s.Instance).OrderBy(g => g.Key).Select(g => $"#{g.Key}: {g.Count()}")));
        Assert.Equal(candidates.Select(id => id.ToString(CultureInfo.InvariantCulture)).Order(), sent.Select(s => s.Key).Order());
        Assert.Equal(0, await instances[0].WithDbAsync(db => db.OutboxMessages.CountAsync(o => o.EntityType == "Candidate" && o.ProcessedAtUtc == null)));
    }

    [Fact]
    public async Task ExportIntake_ThreeInstancesProcessAtOnce_TakeEachExportOnce()
    {
        var pulls = new ConcurrentBag<(int Instance, string RequestId)>();
        var clients = Enumerable.Range(0, 3).Select(n => ExportClient(n, pulls)).ToArray();
        var instances = Started(clients.Select(client => Instance(s => s.AddSingleton(client.Object).AddSingleton((ILinkedInSyncClient)client.Object))).ToArray());
        await instances[0].SeedConnectionAsync(c => c.CompanyLevelEnabled = true);
        await instances[0].LinkSeatAsync(AtsData.Recruiter, ExportTestData.SeatOfRecruiter);
        var job = await instances[0].JobCodeAsync(await instances[0].CreateJobAsync());
        JobCode = job;
        const int Exports = 15;
        for (var i = 0; i < Exports; i++)
        {
            await instances[i % 3].RecordExportAsync("r" + i);
        }

        var processed = await Task.WhenAll(instances.Select(instance => Task.Run(async () =>
        {
            await using var scope = instance.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<LinkedInExportProcessor>().ProcessDueAsync();
        })));

        output.WriteLine("Exports processed per instance: " + string.Join(", ", processed.Select((count, n) => $"#{n}: {count}")));
        Assert.Equal(Exports, processed.Sum());
        Assert.Equal(Exports, pulls.Count);
        Assert.Equal(Exports, pulls.Select(p => p.RequestId).Distinct().Count());
        var notifications = await instances[1].NotificationsAsync();
        Assert.All(notifications, n => Assert.Equal(LinkedInNotificationStatus.Processed, n.Status));
        Assert.Equal(Exports, await instances[2].CountAsync<JobApplication>(a => a.Job.Code == job));
        Assert.Equal(Exports, await instances[2].CountAsync<Candidate>(c => c.LinkedInPersonUrn!.StartsWith("urn:li:person:r")));
    }

    private string JobCode { get; set; } = "";

    /// <summary>A LinkedIn client for one instance: every export request returns a different member, and each pull is recorded.</summary>
    private Mock<ILinkedInExportsClient> ExportClient(int instance, ConcurrentBag<(int, string)> pulls)
    {
        var client = new Mock<ILinkedInExportsClient>();
        client.Setup(c => c.GetExportedCandidatesAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((LinkedInAppCredentials _, string requestId, CancellationToken _) =>
            {
                pulls.Add((instance, requestId));
                var exported = ExportTestData.Exported(requestId, JobCode, member: "urn:li:person:" + requestId, email: requestId + "@exported.test",
                    profileUrl: "https://www.linkedin.com/in/member-" + requestId);
                return [exported];
            });
        client.As<ILinkedInSyncClient>().Setup(c => c.SetManualMatchedMembersAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<KeyValuePair<AtsCandidateKey, string?>>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new BatchResult<AtsCandidateKey>(new Dictionary<AtsCandidateKey, int>(), []));
        return client;
    }

    [Fact]
    public async Task UsageMeter_ThreeInstancesCountAndFlushAtOnce_CountersAddUp()
    {
        var instances = Started(Instance(), Instance(), Instance());
        var meters = instances.Select(i => i.Services.GetRequiredService<LinkedInUsageMeter>()).ToArray();
        for (var n = 0; n < 3; n++)
        {
            for (var i = 0; i < 10 * (n + 1); i++)
            {
                meters[n].CountRequest();
            }
            meters[n].CountRecords(100 * (n + 1));
        }

        await Task.WhenAll(meters.Select(m => Task.Run(() => m.FlushAsync(default))));

        var stored = await instances[0].WithDbAsync(async db =>
            (Requests: await db.Set<LinkedInUsage>().SumAsync(u => u.Requests), Records: await db.Set<LinkedInUsage>().SumAsync(u => u.Records)));
        Assert.Equal((60, 600), stored);
        foreach (var (instance, meter) in instances.Zip(meters))
        {
            Assert.Equal(60, (await instance.WithDbAsync(db => meter.ReadAsync(db, default))).RequestsToday);
        }
    }

    [Fact]
    public async Task DataProtection_FormFromOneInstanceSignInOnAnotherPageOnThird_AllAccepted()
    {
        var instances = Started(Instance(), Instance(), Instance());
        var cookies = new Dictionary<string, string>();
        var options = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };

        // The login form (antiforgery cookie and token) comes from instance 0 ...
        var form = await instances[0].CreateClient(options).GetAsync("/Account/Login");
        Keep(form, cookies);
        var token = (await HtmlForms.ParseAsync(form)).AntiforgeryToken();
        // ... is posted to instance 1, which signs the user in ...
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = AtsData.Recruiter,
                ["Input.Password"] = "Passw0rd!",
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        var signIn = await instances[1].CreateClient(options).SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Keep(signIn, cookies);
        Assert.Contains("Attract.Auth", cookies.Keys); // the authentication cookie (AuthSetup)
        // ... and instance 2 reads the authentication cookie.
        using var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        var page = await instances[2].CreateClient(options).SendAsync(home);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Riley Recruiter", await page.Content.ReadAsStringAsync());
        Assert.Single(await instances[0].WithDbAsync(db => db.DataProtectionKeys.ToListAsync()));
    }

    private static void Keep(HttpResponseMessage response, Dictionary<string, string> cookies)
    {
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';', 2)[0].Split('=', 2);
            cookies[pair[0]] = pair[1];
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    /// <summary>Polls until <paramref name="done"/>; the time limit only stops a broken run from hanging.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        var giveUp = DateTime.UtcNow.AddMinutes(2);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < giveUp, "gave up waiting");
            await Task.Delay(100);
        }
    }
}

/// <summary>A Quartz job that records each firing (its scheduled time and the instance that ran it) in a table.</summary>
public sealed class CountingJob(IConfiguration config) : IJob
{
    public const string Table = "test_fires";

    public static readonly JobKey Key = new("count-fires", "tests");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(config.GetConnectionString("Attract"));
        await connection.OpenAsync(cancellationToken);
        await using var insert = new NpgsqlCommand($"INSERT INTO {Table} (fire_time, instance) VALUES (@fire, @instance)", connection);
        insert.Parameters.AddWithValue("fire", context.ScheduledFireTimeUtc!.Value.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("instance", context.Scheduler.SchedulerInstanceId);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
