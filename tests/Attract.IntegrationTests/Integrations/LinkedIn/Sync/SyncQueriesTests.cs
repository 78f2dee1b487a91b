using Attract.Core.Common;
using Attract.Core.Data;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn.Sync;
using Microsoft.EntityFrameworkCore;

namespace Attract.IntegrationTests.Integrations.LinkedIn.Sync;

/// <summary>The sync's read of applications while recruiters move them: every application comes with all it has.</summary>
public abstract class SyncQueriesTests(DatabaseProvider provider) : IDisposable
{
    private readonly AttractFactory _factory = new(provider);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task WithSyncGraph_StagesMovingConcurrently_EveryApplicationKeepsItsHistoryAndEmails()
    {
        var job = await _factory.CreateJobAsync();
        var ids = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            var candidate = await _factory.CreateCandidateAsync("Race", $"Candidate{i}", $"race{i}@example.com");
            ids.Add(await _factory.AddApplicationAsync(candidate, job));
        }
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        var actor = new FixedActor("u1", "Mo Mover");
        var moves = 0;
        // A recruiter moves applications between the first two stages as fast as the database takes it.
        var mover = Task.Run(async () =>
        {
            var random = new Random(7);
            while (!stop.IsCancellationRequested)
            {
                var id = ids[random.Next(ids.Count)];
                await _factory.WithDbAsync(async db =>
                {
                    var application = await db.Applications.Include(a => a.Stage).Include(a => a.Job).ThenInclude(j => j.Stages).SingleAsync(a => a.Id == id);
                    var stages = application.Job.OrderedStages.Take(2).ToList();
                    application.MoveTo(application.StageId == stages[0].Id ? stages[1] : stages[0], actor, DateTime.UtcNow);
                    return await db.SaveChangesAsync();
                });
                moves++;
            }
        });

        int loads = 0, incomplete = 0;
        while (!stop.IsCancellationRequested)
        {
            var loaded = await _factory.WithDbAsync(db => db.Applications.AsNoTracking().WithSyncGraph().Where(a => ids.Contains(a.Id)).ToListAsync());
            loads++;
            incomplete += loaded.Count(a => a.History.Count == 0 || a.Candidate!.Emails.Count == 0);
        }
        await mover;

        Assert.True(moves > 10 && loads > 10, $"the race ran: {moves} moves, {loads} loads");
        Assert.Equal(0, incomplete);
    }
}

public sealed class SyncQueriesSqliteTests() : SyncQueriesTests(DatabaseProvider.Sqlite);

public sealed class SyncQueriesPostgreSqlTests() : SyncQueriesTests(DatabaseProvider.PostgreSql);
