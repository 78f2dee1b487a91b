namespace Attract.BrowserTests.Accessibility;

/// <summary>The rows the pages are opened on: ids of the data <see cref="AccessibilityApp"/> seeds.</summary>
public sealed record SeededIds(int JobId, int ApplicationId, int CandidateId, int NoteId, int PoolId, string CandidateLastName);

/// <summary>One page to check: the Razor page it renders (its path under Pages/), a URL made from the seeded ids, and who opens it.</summary>
public sealed record PageVisit(string Page, string Name, Func<SeededIds, string> Url, IReadOnlyList<string> Roles, int Status = 200);

/// <summary>
/// Every page each role can reach, with the seeded rows as route values. <see cref="AccessibilityTests"/> opens each
/// (role, page) pair and runs axe on it; its coverage test fails when a Razor page is neither here nor in
/// <see cref="NotHtmlPages"/>.
/// </summary>
public static class AccessibilityPages
{
    public const string Anonymous = "anonymous";

    /// <summary>The demo accounts by role (see DemoSeeder.DemoUsers).</summary>
    public static readonly IReadOnlyDictionary<string, string> Accounts = new Dictionary<string, string>
    {
        ["admin"] = "admin@contoso.test",
        ["recruiter"] = "recruiter@contoso.test",
        ["hiring-manager"] = "hiring.manager@contoso.test",
        ["interviewer"] = "interviewer@contoso.test",
    };

    private static readonly string[] AllRoles = ["admin", "recruiter", "hiring-manager", "interviewer"];
    private static readonly string[] Recruiting = ["admin", "recruiter"];
    private static readonly string[] HiringTeam = ["admin", "recruiter", "hiring-manager"];
    private static readonly string[] Admin = ["admin"];

    /// <summary>
    /// Razor pages that never render HTML of their own on GET, so there is nothing for axe to check; the pages they
    /// redirect to are visited.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotHtmlPages = new Dictionary<string, string>
    {
        // OAuth redirect targets: GET reads LinkedIn's code and redirects to /Admin/LinkedIn or /Settings/LinkedIn.
        ["/Admin/LinkedIn/Callback"] = "OAuth callback, redirects to the LinkedIn admin page",
        ["/Settings/LinkedIn/Callback"] = "OAuth callback, redirects to the user's LinkedIn settings",
        // POST-only actions whose GET redirects to the page that holds their form.
        ["/Pools/Add"] = "POST-only (add to pool); GET redirects to /Pools",
        ["/Candidates/LinkedIn/Link"] = "POST-only (link to a LinkedIn member); GET redirects to the candidate's LinkedIn tab",
    };

