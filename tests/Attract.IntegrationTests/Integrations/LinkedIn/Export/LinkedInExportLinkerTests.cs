using System.Globalization;
using System.Net;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Core.Outbox;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn.Export;
using Attract.Web.Integrations.LinkedIn.Pulls;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Quartz;
using static Attract.IntegrationTests.Integrations.LinkedIn.Export.ExportTestData;

namespace Attract.IntegrationTests.Integrations.LinkedIn.Export;

/// <summary>The persisted, leased, retried links of exported candidates to their members, their error rows and the reconciliation.</summary>
public abstract class LinkedInExportLinkerTests : IDisposable
{
    private const string Member = "urn:li:person:m1";
    private readonly Mock<ILinkedInExportsClient> _exports = new();
    private readonly Mock<ILinkedInSyncClient> _sync = new();
    private readonly AttractFactory _factory;

    /// <summary>What LinkedIn answers per candidate id (null: accepted); every call is counted.</summary>
    private Func<int, int?> _answer = _ => null;

    private int _calls;

    protected LinkedInExportLinkerTests(DatabaseProvider provider)
    {
        _factory = CreateFactory(_exports.Object, s => s.AddSingleton(_sync.Object), provider)
            .WithSetting("LinkedIn:Sync:LinkRetryWindow", "06:00:00");
        _sync.Setup(c => c.SetManualMatchedMembersAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<KeyValuePair<AtsCandidateKey, string?>>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((LinkedInAppCredentials _, IEnumerable<KeyValuePair<AtsCandidateKey, string?>> members, CancellationToken _) =>
            {
                Interlocked.Increment(ref _calls);
                var keys = members.Select(m => m.Key).ToList();
                var failed = keys.Select(k => (Key: k, Status: _answer(int.Parse(k.AtsCandidateId, CultureInfo.InvariantCulture))))
                    .Where(f => f.Status is not null)
                    .Select(f => new BatchFailure<AtsCandidateKey>(f.Key, f.Status!.Value, f.Status == 404 ? "NOT_FOUND" : "VALIDATION_FAILED", "refused by the test"))
                    .ToList();
                return new BatchResult<AtsCandidateKey>(keys.Except(failed.Select(f => f.Key)).ToDictionary(k => k, _ => 204), failed);
            });
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>An exported candidate with a member URN (created as the intake does), with its link queued when <paramref name="queued"/>.</summary>
    private async Task<int> ExportedCandidateAsync(bool queued = true, string source = LinkedInExportProcessor.Source, DateTime? queuedAtUtc = null)
    {
        await _factory.SeedConnectionAsync(c => c.CompanyLevelEnabled = true);
        var id = await _factory.CreateCandidateAsync("Grace", "Hopper");
        await _factory.WithDbAsync(async db =>
        {
            await db.Candidates.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LinkedInPersonUrn, Member).SetProperty(c => c.Source, source));
            if (queued)
            {
                db.OutboxMessages.Add(LinkedInExportLinker.Pending(id, LinkedInExportLinker.ExportActor, queuedAtUtc ?? DateTime.UtcNow));
            }
            return await db.SaveChangesAsync();
        });
        return id;
    }

