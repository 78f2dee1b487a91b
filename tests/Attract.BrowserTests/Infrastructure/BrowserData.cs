using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.BrowserTests.Infrastructure;

/// <summary>Small, explicit data for browser scenarios, written straight through the DbContext.</summary>
public static class BrowserData
{
    private static readonly DateTime Now = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    public static async Task<T> WithDbAsync<T>(this KestrelAttractFactory app, Func<AttractDbContext, Task<T>> work)
    {
        _ = app.BaseUrl;
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AttractDbContext>());
    }

    /// <summary>An active job with the demo recruiter, hiring manager and interviewer on its team, and candidates in the given stages.</summary>
    public static Task<int> CreateJobWithCandidatesAsync(this KestrelAttractFactory app, string title, params (string First, string Last, string Stage)[] candidates) =>
        app.WithDbAsync(async db =>
        {
            var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
            var job = Job.Create((await db.Jobs.MaxAsync(j => (int?)j.Number) ?? 1000) + 1, title, "Engineering", Now);
            job.City = "Berlin";
            job.Country = "Germany";
            job.Description = "Build Attract.";
            job.AssignTeamMember(users["recruiter@contoso.test"], TeamRole.Recruiter);
            job.AssignTeamMember(users["hiring.manager@contoso.test"], TeamRole.HiringManager);
            job.AssignTeamMember(users["interviewer@contoso.test"], TeamRole.Interviewer);
            job.Activate(Now);
            db.Jobs.Add(job);
            foreach (var (first, last, stage) in candidates)
            {
                var candidate = new Candidate
                {
                    CreatedAtUtc = Now,
                    UpdatedAtUtc = Now,
                    CurrentCompany = "Fabrikam",
                    CurrentTitle = "Engineer",
                    Source = CandidateSources.LinkedIn,
                    Summary = $"{first} has shipped three products.",
                };
                candidate.SetName(first, last);
                candidate.SetEmails([$"{first}.{last}@example.com".ToLowerInvariant()]);
                db.Applications.Add(JobApplication.Create(candidate, job, job.Stages.Single(s => s.Name == stage), FixedActor.System, Now));
            }
            await db.SaveChangesAsync();
            return job.Id;
        });
}
