using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Feedback;
using Attract.Core.Notes;
using Attract.Core.Pools;
using Attract.UnitTests.Builders;
using Microsoft.EntityFrameworkCore;

namespace Attract.UnitTests.Data;

public class CandidateEraserTests : IAsyncLifetime
{
    private TestDb _db = null!;

    public async Task InitializeAsync() => _db = await TestDb.CreateAsync();

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
    public async Task LinkedInPool_ExistsFromTheStart_AsSystemPool()
    {
        await using var db = _db.NewContext();
        var pool = await db.TalentPools.SingleAsync(p => p.Id == TalentPool.LinkedInPoolId);

        Assert.Equal("LinkedIn", pool.Name);
        Assert.True(pool.IsSystem);
        Assert.Throws<DomainException>(() => pool.Rename("Other"));
    }
}
