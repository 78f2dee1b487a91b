using Attract.BrowserTests.Infrastructure;
using Attract.BrowserTests.LinkedIn.Tab;
using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Feedback;
using Attract.Core.LinkedIn;
using Attract.Core.Notes;
using Attract.Core.Pipeline;
using Attract.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Attract.BrowserTests.Accessibility;

/// <summary>
/// One Attract for all the accessibility checks: the demo company (jobs in every state, applications in every stage,
/// feedback, notes, pools), connected to the LinkedIn simulator with one 1-Click Export processed, plus a candidate of
/// our own on a job whose team holds every demo user, with a scorecard, a note and a pool membership. Sign-in cookies
/// are made once per role.
/// </summary>
public sealed class AccessibilityApp : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
    private readonly Dictionary<string, IReadOnlyList<Cookie>> _cookies = [];
    private readonly SemaphoreSlim _signIn = new(1, 1);

    public KestrelAttractFactory App { get; } = LinkedInScenario.CreateApp();

    public SeededIds Ids { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App.Settings["Attract:SeedDemoCompany"] = "true";
        App.Settings["Attract:DemoCandidates"] = "150";
        var connection = await LinkedInScenario.ConnectAsync(App, contractLevel: true);
        await App.MapUserAsync(AccessibilityPages.Accounts["recruiter"], LinkedInTabData.RecruiterSeat, "urn:li:person:rC7kLm", "Riley Recruiter");
        Ids = await SeedAsync();
        await ExportFromLinkedInAsync(connection.ChildClientId!);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        _signIn.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The session cookies of <paramref name="role"/>'s demo account, signed in through the login page once.</summary>
    public async Task<IReadOnlyList<Cookie>> CookiesAsync(IBrowser browser, string role)
    {
        await _signIn.WaitAsync();
        try
        {
            if (!_cookies.TryGetValue(role, out var cookies))
            {
                await using var context = await browser.NewContextAsync();
                var page = await context.NewPageAsync();
                await page.SignInAsync(App.BaseUrl, AccessibilityPages.Accounts[role]);
                cookies = [.. (await context.CookiesAsync()).Select(c => new Cookie
                {
                    Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
                })];
                _cookies[role] = cookies;
            }
            return cookies;
        }
        finally
        {
            _signIn.Release();
        }
    }

    /// <summary>
    /// A job created after the connection (so it is posted to LinkedIn; the demo company's are bulk-loaded without outbox
    /// rows) with the demo users on its team and candidates in several stages, and Ada Accessible with feedback, a note and a pool.
    /// </summary>
    private async Task<SeededIds> SeedAsync()
    {
        var jobId = await App.CreateJobWithCandidatesAsync("Accessibility Engineer",
            ("Pat", "Prospect", "Prospect"), ("Quinn", "Quick", "Applied"), ("Rae", "Review", "Onsite interview"), ("Sam", "Signed", "Offer"));
        return await App.WithDbAsync(db => SeedCandidateAsync(db, jobId));
    }

    private static async Task<SeededIds> SeedCandidateAsync(AttractDbContext db, int jobId)
    {
        var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
        var (recruiter, interviewer) = (users[AccessibilityPages.Accounts["recruiter"]], users[AccessibilityPages.Accounts["interviewer"]]);
        var job = await db.Jobs.Include(j => j.Stages).SingleAsync(j => j.Id == jobId);
        var candidate = new Candidate
        {
            CreatedAtUtc = Now,
            UpdatedAtUtc = Now,
            CurrentCompany = "Fabrikam",
            CurrentTitle = "Staff Engineer",
            City = "Berlin",
            Country = "Germany",
            Source = CandidateSources.Referral,
            Summary = "Twelve years of distributed systems; led two platform migrations.",
            Tags = ["dotnet", "leadership"],
            Phones = ["+49 30 1234567"],
        };
        candidate.SetName("Ada", "Accessible");
        candidate.SetEmails(["ada.accessible@example.com"]);
        candidate.SetLinkedInProfileUrl("https://www.linkedin.com/in/ada-accessible");
        var recruiterActor = new FixedActor(recruiter, "Riley Recruiter");
        var stages = job.OrderedStages.ToList();
        var application = JobApplication.Create(candidate, job, stages[0], recruiterActor, Now.AddDays(-9));
        application.MoveTo(stages[1], recruiterActor, Now.AddDays(-7));
        application.MoveTo(stages[2], recruiterActor, Now.AddDays(-5));
        db.Applications.Add(application);
        db.Scorecards.Add(Scorecard.Submit(application, new FixedActor(interviewer, "Indigo Interviewer"), InterviewType.PhoneScreen,
            Scorecard.DefaultAttributes.ToDictionary(a => a, _ => 4), Recommendation.Yes, "Clear communicator; strong on design.", Now.AddDays(-4)));
        var note = Note.Write(candidate, null, recruiterActor, "Prefers hybrid work; notice period is one month.", Now.AddDays(-3));
        db.Notes.Add(note);
        await db.SaveChangesAsync();
        var pool = await db.TalentPools.Include(p => p.Members).OrderBy(p => p.Id).FirstAsync();
        pool.Add([candidate.Id], recruiter, Now);
        await db.SaveChangesAsync();
        return new SeededIds(job.Id, application.Id, candidate.Id, note.Id, pool.Id, "Accessible");
    }

    /// <summary>A LinkedIn member exported into the job's Prospect stage, so the export and prospect pages have a LinkedIn row.</summary>
    private async Task ExportFromLinkedInAsync(string childClientId)
    {
        var code = await App.WithDbAsync(db => db.Jobs.Where(j => j.Id == Ids.JobId).Select(j => j.Code).SingleAsync());
        await Eventually.TrueAsync(async () => !await App.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.EntityType == "Job" && m.EntityId == Ids.JobId && m.ProcessedAtUtc == null)),
            $"job {Ids.JobId} to be synced to LinkedIn", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(250));
        var member = (await App.MembersAsync())[40]!;
        await App.SimPostAsync("/_sim/exports", new { clientId = childClientId, memberId = member["id"]!.ToString(), seat = LinkedInTabData.RecruiterSeat, externalJobPostingId = code });
        await Eventually.TrueAsync(async () => await App.WithDbAsync(db => db.Set<LinkedInNotification>()
                .AnyAsync(n => n.JobCode == code && n.Status == LinkedInNotificationStatus.Processed)),
            "the export to be processed", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(250));
    }
}
