using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Infrastructure;

/// <summary>Creates the small data a page test needs, straight through the DbContext.</summary>
public static class AtsData
{
    public const string Admin = "admin@contoso.test";
    public const string Recruiter = "recruiter@contoso.test";
    public const string Manager = "hiring.manager@contoso.test";
    public const string Interviewer = "interviewer@contoso.test";

    private static readonly DateTime Now = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    public static async Task<T> WithDbAsync<T>(this AttractFactory factory, Func<AttractDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
        return await work(db);
    }

    public static Task<string> UserIdAsync(this AttractFactory factory, string email) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>An active job with the default stages; by default the recruiter, hiring manager and interviewer are on its team.</summary>
    public static async Task<int> CreateJobAsync(this AttractFactory factory, string title = "Backend Engineer", bool standardTeam = true, JobStatus status = JobStatus.Active)
    {
        var team = new List<(string, TeamRole)>();
        if (standardTeam)
        {
            team.Add((await factory.UserIdAsync(Recruiter), TeamRole.Recruiter));
            team.Add((await factory.UserIdAsync(Manager), TeamRole.HiringManager));
            team.Add((await factory.UserIdAsync(Interviewer), TeamRole.Interviewer));
        }
        return await factory.WithDbAsync(async db =>
        {
            var number = (await db.Jobs.MaxAsync(j => (int?)j.Number) ?? 1000) + 1;
            var job = Job.Create(number, title, "Engineering", Now);
            job.City = "Berlin";
            job.Country = "Germany";
            job.Description = "Build Attract.";
            foreach (var (userId, role) in team)
            {
                job.AssignTeamMember(userId, role);
            }
            if (status != JobStatus.Draft)
            {
                job.Activate(Now);
            }
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });
    }

    public static Task<int> CreateCandidateAsync(this AttractFactory factory, string first = "Ada", string last = "Lovelace",
        string? email = null, string? linkedIn = null, string source = CandidateSources.LinkedIn) =>
        factory.WithDbAsync(async db =>
        {
            var candidate = new Candidate { CreatedAtUtc = Now, UpdatedAtUtc = Now, CurrentCompany = "Analytical Engines", Source = source, Summary = $"{first} builds engines." };
            candidate.SetName(first, last);
            candidate.SetEmails([email ?? $"{first}.{last}@example.com".ToLowerInvariant()]);
            candidate.SetLinkedInProfileUrl(linkedIn);
            db.Candidates.Add(candidate);
            await db.SaveChangesAsync();
            return candidate.Id;
        });

    public static Task<int> AddApplicationAsync(this AttractFactory factory, int candidateId, int jobId, string stage = "Applied") =>
        factory.WithDbAsync(async db =>
        {
            var job = await db.Jobs.Include(j => j.Stages).SingleAsync(j => j.Id == jobId);
            var candidate = await db.Candidates.SingleAsync(c => c.Id == candidateId);
            var application = JobApplication.Create(candidate, job, job.Stages.Single(s => s.Name == stage), FixedActor.System, Now);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            return application.Id;
        });

    public static Task<(string Stage, ApplicationStatus Status)> ApplicationStateAsync(this AttractFactory factory, int applicationId) =>
        factory.WithDbAsync(async db =>
        {
            // An anonymous type, not a tuple: Npgsql would read a tuple projection as a PostgreSQL record.
            var state = await db.Applications.Where(a => a.Id == applicationId).Select(a => new { Stage = a.Stage.Name, a.Status }).SingleAsync();
            return (state.Stage, state.Status);
        });

    public static Task<int> StageIdAsync(this AttractFactory factory, int jobId, string stage) =>
        factory.WithDbAsync(db => db.JobStages.Where(s => s.JobId == jobId && s.Name == stage).Select(s => s.Id).SingleAsync());
}
