using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Feedback;
using Attract.Core.LinkedIn;
using Attract.Core.Notes;
using Attract.Core.Pipeline;
using Attract.Core.Pools;
using Attract.Core.Privacy;
using Attract.UnitTests.Builders;
using Microsoft.EntityFrameworkCore;

namespace Attract.UnitTests.Data;

public abstract class CandidateEraserTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDb _db = null!;

    public async Task InitializeAsync() => _db = await TestDb.CreateAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Erase_Candidate_RemovesPersonalDataKeepsCountsAndWritesDeletions()
    {
        int candidateId, applicationId, jobId, noteId, scorecardId;
        long before;
        await using (var db = _db.NewContext())
        {
            var (job, candidate, application) = await Build.PipelineAsync(db, "Onsite interview",
                Build.Candidate("Erin", "Erasable", "erin@example.com", "https://linkedin.com/in/erin"));
            var note = Note.Write(candidate, null, db.Actor, "Erin prefers mornings", Build.Now);
            var scorecard = Scorecard.Submit(application, TestDb.Interviewer, InterviewType.Onsite,
                new Dictionary<string, int> { ["Communication"] = 3 }, Recommendation.Yes, "Erin did well", Build.Now);
            db.AddRange(note, scorecard);
            db.TalentPoolMembers.Add(new TalentPoolMember { PoolId = TalentPool.LinkedInPoolId, CandidateId = candidate.Id, AddedAtUtc = Build.Now });
            await db.SaveChangesAsync();
            (candidateId, applicationId, jobId, noteId, scorecardId) = (candidate.Id, application.Id, job.Id, note.Id, scorecard.Id);
            before = await db.OutboxMessages.MaxAsync(m => m.Id);
        }

        await using (var db = _db.NewContext())
        {
            await CandidateEraser.EraseAsync(db, candidateId, Build.Hasher);
            await db.SaveChangesAsync();
        }

        await using var check = _db.NewContext();
        Assert.False(await check.Candidates.AnyAsync(c => c.Id == candidateId));
        Assert.False(await check.CandidateEmails.AnyAsync(e => e.Address == "erin@example.com"));
        Assert.False(await check.Notes.AnyAsync(n => n.Id == noteId));
        Assert.False(await check.Scorecards.AnyAsync(s => s.Id == scorecardId));
        Assert.False(await check.TalentPoolMembers.AnyAsync(m => m.CandidateId == candidateId));
        var anonymous = await check.Applications.Include(a => a.Stage).SingleAsync(a => a.Id == applicationId);
        Assert.Null(anonymous.CandidateId);
        Assert.Equal("Onsite interview", anonymous.Stage.Name);
        Assert.Equal(1, await check.Applications.CountAsync(a => a.JobId == jobId));
        Assert.DoesNotContain(await check.AuditEntries.Select(a => a.Description).ToListAsync(), d => d.Contains("Erin"));
        var rows = await check.OutboxMessages.Where(m => m.Id > before).Select(m => new { m.EntityType, m.EntityId, m.Operation }).ToListAsync();
        Assert.Contains(rows, r => r.EntityType == TrackedTypes.Candidate && r.EntityId == candidateId && r.Operation == ChangeOperation.Deleted);
        Assert.Contains(rows, r => r.EntityType == TrackedTypes.Note && r.EntityId == noteId && r.Operation == ChangeOperation.Deleted);
        Assert.Contains(rows, r => r.EntityType == TrackedTypes.Feedback && r.EntityId == scorecardId && r.Operation == ChangeOperation.Deleted);
        Assert.Contains(rows, r => r.EntityType == TrackedTypes.Application && r.EntityId == applicationId && r.Operation == ChangeOperation.Updated);
    }

    [Fact]
    public async Task Erase_LinkedInCandidate_RemovesPulledDataScrubsNotificationsAndSuppressesTheHashes()
    {
        const string Urn = "urn:li:person:erin1";
        int candidateId, otherMail;
        await using (var db = _db.NewContext())
        {
            var (_, candidate, application) = await Build.PipelineAsync(db, "Applied",
                Build.Candidate("Erin", "Erasable", "erin@example.com", "https://www.linkedin.com/in/erin"));
            candidate.LinkedInPersonUrn = Urn;
            application.Reject("Erin said no", TestDb.Manager, Build.Now);
            var other = new LinkedInInMail { ExternalId = "m2", SeatUrn = "s", ProspectUrn = "urn:li:person:other", Body = "Not Erin's" };
            db.AddRange(
                new LinkedInInMail { ExternalId = "m1", SeatUrn = "s", ProspectUrn = Urn, Body = "Hi Erin" },
                other,
                new LinkedInProspectNote { ExternalId = "n1", ProspectUrn = Urn, OwnerSeatUrn = "s", Note = "Erin is great" },
                new LinkedInNotification { NotificationId = "r1", Type = "EXPORT_CANDIDATE_PROFILE", PersonUrn = Urn, CandidateId = candidate.Id, Outcome = "Erin Erasable added" },
                new LinkedInPurgedExport { PersonUrn = Urn, CandidateId = candidate.Id, PurgedAtUtc = Build.Now });
            await db.SaveChangesAsync();
            (candidateId, otherMail) = (candidate.Id, other.Id);
        }

        await using (var db = _db.NewContext())
        {
            await CandidateEraser.EraseAsync(db, candidateId, Build.Hasher);
            await db.SaveChangesAsync();
        }

        await using var check = _db.NewContext();
        Assert.Equal([otherMail], await check.Set<LinkedInInMail>().Select(m => m.Id).ToListAsync());
        Assert.Empty(await check.Set<LinkedInProspectNote>().ToListAsync());
        var notification = await check.Set<LinkedInNotification>().SingleAsync();
        Assert.Equal((null, null, LinkedInNotification.ErasedOutcome), (notification.PersonUrn, notification.CandidateId, notification.Outcome));
        var purged = await check.Set<LinkedInPurgedExport>().SingleAsync();
        Assert.Equal((Build.Hasher.Hash(SuppressionKinds.PersonUrn, Urn), (int?)null), (purged.PersonUrn, purged.CandidateId));
        Assert.NotNull(purged.HandledAtUtc);
        Assert.Equal(RejectionReasons.Other, await check.Applications.Select(a => a.RejectionReason).SingleAsync());
        var suppressed = await check.ErasureSuppressions.ToListAsync();
        Assert.Equal([SuppressionKinds.Email, SuppressionKinds.PersonUrn, SuppressionKinds.ProfileUrl], suppressed.Select(s => s.Kind).Order());
        Assert.Single(suppressed.Select(s => (s.ErasureId, s.ErasedAtUtc)).Distinct());
        Assert.Contains(suppressed, s => s.Hash == Build.Hasher.Hash(SuppressionKinds.Email, "ERIN@example.com"));
    }

    [Fact]
    public async Task LinkedInPool_ExistsFromTheStart_AsSystemPool()
    {
        await using var db = _db.NewContext();
        var pool = await db.TalentPools.SingleAsync(p => p.Id == TalentPool.LinkedInPoolId);

        Assert.Equal("LinkedIn", pool.Name);
        Assert.True(pool.IsSystem);
        Assert.Throws<DomainException>(() => pool.Rename("Other"));
    }
}

public sealed class CandidateEraserSqliteTests() : CandidateEraserTests(DatabaseProvider.Sqlite);

public sealed class CandidateEraserPostgreSqlTests() : CandidateEraserTests(DatabaseProvider.PostgreSql);
