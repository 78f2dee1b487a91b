using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Notes;
using Attract.Core.Outbox;
using Attract.UnitTests.Builders;
using Microsoft.EntityFrameworkCore;

namespace Attract.UnitTests.Data;

public abstract class OutboxTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDb _db = null!;

    public async Task InitializeAsync() => _db = await TestDb.CreateAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<List<(string Type, long Id, ChangeOperation Op)>> RowsAfterAsync(long afterId)
    {
        await using var db = _db.NewContext();
        return (await db.OutboxMessages.Where(m => m.Id > afterId).OrderBy(m => m.Id).ToListAsync())
            .Select(m => (m.EntityType, m.EntityId, m.Operation)).ToList();
    }

    private async Task<long> LastIdAsync()
    {
        await using var db = _db.NewContext();
        return await db.OutboxMessages.MaxAsync(m => (long?)m.Id) ?? 0;
    }

    [Fact]
    public async Task SaveChanges_NewJobAndCandidate_WritesOneCreatedRowEach()
    {
        await using var db = _db.NewContext();
        var job = Build.Job();
        job.Stages.ForEach(s => s.Id = 0);
        var candidate = Build.Candidate();
        db.AddRange(job, candidate);

        await db.SaveChangesAsync();

        var rows = await RowsAfterAsync(0);
        Assert.Equal([(TrackedTypes.Job, (long)job.Id, ChangeOperation.Created), (TrackedTypes.Candidate, (long)candidate.Id, ChangeOperation.Created)],
            rows.OrderBy(r => r.Type == TrackedTypes.Candidate));
        var message = await db.OutboxMessages.AsNoTracking().FirstAsync();
        Assert.Null(message.ProcessedAtUtc);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(TestDb.Recruiter.UserId, message.ActorUserId);
    }

    [Fact]
    public async Task SaveChanges_StageMove_WritesApplicationUpdatedAndStageMoveCreated()
    {
        await using var db = _db.NewContext();
        var (job, _, application) = await Build.PipelineAsync(db);
        var before = await LastIdAsync();

        application.MoveTo(job.Stages.Single(s => s.Name == "Phone screen"), db.Actor, Build.Now);
        await db.SaveChangesAsync();

        var rows = await RowsAfterAsync(before);
        Assert.Equal(2, rows.Count);
        Assert.Contains((TrackedTypes.Application, (long)application.Id, ChangeOperation.Updated), rows);
        Assert.Contains(rows, r => r.Type == TrackedTypes.StageMove && r.Op == ChangeOperation.Created);
        var audit = await db.AuditEntries.Where(a => a.ApplicationId == application.Id).Select(a => a.Description).ToListAsync();
        Assert.Contains("Moved from Applied to Phone screen", audit);
    }

    [Fact]
    public async Task SaveChanges_ChildRowChange_WritesOwnerUpdated()
    {
        await using var db = _db.NewContext();
        var (_, candidate, _) = await Build.PipelineAsync(db);
        var before = await LastIdAsync();

        candidate.SetEmails(["ada@example.com", "ada@home.example"]);
        await db.SaveChangesAsync();

        Assert.Equal([(TrackedTypes.Candidate, (long)candidate.Id, ChangeOperation.Updated)], await RowsAfterAsync(before));
    }

    [Fact]
    public async Task SaveChanges_Failing_WritesNoOutboxRowAndNoChange()
    {
        await using (var setup = _db.NewContext())
        {
            setup.Candidates.Add(Build.Candidate());
            await setup.SaveChangesAsync();
        }
        var before = await LastIdAsync();
        await using var db = _db.NewContext();
        db.Candidates.Add(Build.Candidate("Grace", "Hopper", "grace@example.com"));
        db.Notes.Add(new Note { CandidateId = 999_999, AuthorId = "x", AuthorName = "x", CreatedAtUtc = Build.Now, UpdatedAtUtc = Build.Now });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Empty(await RowsAfterAsync(before));
        await using var check = _db.NewContext();
        Assert.False(await check.Candidates.AnyAsync(c => c.LastName == "Hopper"));
    }

    [Fact]
    public async Task SaveChanges_StaleVersion_ThrowsConcurrencyAndWritesNoRow()
    {
        int id;
        await using (var setup = _db.NewContext())
        {
            var candidate = Build.Candidate();
            setup.Candidates.Add(candidate);
            await setup.SaveChangesAsync();
            id = candidate.Id;
        }
        await using var first = _db.NewContext();
        await using var second = _db.NewContext();
        var mine = await first.Candidates.SingleAsync(c => c.Id == id);
        var theirs = await second.Candidates.SingleAsync(c => c.Id == id);
        theirs.CurrentTitle = "Countess";
        await second.SaveChangesAsync();
        var before = await LastIdAsync();

        mine.CurrentTitle = "Mathematician";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());

        Assert.Empty(await RowsAfterAsync(before));
        await using var check = _db.NewContext();
        Assert.Equal("Countess", await check.Candidates.Where(c => c.Id == id).Select(c => c.CurrentTitle).SingleAsync());
    }

    [Fact]
    public async Task SaveChanges_TrackedDelete_WritesDeletedRow()
    {
        await using var db = _db.NewContext();
        var (_, candidate, _) = await Build.PipelineAsync(db);
        var note = Note.Write(candidate, null, db.Actor, "Hello", Build.Now);
        db.Notes.Add(note);
        await db.SaveChangesAsync();
        var before = await LastIdAsync();

        db.Notes.Remove(note);
        await db.SaveChangesAsync();

        Assert.Equal([(TrackedTypes.Note, (long)note.Id, ChangeOperation.Deleted)], await RowsAfterAsync(before));
    }

    [Fact]
    public async Task UnprocessedIndex_Exists()
    {
        await using var db = _db.NewContext();
        var indexes = await db.Database.SqlQueryRaw<string>(provider == DatabaseProvider.PostgreSql
            ? "SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename = 'OutboxMessages'"
            : "SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'OutboxMessages'").ToListAsync();
        Assert.Contains("IX_OutboxMessages_Unprocessed", indexes);
        Assert.Equal(typeof(long), typeof(OutboxMessage).GetProperty(nameof(OutboxMessage.Id))!.PropertyType);
    }
}

public sealed class OutboxSqliteTests() : OutboxTests(DatabaseProvider.Sqlite);

public sealed class OutboxPostgreSqlTests() : OutboxTests(DatabaseProvider.PostgreSql);
