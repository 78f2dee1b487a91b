using System.Net;
using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.LinkedIn;
using Attract.Core.Notes;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using Attract.Web.Integrations.LinkedIn.Sync;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Integrations.LinkedIn.Sync;

public sealed class LinkedInSyncDrainTests : IDisposable
{
    private readonly FakeLinkedInSync _linkedIn = new();
    private readonly AttractFactory _factory;

    public LinkedInSyncDrainTests() => _factory = Create(sendProspects: false);

    public void Dispose() => _factory.Dispose();

    private AttractFactory Create(bool sendProspects) => new AttractFactory()
        .WithSetting("LinkedIn:Sync:DrainInterval", "1.00:00:00")
        .WithSetting("LinkedIn:Sync:SendProspects", sendProspects ? "true" : "false")
        .WithSetting(LinkedInBackgroundOptions.ConfigKey, "false")
        .WithServices(s => s.AddSingleton(_linkedIn.Mock.Object));

    private static Task ConnectAsync(AttractFactory factory, bool enabled = true, bool backfillDone = true) =>
        factory.SeedConnectionAsync(c =>
        {
            c.CompanyLevelEnabled = enabled;
            c.BackfillQueuedAtUtc = backfillDone ? DateTime.UtcNow : null;
        });

    private static async Task<int> DrainAsync(AttractFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LinkedInSyncDrain>().DrainAsync();
    }

    private static Task<int> BacklogAsync(AttractFactory factory) => factory.WithDbAsync(db =>
        db.OutboxMessages.CountAsync(o => LinkedInSyncDrain.EntityTypes.Contains(o.EntityType) && o.ProcessedAtUtc == null));

    private static Task RenameAsync(AttractFactory factory, int candidateId, string first) => factory.WithDbAsync(async db =>
    {
        var candidate = await db.Candidates.SingleAsync(c => c.Id == candidateId);
        candidate.SetName(first, candidate.LastName);
        return await db.SaveChangesAsync();
    });

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Drain_ThreeEditsToOneCandidate_SendsOneRecord()
    {
        await ConnectAsync(_factory);
        var id = await _factory.CreateCandidateAsync("Ada");
        await RenameAsync(_factory, id, "Ada2");
        await RenameAsync(_factory, id, "Ada3");

        await DrainAsync(_factory);

        Assert.Equal(1, _linkedIn.Count("candidates", Id(id)));
        Assert.Equal(0, await BacklogAsync(_factory));
    }