    private async Task<int> LinkDueAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LinkedInExportLinker>().LinkDueAsync();
    }

    private Task<List<OutboxMessage>> LinksAsync(int candidateId) => _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
        .Where(o => o.EntityType == LinkedInExportLinker.EntityType && o.EntityId == candidateId).OrderBy(o => o.Id).ToListAsync());

    private Task<List<LinkedInSyncError>> OpenErrorsAsync(int candidateId) => _factory.WithDbAsync(db => db.Set<LinkedInSyncError>().AsNoTracking()
        .Where(e => e.EntityType == LinkedInExportLinker.EntityType && e.EntityId == candidateId && e.ResolvedAtUtc == null).ToListAsync());

    /// <summary>Ends the backoff (or a lease) of the candidate's pending links now, as time passing would.</summary>
    private Task MakeDueAsync(int candidateId) => _factory.WithDbAsync(db => db.OutboxMessages
        .Where(o => o.EntityType == LinkedInExportLinker.EntityType && o.EntityId == candidateId && o.ProcessedAtUtc == null)
        .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedUntilUtc, DateTime.UtcNow.AddSeconds(-1))));

    [Fact]
    public async Task LinkDue_RefusedNotYetThreeTimes_EndsLinkedWithErrorResolved()
    {
        var id = await ExportedCandidateAsync();
        var refusals = 3;
        _answer = _ => refusals-- > 0 ? 404 : null;

        var linked = 0;
        for (var run = 1; run <= 4; run++)
        {
            linked += await LinkDueAsync();
            if (run == 2)
            {
                Assert.Equal(404, Assert.Single(await OpenErrorsAsync(id)).Status); // from the second refusal on, the page shows it
                Assert.Equal("1", await PendingLinksOnSyncPageAsync());
            }
            await MakeDueAsync(id);
        }

        Assert.Equal((1, 4), (linked, _calls));
        var link = Assert.Single(await LinksAsync(id));
        Assert.Equal((3, (string?)null), (link.Attempts, link.LastError));
        Assert.NotNull(link.ProcessedAtUtc);
        Assert.Empty(await OpenErrorsAsync(id));
        Assert.Equal("0", await PendingLinksOnSyncPageAsync());
    }

    private async Task<string> PendingLinksOnSyncPageAsync()
    {
        var page = await (await _factory.SignedInClientAsync(AtsData.Admin)).GetDocumentAsync("/Admin/LinkedIn/Sync");
        return page.QuerySelector("[data-testid=pending-links]")!.TextContent;
    }

    [Fact]
    public async Task LinkDue_LeaseHeldByDeadWorker_PickedUpAfterLeaseExpiry()
    {
        var id = await ExportedCandidateAsync();
        // A worker claimed the link and was killed (kill -9) before it finished: its lease stays on the row.
        await _factory.WithDbAsync(db => db.OutboxMessages.Where(o => o.EntityType == LinkedInExportLinker.EntityType && o.EntityId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedBy, "dead-host/4242:export-link:x")
                .SetProperty(o => o.ClaimedUntilUtc, DateTime.UtcNow + LinkedInExportLinker.Lease)));

        Assert.Equal(0, await LinkDueAsync());
        Assert.Equal(0, _calls);

        await MakeDueAsync(id); // the lease ran out
        Assert.Equal(1, await LinkDueAsync());

        var link = Assert.Single(await LinksAsync(id));
        Assert.Equal(((string?)null, (string?)null), (link.ClaimedBy, link.LastError));
        Assert.NotNull(link.ProcessedAtUtc);
    }

    [Fact]
    public async Task ReconcileJob_ExportedCandidateWithoutLink_QueuesAndLinksIt()
    {
        var lost = await ExportedCandidateAsync(queued: false); // exported before links were persisted: nothing queued
        var stub = await _factory.CreateCandidateAsync("Stub", "Member");
        await _factory.WithDbAsync(db => db.Candidates.Where(c => c.Id == stub)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LinkedInPersonUrn, "urn:li:person:m2").SetProperty(c => c.Source, LinkedInStubImporter.Source)));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var job = new LinkedInExportLinkReconcileJob(scope.ServiceProvider.GetRequiredService<LinkedInExportLinker>());
            await job.Execute(new Mock<IJobExecutionContext>().Object, CancellationToken.None);
        }

        var link = Assert.Single(await LinksAsync(lost));
        Assert.Equal((LinkedInExportLinker.ReconcileActor, (string?)null), (link.ActorUserId, link.LastError));
        Assert.NotNull(link.ProcessedAtUtc);
        Assert.Empty(await LinksAsync(stub)); // not exported: never linked by the reconciliation
        _sync.Verify(c => c.SetManualMatchedMembersAsync(It.IsAny<LinkedInAppCredentials>(),
            It.Is<IEnumerable<KeyValuePair<AtsCandidateKey, string?>>>(m => m.Single().Key.AtsCandidateId == lost.ToString(CultureInfo.InvariantCulture) && m.Single().Value == Member),
            It.IsAny<CancellationToken>()), Times.Once);

        await using var again = _factory.Services.CreateAsyncScope();
        Assert.Equal(0, await again.ServiceProvider.GetRequiredService<LinkedInExportLinker>().ReconcileAsync()); // linked: nothing left to queue
    }

    [Fact]
    public async Task LinkDue_PermanentRefusal_LeavesErrorRowAndRetryFromPageRequeues()
    {
        var id = await ExportedCandidateAsync();
        _answer = _ => 400;

        Assert.Equal(0, await LinkDueAsync());

        var given = Assert.Single(await LinksAsync(id));
        Assert.NotNull(given.ProcessedAtUtc);
        Assert.StartsWith("Gave up: 400", given.LastError);
        var error = Assert.Single(await OpenErrorsAsync(id));
        Assert.Equal(400, error.Status);
        Assert.Contains("gave up", error.Message);
        await MakeDueAsync(id);
        Assert.Equal(0, await LinkDueAsync()); // no more attempts
        Assert.Equal(1, _calls);

        _answer = _ => null; // fixed at LinkedIn; the admin retries from the sync status page
        var client = await _factory.SignedInClientAsync(AtsData.Admin);
        var response = await client.PostFormAsync("/Admin/LinkedIn/Sync", new Dictionary<string, string>(), $"/Admin/LinkedIn/Sync?handler=Retry&id={error.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await LinkDueAsync());

        Assert.Equal(2, (await LinksAsync(id)).Count);
        Assert.Empty(await OpenErrorsAsync(id));
    }

    [Fact]
    public async Task LinkDue_NotYetAfterConfiguredWindow_StopsWithErrorRow()
    {
        var id = await ExportedCandidateAsync(queuedAtUtc: DateTime.UtcNow.AddHours(-7)); // the window is 6 h here
        _answer = _ => 404;

        Assert.Equal(0, await LinkDueAsync());

        var link = Assert.Single(await LinksAsync(id));
        Assert.NotNull(link.ProcessedAtUtc);
        Assert.StartsWith("Gave up: 404", link.LastError);
        Assert.Contains("gave up", Assert.Single(await OpenErrorsAsync(id)).Message);
        await MakeDueAsync(id);
        Assert.Equal(0, await LinkDueAsync());
        Assert.Equal(1, _calls);
    }
}

public sealed class LinkedInExportLinkerSqliteTests() : LinkedInExportLinkerTests(DatabaseProvider.Sqlite);

public sealed class LinkedInExportLinkerPostgreSqlTests() : LinkedInExportLinkerTests(DatabaseProvider.PostgreSql);
