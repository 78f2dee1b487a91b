using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Feedback;
using Attract.Core.Notes;
using Attract.Core.Pools;
using Attract.UnitTests.Builders;
using Microsoft.EntityFrameworkCore;

namespace Attract.UnitTests.Data;

public abstract class CandidateMergerTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDb _db = null!;

    public async Task InitializeAsync() => _db = await TestDb.CreateAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Merge_Duplicate_MovesEverythingToSurvivorAndLogs()
    {
        int survivorId, duplicateId, duplicateApplicationId;
        await using (var db = _db.NewContext())
        {
            var (_, survivor, _) = await Build.PipelineAsync(db, "Applied", Build.Candidate("Ada", "Lovelace", "ada@example.com"));
            var duplicate = Build.Candidate("Ada", "King", "ada.king@example.com", "https://www.linkedin.com/in/ada-king");
            duplicate.Phones = ["+44 20 1234"];
            duplicate.Tags = ["math"];
            var (_, _, application) = await Build.PipelineAsync(db, "Phone screen", duplicate);
            db.Notes.Add(Note.Write(duplicate, null, db.Actor, "Met at a conference", Build.Now));
            db.Scorecards.Add(Scorecard.Submit(application, TestDb.Interviewer, InterviewType.PhoneScreen,
                new Dictionary<string, int> { ["Communication"] = 4 }, Recommendation.Yes, "Good", Build.Now));
            db.TalentPoolMembers.Add(new TalentPoolMember { PoolId = TalentPool.LinkedInPoolId, CandidateId = duplicate.Id, AddedAtUtc = Build.Now });
            await db.SaveChangesAsync();
            (survivorId, duplicateId, duplicateApplicationId) = (survivor.Id, duplicate.Id, application.Id);
        }

        await using (var db = _db.NewContext())
        {
            await CandidateMerger.MergeAsync(db, survivorId, duplicateId);
            await db.SaveChangesAsync();
        }

        await using var check = _db.NewContext();
        Assert.False(await check.Candidates.AnyAsync(c => c.Id == duplicateId));
        var merged = await check.Candidates.Include(c => c.Emails).SingleAsync(c => c.Id == survivorId);
        Assert.Equal(["ada.king@example.com", "ada@example.com"], merged.Emails.Select(e => e.Address).Order());
        Assert.Equal("https://www.linkedin.com/in/ada-king", merged.LinkedInProfileUrl);
        Assert.Contains("+44 20 1234", merged.Phones);
        Assert.Contains("math", merged.Tags);
        Assert.Equal(2, await check.Applications.CountAsync(a => a.CandidateId == survivorId));
        Assert.Equal(survivorId, await check.Applications.Where(a => a.Id == duplicateApplicationId).Select(a => a.CandidateId).SingleAsync());
        Assert.Equal(1, await check.Scorecards.CountAsync(s => s.Application.CandidateId == survivorId));
        Assert.Equal(1, await check.Notes.CountAsync(n => n.CandidateId == survivorId));
        Assert.True(await check.TalentPoolMembers.AnyAsync(m => m.CandidateId == survivorId && m.PoolId == TalentPool.LinkedInPoolId));
        Assert.Equal(["Deleted"], await check.AuditEntries.Where(a => a.CandidateId == duplicateId).Select(a => a.Action).ToListAsync());
        Assert.True(await check.AuditEntries.AnyAsync(a => a.CandidateId == survivorId && a.Action == "Merged" && a.Description.Contains("ada.king@example.com")));
        Assert.True(await check.OutboxMessages.AnyAsync(m => m.EntityType == TrackedTypes.Candidate && m.EntityId == duplicateId && m.Operation == ChangeOperation.Deleted));
    }

    [Fact]
    public async Task Merge_BothInSameJob_KeepsOneApplicationWithBothHistories()
    {
        int survivorId, duplicateId, survivorApplicationId;
        await using (var db = _db.NewContext())
        {
            var (job, survivor, survivorApplication) = await Build.PipelineAsync(db, "Applied");
            var duplicate = Build.Candidate("Ada", "L.", "other@example.com");
            db.Candidates.Add(duplicate);
            await db.SaveChangesAsync();
            var application = Core.Pipeline.JobApplication.Create(duplicate, job, job.Stages.Single(s => s.Name == "Offer"), db.Actor, Build.Now);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            db.Notes.Add(Note.Write(duplicate, application, db.Actor, "About the offer", Build.Now));
            await db.SaveChangesAsync();
            (survivorId, duplicateId, survivorApplicationId) = (survivor.Id, duplicate.Id, survivorApplication.Id);
        }

        await using (var db = _db.NewContext())
        {
            await CandidateMerger.MergeAsync(db, survivorId, duplicateId);
            await db.SaveChangesAsync();
        }

        await using var check = _db.NewContext();
        Assert.Equal([survivorApplicationId], await check.Applications.Where(a => a.CandidateId == survivorId).Select(a => a.Id).ToListAsync());
        Assert.Equal(2, await check.StageMoves.CountAsync(m => m.ApplicationId == survivorApplicationId));
        Assert.Equal(survivorApplicationId, await check.Notes.Where(n => n.Body == "About the offer").Select(n => n.ApplicationId).SingleAsync());
    }

    [Fact]
    public async Task Merge_IntoItself_Throws()
    {
        await using var db = _db.NewContext();
        await Assert.ThrowsAsync<DomainException>(() => CandidateMerger.MergeAsync(db, 1, 1));
    }
}

public sealed class CandidateMergerSqliteTests() : CandidateMergerTests(DatabaseProvider.Sqlite);

public sealed class CandidateMergerPostgreSqlTests() : CandidateMergerTests(DatabaseProvider.PostgreSql);
