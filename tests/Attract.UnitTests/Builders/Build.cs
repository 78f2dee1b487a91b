using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.Pipeline;

namespace Attract.UnitTests.Builders;

public static class Build
{
    public static readonly DateTime Now = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>A suppression hasher with a fixed test key (the app's key is random and stored encrypted).</summary>
    public static readonly Core.Privacy.SuppressionHasher Hasher = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static Job Job(int number = 1042, string title = "Backend Engineer")
    {
        var job = Core.Jobs.Job.Create(number, title, "Engineering", Now);
        job.City = "Berlin";
        job.Country = "Germany";
        job.Description = "Build things.";
        var id = 1;
        foreach (var stage in job.Stages)
        {
            stage.Id = id++;
        }
        return job;
    }

    public static Candidate Candidate(string first = "Ada", string last = "Lovelace", string? email = "ada@example.com", string? linkedIn = null)
    {
        var candidate = new Candidate { CreatedAtUtc = Now, UpdatedAtUtc = Now, CurrentCompany = "Analytical Engines" };
        candidate.SetName(first, last);
        candidate.SetEmails(email is null ? [] : [email]);
        candidate.SetLinkedInProfileUrl(linkedIn);
        return candidate;
    }

    /// <summary>Saves a job (with the recruiter, manager and interviewer on its team) and a candidate in it, in <paramref name="stageName"/>.</summary>
    public static async Task<(Job Job, Candidate Candidate, JobApplication Application)> PipelineAsync(AttractDbContext db, string stageName = "Applied", Candidate? candidate = null)
    {
        var job = Core.Jobs.Job.Create(await NextNumberAsync(db), "Backend Engineer", "Engineering", Now);
        job.City = "Berlin";
        job.Country = "Germany";
        job.AssignTeamMember(TestDb.Recruiter.UserId!, TeamRole.Recruiter);
        job.AssignTeamMember(TestDb.Manager.UserId!, TeamRole.HiringManager);
        job.AssignTeamMember(TestDb.Interviewer.UserId!, TeamRole.Interviewer);
        job.Activate(Now);
        candidate ??= Candidate();
        db.AddRange(job, candidate);
        await db.SaveChangesAsync();
        var application = JobApplication.Create(candidate, job, job.Stages.Single(s => s.Name == stageName), db.Actor, Now);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return (job, candidate, application);
    }

    private static Task<int> NextNumberAsync(AttractDbContext db) =>
        Task.FromResult(1000 + db.Jobs.Count() + 1);

    public static ICurrentActor Actor => TestDb.Recruiter;
}