    [Fact]
    public async Task Drain_TwoDrainsInParallel_SendEachRecordOnce()
    {
        await ConnectAsync(_factory);
        var ids = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await _factory.CreateCandidateAsync("Cand" + i, "Parallel", $"cand{i}@example.com"));
        }
        _linkedIn.Delay = TimeSpan.FromMilliseconds(300);

        await Task.WhenAll(DrainAsync(_factory), DrainAsync(_factory));

        Assert.All(ids, id => Assert.Equal(1, _linkedIn.Count("candidates", Id(id))));
        Assert.Equal(0, await BacklogAsync(_factory));
    }

    [Fact]
    public async Task Drain_ApplicationInProspect_SkippedUntilItLeavesProspect()
    {
        await ConnectAsync(_factory);
        var job = await _factory.CreateJobAsync();
        var candidate = await _factory.CreateCandidateAsync();
        var application = await _factory.AddApplicationAsync(candidate, job, "Prospect");

        await DrainAsync(_factory);
        Assert.Equal(0, _linkedIn.Count("applications", Id(application)));
        Assert.Equal(1, _linkedIn.Count("candidates", Id(candidate)));

        await _factory.WithDbAsync(async db =>
        {
            var app = await db.Applications.Include(a => a.Job).ThenInclude(j => j.Stages).Include(a => a.Stage).SingleAsync(a => a.Id == application);
            app.MoveTo(app.Job.Stages.Single(s => s.Name == "Applied"), FixedActor.System, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        await DrainAsync(_factory);

        Assert.Equal(1, _linkedIn.Count("applications", Id(application)));
        Assert.Equal(2, _linkedIn.Sent.Count(s => s.Resource == "stages"));
    }

    [Fact]
    public async Task Drain_SendProspectsOn_SendsProspectApplication()
    {
        using var factory = Create(sendProspects: true);
        await ConnectAsync(factory);
        var application = await factory.AddApplicationAsync(await factory.CreateCandidateAsync(), await factory.CreateJobAsync(), "Prospect");

        await DrainAsync(factory);

        Assert.Equal(1, _linkedIn.Count("applications", Id(application)));
    }

    [Fact]
    public async Task Drain_RejectedRecord_KeepsErrorSendsNeighboursAndRetrySucceeds()
    {
        await ConnectAsync(_factory);
        var bad = await _factory.CreateCandidateAsync("Bad", "Record", "bad@example.com");
        var good = await _factory.CreateCandidateAsync("Good", "Record", "good@example.com");
        _linkedIn.Reject = (resource, key) => resource == "candidates" && key == Id(bad);

        await DrainAsync(_factory);

        Assert.Equal(1, _linkedIn.Count("candidates", Id(good)));
        var error = Assert.Single(await _factory.WithDbAsync(db => db.Set<LinkedInSyncError>().AsNoTracking().ToListAsync()));
        Assert.Equal((TrackedTypes.Candidate, (long)bad, 400, (DateTime?)null), (error.EntityType, error.EntityId, error.Status, error.ResolvedAtUtc));

        // The data is fixed (LinkedIn now accepts the record) and the admin retries from the sync page.
        _linkedIn.Reject = (_, _) => false;
        var client = await _factory.SignedInClientAsync(AtsData.Admin);
        var response = await client.PostFormAsync("/Admin/LinkedIn/Sync", new Dictionary<string, string>(), $"/Admin/LinkedIn/Sync?handler=Retry&id={error.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await DrainAsync(_factory);

        Assert.Equal(1, _linkedIn.Count("candidates", Id(bad)));
        var resolved = await _factory.WithDbAsync(db => db.Set<LinkedInSyncError>().AsNoTracking().SingleAsync());
        Assert.NotNull(resolved.ResolvedAtUtc);
    }

    [Fact]
    public async Task Drain_LinkedInOutage_RetryWaitsTheConfiguredBackoff()
    {
        using var factory = Create(sendProspects: false)
            .WithSetting("LinkedIn:Sync:Backoff:Initial", "03:00:00")
            .WithSetting("LinkedIn:Sync:Backoff:Max", "06:00:00");
        await ConnectAsync(factory);
        await factory.CreateCandidateAsync();
        _linkedIn.Outage = true;

        var before = DateTime.UtcNow;
        await DrainAsync(factory);
        var after = DateTime.UtcNow;

        var row = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(o => o.EntityType == TrackedTypes.Candidate));
        Assert.Equal(1, row.Attempts);
        Assert.InRange(row.ClaimedUntilUtc!.Value, before.AddHours(3), after.AddHours(3));
    }

    [Fact]
    public async Task Drain_LinkedInOutage_RowsStayUnprocessedThenDeliveredOnce()
    {
        await ConnectAsync(_factory);
        var id = await _factory.CreateCandidateAsync();
        _linkedIn.Outage = true;

        await DrainAsync(_factory);

        Assert.Empty(_linkedIn.Sent);
        var row = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(o => o.EntityType == TrackedTypes.Candidate));
        Assert.Null(row.ProcessedAtUtc);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("503", row.LastError, StringComparison.Ordinal);

        _linkedIn.Outage = false;
        await DrainAsync(_factory);
        Assert.Empty(_linkedIn.Sent); // still backing off
        await _factory.WithDbAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedUntilUtc, (DateTime?)null))); // time passes
        await DrainAsync(_factory);
        await DrainAsync(_factory);

        Assert.Equal(1, _linkedIn.Count("candidates", Id(id)));
        Assert.Equal(0, await BacklogAsync(_factory));
    }

    [Fact]
    public async Task Drain_AccessOff_SendsNothing()
    {
        await ConnectAsync(_factory, enabled: false);
        await _factory.CreateCandidateAsync();

        await DrainAsync(_factory);

        Assert.Empty(_linkedIn.Sent);
        Assert.Equal(1, await BacklogAsync(_factory));
    }

    [Fact]
    public async Task Drain_CandidateErased_DeletesCandidateInLinkedIn()
    {
        await ConnectAsync(_factory);
        var candidate = await _factory.CreateCandidateAsync();
        var application = await _factory.AddApplicationAsync(candidate, await _factory.CreateJobAsync());
        await DrainAsync(_factory);
        Assert.Equal(1, _linkedIn.Count("applications", Id(application)));

        var hasher = await _factory.Services.GetRequiredService<Attract.Web.Infrastructure.ErasureSuppressionKeyring>().GetHasherAsync();
        await _factory.WithDbAsync(async db =>
        {
            await CandidateEraser.EraseAsync(db, candidate, hasher);
            return await db.SaveChangesAsync();
        });
        await DrainAsync(_factory);

        Assert.Equal(1, _linkedIn.Count("candidates-deleted", Id(candidate)));
        Assert.Equal(1, _linkedIn.Count("applications-deleted", Id(application)));
        Assert.Equal(0, await BacklogAsync(_factory));
    }

    [Fact]
    public async Task Drain_CandidateNoteRefusedWhileItsCandidateWasMissing_SentAgainWithTheCandidate()
    {
        await ConnectAsync(_factory);
        var candidate = await _factory.CreateCandidateAsync("Nia");
        var note = await _factory.WithDbAsync(async db =>
        {
            var written = Note.Write(await db.Candidates.SingleAsync(c => c.Id == candidate), null, new FixedActor("u1", "Nora Notes"), "Call back in May", DateTime.UtcNow);
            db.Notes.Add(written);
            await db.SaveChangesAsync();
            return written.Id;
        });
        // LinkedIn refuses the candidate, so the candidate's note has no parent there and is refused too.
        _linkedIn.Reject = (resource, _) => resource is "candidates" or "candidate-notes";
        await DrainAsync(_factory);
        Assert.Equal(0, _linkedIn.Count("candidate-notes", Id(note)));

        // The candidate's next change reaches LinkedIn, and takes its notes with it.
        _linkedIn.Reject = (_, _) => false;
        await RenameAsync(_factory, candidate, "Nia2");
        await DrainAsync(_factory);

        Assert.Equal(1, _linkedIn.Count("candidates", Id(candidate)));
        Assert.Equal(1, _linkedIn.Count("candidate-notes", Id(note)));
        Assert.Equal(0, await BacklogAsync(_factory));
        var open = await _factory.WithDbAsync(db => db.Set<LinkedInSyncError>().Where(e => e.ResolvedAtUtc == null).Select(e => e.EntityType).ToListAsync());
        Assert.DoesNotContain(TrackedTypes.Note, open);
    }

    [Fact]
    public async Task Drain_FirstEnablement_BackfillsAllHistoryAndShowsProgress()
    {
        await ConnectAsync(_factory, backfillDone: false);
        var candidate = await _factory.CreateCandidateAsync();
        var application = await _factory.AddApplicationAsync(candidate, await _factory.CreateJobAsync());
        await _factory.WithDbAsync(async db =>
        {
            var c = await db.Candidates.SingleAsync(x => x.Id == candidate);
            var a = await db.Applications.SingleAsync(x => x.Id == application);
            db.Notes.Add(Note.Write(c, a, new FixedActor("u1", "Nora Notes"), "Strong portfolio", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        await DrainAsync(_factory);

        var connection = await _factory.ConnectionAsync();
        Assert.NotNull(connection.BackfillQueuedAtUtc);
        Assert.Equal(4, connection.BackfillTotal); // candidate, application, stage move, note
        Assert.Equal(1, _linkedIn.Count("candidates", Id(candidate)));
        Assert.Equal(1, _linkedIn.Count("applications", Id(application)));
        Assert.Single(_linkedIn.Sent, s => s.Resource == "application-notes");
        Assert.Equal(0, await BacklogAsync(_factory));
        var page = await (await _factory.SignedInClientAsync(AtsData.Admin)).GetDocumentAsync("/Admin/LinkedIn/Sync");
        Assert.Contains("4 of 4 records processed", page.QuerySelector("[data-testid=backfill]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drain_BackfillBudgetSpent_LiveChangesGoAndBackfillWaitsForTheNextDay()
    {
        // LinkedIn allows 1,000 requests a day here; the backfill may use 800 of them (20 % kept for live changes), and
        // other instances have already used them today (the counters are the shared LinkedInUsage rows).
        using var factory = Create(sendProspects: false)
            .WithServices(s => s.Configure<LinkedInRecruiterOptions>(o => o.Quotas.DailyRequests = 1000));
        await ConnectAsync(factory, backfillDone: false);
        var history = await factory.CreateCandidateAsync("Hilda", "History", "hilda@example.com");
        await factory.WithDbAsync(db =>
        {
            db.Add(new LinkedInUsage { MinuteUtc = LinkedInUsage.MinuteOf(DateTime.UtcNow), Requests = 800 });
            return db.SaveChangesAsync();
        });

        await DrainAsync(factory);
        var live = await factory.CreateCandidateAsync("Liv", "Live", "liv@example.com");
        await DrainAsync(factory);

        Assert.Equal(1, _linkedIn.Count("candidates", Id(live)));
        Assert.Equal(0, _linkedIn.Count("candidates", Id(history)));
        Assert.Equal(1, await BacklogAsync(factory));
        var page = await (await factory.SignedInClientAsync(AtsData.Admin)).GetDocumentAsync("/Admin/LinkedIn/Sync");
        Assert.NotNull(page.QuerySelector("[data-testid=backfill-paused]"));
        Assert.Equal("1", page.QuerySelector("[data-testid=plan-rows-left]")!.TextContent);
        Assert.StartsWith("800 requests", page.QuerySelector("[data-testid=plan-budget]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("0", page.QuerySelector("[data-testid=plan-requests-left]")!.TextContent);

        // A new UTC day: nothing counted yet, so the backfill continues.
        await factory.WithDbAsync(db => db.Set<LinkedInUsage>().ExecuteDeleteAsync());
        await DrainAsync(factory);

        Assert.Equal(1, _linkedIn.Count("candidates", Id(history)));
        Assert.Equal(0, await BacklogAsync(factory));
    }

    [Fact]
    public async Task DrainAsync_BackfillRoundInFlight_LiveLaneSendsTheChangeAtOnce()
    {
        await ConnectAsync(_factory, backfillDone: false);
        var history = await _factory.CreateCandidateAsync("Hilda", "History", "hilda@example.com");
        _linkedIn.BackgroundDelay = TimeSpan.FromSeconds(5); // one backfill request takes seconds of LinkedIn's minute
        var backfillLane = Task.Run(async () =>
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<LinkedInSyncDrain>().DrainAsync(SyncLanes.Backfill);
        });
        for (var i = 0; i < 200 && _linkedIn.BackgroundCallsStarted == 0; i++)
        {
            await Task.Delay(50);
        }
        Assert.Equal(1, _linkedIn.BackgroundCallsStarted);

        var live = await _factory.CreateCandidateAsync("Liv", "Live", "liv@example.com");
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<LinkedInSyncDrain>().DrainAsync(SyncLanes.Live));
        }

        Assert.False(backfillLane.IsCompleted);
        Assert.Equal(1, _linkedIn.Count("candidates", Id(live)));
        Assert.Equal(0, _linkedIn.Count("candidates", Id(history)));
        Assert.Equal(1, await backfillLane);
        Assert.Equal(("candidates", Id(history)), Assert.Single(_linkedIn.SentInBackground, s => s.Resource == "candidates"));
        Assert.DoesNotContain(_linkedIn.SentInBackground, s => s.Key == Id(live));
        Assert.Equal(0, await BacklogAsync(_factory));
    }

    [Theory]
    [InlineData(AtsData.Recruiter)]
    [InlineData(AtsData.Interviewer)]
    public async Task SyncPage_NonAdmin_Returns403(string email)
    {
        var client = await _factory.SignedInClientAsync(email);

        var response = await client.GetAsync("/Admin/LinkedIn/Sync");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task SyncPage_RetryAllWithoutAntiforgery_Returns400()
    {
        var client = await _factory.SignedInClientAsync(AtsData.Admin);

        var response = await client.PostAsync("/Admin/LinkedIn/Sync?handler=RetryAll", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
