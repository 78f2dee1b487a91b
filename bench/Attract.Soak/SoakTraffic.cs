using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Feedback;
using Attract.Core.Notes;
using Attract.Core.Pipeline;
using Attract.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.Soak;

/// <summary>
/// The live traffic: what recruiters do in Attract (new candidates with applications, profile edits, stage moves, notes,
/// interview feedback) written through Attract's own DbContext and domain methods, so every change writes its outbox row
/// in the same transaction exactly as the pages do; plus 1-click exports made at LinkedIn. Each writer owns the entities it
/// created, so writers never race each other (concurrent edits of one entity are the pages' optimistic concurrency, not
/// the sync's concern).
/// </summary>
public sealed class SoakTraffic(IServiceProvider services, HttpClient simulator, string childClientId, IReadOnlyList<string> jobCodes,
    string interviewerId, IReadOnlyList<string> exportMembers, SoakOptions options)
{
    private const string ExportSeat = "urn:li:seat:9002";
    private int _changes;
    private int _exports;
    private int _nextMember;
    private long _serial;

    private int _failures;

    public int Changes => _changes;

    /// <summary>Writes that failed (and so changed nothing), and the first one's error.</summary>
    public int Failures => _failures;

    public string? FirstFailure { get; private set; }

    public int ExportsRequested => _exports;

    public static ServiceProvider Database(string connectionString) => new ServiceCollection()
        .AddSingleton(TimeProvider.System)
        .AddDbContext<AttractDbContext>(o => o.UseNpgsql(connectionString, x => x.MigrationsAssembly(DatabaseSetup.PostgreSqlMigrationsAssembly)))
        .BuildServiceProvider();

    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, options.Writers).Select(w => Task.Run(() => WriterAsync(w, stop), CancellationToken.None)));

    private sealed record Owned(int CandidateId, int ApplicationId);

    private async Task WriterAsync(int writer, CancellationToken stop)
    {
        var random = new Random(1000 + writer);
        var mine = new List<Owned>();
        var actor = new FixedActor(interviewerId, "Soak Interviewer");
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var roll = random.NextDouble();
                if (roll < options.ExportShare && writer == 0)
                {
                    await ExportAsync(random, stop);
                }
                else if (mine.Count < 5 || roll < 0.30)
                {
                    mine.Add(await NewCandidateAsync(writer, random, actor));
                    Interlocked.Add(ref _changes, 2);
                }
                else
                {
                    var target = mine[random.Next(mine.Count)];
                    var changed = roll switch
                    {
                        < 0.50 => await EditCandidateAsync(target),
                        < 0.70 => await MoveStageAsync(target, actor),
                        < 0.85 => await NoteAsync(target, actor),
                        _ => await FeedbackAsync(target, actor, random),
                    };
                    if (changed)
                    {
                        Interlocked.Increment(ref _changes);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or HttpRequestException or DomainException or Npgsql.NpgsqlException or TimeoutException)
            {
                // A write that failed changed nothing (it rolled back with its outbox row); the next one goes on.
                if (Interlocked.Increment(ref _failures) == 1)
                {
                    FirstFailure = ex.GetType().Name + ": " + ex.Message;
                }
            }
            if (options.WriterPause > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(options.WriterPause, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<T> WithDbAsync<T>(Func<AttractDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AttractDbContext>());
    }

    private Task<Owned> NewCandidateAsync(int writer, Random random, ICurrentActor actor) => WithDbAsync(async db =>
    {
        var n = Interlocked.Increment(ref _serial);
        var now = DateTime.UtcNow;
        var code = jobCodes[random.Next(jobCodes.Count)];
        var job = await db.Jobs.Include(j => j.Stages).SingleAsync(j => j.Code == code);
        var candidate = new Candidate { CreatedAtUtc = now, UpdatedAtUtc = now, CurrentCompany = "Soak Ltd", Source = CandidateSources.Referral, CurrentTitle = "Engineer" };
        candidate.SetName("Soak" + writer, "Candidate" + n);
        candidate.SetEmails([$"soak{writer}.{n}@soak.test"]);
        db.Candidates.Add(candidate);
        var application = JobApplication.Create(candidate, job, job.Stages.Single(s => s.Name == "Applied"), actor, now);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return new Owned(candidate.Id, application.Id);
    });

    private Task<bool> EditCandidateAsync(Owned target) => WithDbAsync(async db =>
    {
        var candidate = await db.Candidates.SingleAsync(c => c.Id == target.CandidateId);
        candidate.CurrentTitle = "Engineer " + Interlocked.Increment(ref _serial);
        await db.SaveChangesAsync();
        return true;
    });

    private Task<bool> MoveStageAsync(Owned target, ICurrentActor actor) => WithDbAsync(async db =>
    {
        var application = await db.Applications.Include(a => a.Job).ThenInclude(j => j.Stages).Include(a => a.Stage)
            .SingleAsync(a => a.Id == target.ApplicationId);
        if (application.Status == ApplicationStatus.Rejected || application.Job.NextStage(application.Stage) is null)
        {
            return false;
        }
        application.Advance(actor, DateTime.UtcNow);
        await db.SaveChangesAsync();
        return true;
    });

    private Task<bool> NoteAsync(Owned target, ICurrentActor actor) => WithDbAsync(async db =>
    {
        var application = await db.Applications.Include(a => a.Candidate).SingleAsync(a => a.Id == target.ApplicationId);
        db.Notes.Add(Note.Write(application.Candidate!, application, actor, "Soak note " + Interlocked.Increment(ref _serial), DateTime.UtcNow));
        await db.SaveChangesAsync();
        return true;
    });

    private Task<bool> FeedbackAsync(Owned target, ICurrentActor actor, Random random) => WithDbAsync(async db =>
    {
        var application = await db.Applications.SingleAsync(a => a.Id == target.ApplicationId);
        var ratings = Scorecard.DefaultAttributes.ToDictionary(a => a, _ => random.Next(Scorecard.MinRating, Scorecard.MaxRating + 1));
        db.Scorecards.Add(Scorecard.Submit(application, actor, InterviewType.PhoneScreen, ratings, Recommendation.Yes, "Soak feedback", DateTime.UtcNow));
        await db.SaveChangesAsync();
        return true;
    });

    /// <summary>A recruiter exports a member (each at most once) to one of the soak jobs, in LinkedIn Recruiter.</summary>
    private async Task ExportAsync(Random random, CancellationToken ct)
    {
        var i = Interlocked.Increment(ref _nextMember) - 1;
        if (i >= exportMembers.Count)
        {
            return;
        }
        var response = await simulator.PostAsJsonAsync("/_sim/exports", new
        {
            clientId = childClientId,
            memberId = exportMembers[i],
            seat = ExportSeat,
            externalJobPostingId = jobCodes[random.Next(jobCodes.Count)],
        }, ct);
        if (response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref _exports);
        }
    }

    /// <summary>Exports one member and says whether LinkedIn accepted it (the job must be synced and visible to the seat).</summary>
    public static async Task<bool> TryExportAsync(HttpClient simulator, string childClientId, string member, string jobCode, CancellationToken ct)
    {
        var response = await simulator.PostAsJsonAsync("/_sim/exports", new { clientId = childClientId, memberId = member, seat = ExportSeat, externalJobPostingId = jobCode }, ct);
        return response.IsSuccessStatusCode;
    }

    /// <summary>Ids of generated LinkedIn members (none of the fixed accounts), to export.</summary>
    public static async Task<List<string>> MembersAsync(HttpClient simulator, int count, CancellationToken ct)
    {
        var members = JsonNode.Parse(await simulator.GetStringAsync($"/_sim/members?count={count + 10}", ct)) as JsonArray ?? [];
        return [.. members.Select(m => m!["id"]!.GetValue<string>()).Where(id => !id.StartsWith("seat", StringComparison.Ordinal)).Take(count)];
    }
}
