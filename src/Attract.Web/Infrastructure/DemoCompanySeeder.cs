using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Feedback;
using Attract.Core.Jobs;
using Attract.Core.Notes;
using Attract.Core.Pipeline;
using Attract.Core.Pools;
using Bogus;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Infrastructure;

/// <summary>
/// Generates a realistic company deterministically (fixed Bogus seed): about 25 jobs across departments, candidates,
/// applications in every stage with stage history, feedback, notes and pools, with the demo users on hiring teams.
/// Writes no audit or outbox rows (bulk load). Does nothing when jobs already exist.
/// </summary>
public static class DemoCompanySeeder
{
    private const int Seed = 1042;

    private static readonly (string Department, string[] Titles)[] Openings =
    [
        ("Engineering", ["Senior Backend Engineer", "Frontend Engineer", "Site Reliability Engineer", "Engineering Manager", "Data Engineer", "QA Automation Engineer", "Mobile Engineer"]),
        ("Product", ["Product Manager", "Senior Product Manager", "Product Analyst"]),
        ("Design", ["Product Designer", "UX Researcher"]),
        ("Sales", ["Account Executive", "Sales Development Representative", "Sales Engineer"]),
        ("Marketing", ["Content Marketing Manager", "Growth Marketer"]),
        ("Customer Success", ["Customer Success Manager", "Support Engineer"]),
        ("Finance", ["Financial Analyst", "Payroll Specialist"]),
        ("People", ["Talent Partner", "People Operations Generalist"]),
        ("Operations", ["Office Manager"]),
    ];

    private static readonly (string City, string? Region, string Country)[] Offices =
        [("Seattle", "WA", "United States"), ("Austin", "TX", "United States"), ("London", null, "United Kingdom"), ("Berlin", null, "Germany"), ("Amsterdam", null, "Netherlands")];

    private static readonly string[] Tags = ["csharp", "dotnet", "react", "kubernetes", "leadership", "remote", "relocation", "senior", "bilingual", "saas", "b2b", "python"];