    public static readonly IReadOnlyList<PageVisit> Visits =
    [
        // Anonymous: the sign-in page and the pages of errors and statuses
        new("/Account/Login", "Login", _ => "/Account/Login", [Anonymous]),
        new("/Account/Logout", "Logout", _ => "/Account/Logout", [Anonymous, "admin"]),
        new("/Error", "Error", _ => "/Error", [Anonymous]),
        new("/Status", "Status page", _ => "/Status/404", [Anonymous]),
        new("/Status", "Not found (status page)", _ => "/Jobs/Details/999999", ["recruiter"], Status: 404),
        new("/Status", "Access denied (status page)", _ => "/Admin", ["interviewer"], Status: 403),

        // Everyone with a role
        new("/Index", "Home", _ => "/", AllRoles),
        new("/Jobs/Index", "Jobs", _ => "/Jobs", AllRoles),
        new("/Jobs/Details", "Job", ids => $"/Jobs/Details/{ids.JobId}", AllRoles),
        new("/Jobs/Pipeline", "Pipeline", ids => $"/Jobs/Pipeline/{ids.JobId}", AllRoles),
        new("/Jobs/Pipeline", "Pipeline with rejected", ids => $"/Jobs/Pipeline/{ids.JobId}?showRejected=true", ["recruiter"]),
        new("/Candidates/Index", "Candidates", _ => "/Candidates", AllRoles),
        new("/Candidates/Index", "Candidates search", ids => $"/Candidates?q={ids.CandidateLastName}", ["recruiter"]),
        new("/Candidates/Details", "Candidate overview", ids => $"/Candidates/Details/{ids.CandidateId}", AllRoles),
        new("/Candidates/Details", "Candidate applications", ids => $"/Candidates/Details/{ids.CandidateId}?tab=applications", AllRoles),
        new("/Candidates/Details", "Candidate feedback", ids => $"/Candidates/Details/{ids.CandidateId}?tab=feedback", AllRoles),
        new("/Candidates/Details", "Candidate notes", ids => $"/Candidates/Details/{ids.CandidateId}?tab=notes", HiringTeam),
        new("/Candidates/Details", "Candidate LinkedIn", ids => $"/Candidates/Details/{ids.CandidateId}?tab=linkedin", AllRoles),
        new("/Candidates/Details", "Candidate activity", ids => $"/Candidates/Details/{ids.CandidateId}?tab=activity", HiringTeam),
        new("/Applications/Details", "Application", ids => $"/Applications/Details/{ids.ApplicationId}", AllRoles),
        new("/Settings/Index", "User settings", _ => "/Settings", AllRoles),
        new("/Settings/Password/Index", "Change password", _ => "/Settings/Password", AllRoles),
        new("/Settings/LinkedIn/Index", "User LinkedIn settings", _ => "/Settings/LinkedIn", AllRoles),

        // Interviewing (admins, and interviewers on the job's team)
        new("/Feedback/Create", "Feedback form", ids => $"/Feedback/Create/{ids.ApplicationId}", ["admin", "interviewer"]),

        // Hiring team
        new("/Prospects/Index", "Prospect review", _ => "/Prospects", HiringTeam),

        // Recruiting (admins and recruiters; a job's own pages for recruiters on its team)
        new("/Jobs/Create", "New job", _ => "/Jobs/Create", Recruiting),
        new("/Jobs/Edit", "Edit job", ids => $"/Jobs/Edit/{ids.JobId}", Recruiting),
        new("/Jobs/Stages", "Job stages", ids => $"/Jobs/Stages/{ids.JobId}", Recruiting),
        new("/Candidates/Create", "New candidate", _ => "/Candidates/Create", Recruiting),
        new("/Candidates/Edit", "Edit candidate", ids => $"/Candidates/Edit/{ids.CandidateId}", Recruiting),
        new("/Candidates/Merge", "Merge candidates", ids => $"/Candidates/Merge/{ids.CandidateId}?q={ids.CandidateLastName}", Recruiting),
        new("/Notes/Edit", "Edit note", ids => $"/Notes/Edit/{ids.NoteId}", ["recruiter"]),
        new("/Pools/Index", "Talent pools", _ => "/Pools", Recruiting),
        new("/Pools/Details", "Talent pool", ids => $"/Pools/Details/{ids.PoolId}", Recruiting),
        new("/Reports/LinkedInSourcing", "LinkedIn sourcing report", _ => "/Reports/LinkedInSourcing", Recruiting),

        // Admin
        new("/Admin/Index", "Admin settings", _ => "/Admin", Admin),
        new("/Admin/Activity", "Activity log", _ => "/Admin/Activity", Admin),
        new("/Admin/Suppressions/Index", "Erasure suppressions", _ => "/Admin/Suppressions", Admin),
        new("/Candidates/Erase", "Erase candidate", ids => $"/Candidates/Erase/{ids.CandidateId}", Admin),
        new("/Admin/LinkedIn/Index", "LinkedIn connection", _ => "/Admin/LinkedIn", Admin),
        new("/Admin/LinkedIn/Sync/Index", "LinkedIn sync", _ => "/Admin/LinkedIn/Sync", Admin),
        new("/Admin/LinkedIn/Exports/Index", "LinkedIn exports", _ => "/Admin/LinkedIn/Exports", Admin),
        new("/Admin/LinkedIn/Pulls/Index", "LinkedIn pulls", _ => "/Admin/LinkedIn/Pulls", Admin),
        new("/Admin/LinkedIn/Purged/Index", "LinkedIn purged", _ => "/Admin/LinkedIn/Purged", Admin),
    ];

    /// <summary>One case per (role, page), for the theory.</summary>
    public static IEnumerable<object[]> Cases() =>
        Visits.SelectMany(v => v.Roles.Select(role => new object[] { role, v.Name }));

    public static PageVisit Find(string name) => Visits.Single(v => v.Name == name);
}