    public static async Task SeedAsync(IServiceProvider services, int candidateCount, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
        if (await db.Jobs.AnyAsync(ct))
        {
            return;
        }
        db.TrackChanges = false;
        var users = await db.Users.ToDictionaryAsync(u => u.Email!, ct);
        string? Id(string email) => users.TryGetValue(email, out var u) ? u.Id : null;
        var recruiter = Id("recruiter@contoso.test");
        var manager = Id("hiring.manager@contoso.test");
        var interviewer = Id("interviewer@contoso.test");
        var faker = new Faker("en") { Random = new Randomizer(Seed) };
        var start = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

        var jobs = CreateJobs(faker, start, recruiter, manager, interviewer);
        db.Jobs.AddRange(jobs);
        await db.SaveChangesAsync(ct);

        var pipelineJobs = jobs.Where(j => j.Status != JobStatus.Draft).ToList();
        var recruiterActor = new FixedActor(recruiter, "Riley Recruiter");
        var interviewerActor = interviewer is null ? null : new FixedActor(interviewer, "Indigo Interviewer");
        var silver = TalentPool.Create("Silver medalists", "Strong finalists to consider for future roles.", recruiter, start);
        var leaders = TalentPool.Create("Engineering leaders", "Managers and staff engineers.", recruiter, start);
        db.TalentPools.AddRange(silver, leaders);
        await db.SaveChangesAsync(ct);

        for (var batchStart = 0; batchStart < candidateCount; batchStart += 1000)
        {
            var candidates = Enumerable.Range(batchStart, Math.Min(1000, candidateCount - batchStart))
                .Select(i => CreateCandidate(faker, i, start)).ToList();
            db.Candidates.AddRange(candidates);
            await db.SaveChangesAsync(ct);
            AddPipelines(db, faker, candidates, pipelineJobs, recruiterActor, interviewerActor, silver, leaders, start);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            silver.Members.Clear();
            leaders.Members.Clear();
            db.AttachRange(jobs);
            db.AttachRange(silver, leaders);
        }
        foreach (var job in jobs.Where(j => j.Number % 10 == 0 && j.Status == JobStatus.Active))
        {
            job.Close(start); // closed after their pipelines were filled
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Puts about 60% of the candidates into a pipeline, with scorecards, notes and pool memberships along the way.
    /// </summary>
    private static void AddPipelines(AttractDbContext db, Faker faker, List<Candidate> candidates, List<Job> pipelineJobs,
        FixedActor recruiterActor, FixedActor? interviewerActor, TalentPool silver, TalentPool leaders, DateTime start)
    {
        var recruiter = recruiterActor.UserId;
        foreach (var candidate in candidates)
        {
            if (!faker.Random.Bool(0.6f) || pipelineJobs.Count == 0)
            {
                continue;
            }
            var job = faker.PickRandom(pipelineJobs);
            var application = CreateApplication(faker, candidate, job, recruiterActor, start);
            db.Applications.Add(application);
            if (application.Stage.Order >= 2 && interviewerActor is not null && faker.Random.Bool(0.7f))
            {
                db.Scorecards.Add(CreateScorecard(faker, application, interviewerActor, application.UpdatedAtUtc));
            }
            if (recruiter is not null && faker.Random.Bool(0.25f))
            {
                db.Notes.Add(Note.Write(candidate, null, recruiterActor, faker.PickRandom(NoteTexts), application.CreatedAtUtc));
            }
            if (application.Status == ApplicationStatus.Rejected && application.Stage.Order >= 3)
            {
                silver.Add([candidate.Id], recruiter, application.UpdatedAtUtc);
            }
            if (candidate.CurrentTitle?.Contains("Manager", StringComparison.Ordinal) == true && faker.Random.Bool(0.3f))
            {
                leaders.Add([candidate.Id], recruiter, start);
            }
        }
    }

    private static List<Job> CreateJobs(Faker faker, DateTime start, string? recruiter, string? manager, string? interviewer)
    {
        var jobs = new List<Job>();
        var number = 1001;
        foreach (var (department, titles) in Openings)
        {
            foreach (var title in titles)
            {
                var office = faker.PickRandom(Offices);
                var job = Job.Create(number, title, department, start.AddDays(-faker.Random.Int(5, 90)));
                job.City = office.City;
                job.Region = office.Region;
                job.Country = office.Country;
                job.EmploymentType = number % 9 == 0 ? EmploymentType.Contract : EmploymentType.FullTime;
                job.Description = $"{faker.Company.CatchPhrase()}.\n\n{faker.Lorem.Paragraphs(2)}\n\nYou will: {faker.Hacker.Phrase()}";
                if (recruiter is not null && number % 7 != 0)
                {
                    job.AssignTeamMember(recruiter, TeamRole.Recruiter);
                }
                if (manager is not null && (department is "Engineering" or "Product" or "Design"))
                {
                    job.AssignTeamMember(manager, TeamRole.HiringManager);
                }
                if (interviewer is not null && (department is "Engineering" or "Design"))
                {
                    job.AssignTeamMember(interviewer, TeamRole.Interviewer);
                }
                if (number % 11 == 0)
                {
                    job.RemoveStage(job.OrderedStages.First().Id, 0); // some jobs have no Prospect stage
                }
                var status = number % 8 == 0 ? JobStatus.Draft : number % 10 == 0 ? JobStatus.Closed : JobStatus.Active;
                if (status != JobStatus.Draft)
                {
                    job.Activate(job.CreatedAtUtc.AddDays(1));
                }
                jobs.Add(job);
                number++;
            }
        }
        return jobs;
    }

    private static Candidate CreateCandidate(Faker faker, int index, DateTime start)
    {
        var person = new Bogus.Person("en", Seed + index);
        var candidate = new Candidate
        {
            CurrentCompany = faker.Company.CompanyName(),
            CurrentTitle = faker.Name.JobTitle(),
            City = person.Address.City,
            Region = person.Address.State,
            Country = "United States",
            Source = faker.PickRandom(CandidateSources.All.ToArray()),
            Summary = $"{faker.Random.Int(2, 15)} years in {faker.Name.JobArea().ToLowerInvariant()}; {faker.Hacker.Phrase()}",
            Tags = faker.PickRandom(Tags, faker.Random.Int(0, 3)).ToList(),
            Phones = [person.Phone],
            CreatedAtUtc = start.AddDays(-faker.Random.Int(0, 120)),
        };
        candidate.UpdatedAtUtc = candidate.CreatedAtUtc;
        candidate.SetName(person.FirstName, person.LastName);
        candidate.SetEmails([$"{person.FirstName}.{person.LastName}.{index}@{faker.Internet.DomainName()}".ToLowerInvariant()]);
        if (faker.Random.Bool(0.7f))
        {
            candidate.SetLinkedInProfileUrl($"https://www.linkedin.com/in/{person.FirstName}-{person.LastName}-{index}".ToLowerInvariant());
        }
        return candidate;
    }

    private static JobApplication CreateApplication(Faker faker, Candidate candidate, Job job, ICurrentActor actor, DateTime start)
    {
        var stages = job.OrderedStages.ToList();
        var target = faker.Random.WeightedRandom(Enumerable.Range(0, stages.Count).ToArray(),
            stages.Select(s => s.Order == 0 ? 0.3f : s.Kind == StageKind.Hired ? 0.03f : 0.67f / Math.Max(1, stages.Count - 2)).ToArray());
        var when = start.AddDays(-faker.Random.Int(10, 60));
        var application = JobApplication.Create(candidate, job, stages[0], actor, when);
        for (var i = 1; i <= target; i++)
        {
            when = when.AddDays(faker.Random.Int(1, 6)).AddHours(faker.Random.Int(0, 8));
            application.MoveTo(stages[i], actor, when);
        }
        if (target < stages.Count - 1 && faker.Random.Bool(0.2f))
        {
            application.Reject(faker.PickRandom(RejectionReasons.All.ToArray()), actor, when.AddDays(1));
        }
        return application;
    }

    private static Scorecard CreateScorecard(Faker faker, JobApplication application, ICurrentActor actor, DateTime at) =>
        Scorecard.Submit(application, actor, application.Stage.Order <= 2 ? InterviewType.PhoneScreen : InterviewType.Onsite,
            Scorecard.DefaultAttributes.ToDictionary(a => a, _ => faker.Random.Int(Scorecard.MinRating, Scorecard.MaxRating)),
            faker.PickRandom<Recommendation>(), faker.Lorem.Sentences(2), at);

    private static readonly string[] NoteTexts =
    [
        "Spoke on the phone; interested, notice period is one month.",
        "Prefers hybrid work, two days in the office at most.",
        "Referred by a current employee on the platform team.",
        "Salary expectation is at the top of the band; check with the hiring manager.",
        "Great portfolio. Follow up after the holidays.",
    ];
}
