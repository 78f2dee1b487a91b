using System.Linq.Expressions;
using Attract.Core.Auditing;
using Attract.Core.Candidates;
using Attract.Core.Data;
using Attract.Core.Feedback;
using Attract.Core.Jobs;
using Attract.Core.Notes;
using Attract.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Attract.Core.Access;

/// <summary>
/// The one place that says which rows a user may see. Every page filters through these, so a row outside the
/// filter is simply "not found" (404). Whether a visible row may be changed is a separate question answered by
/// <see cref="CanWorkOn(Viewer, Job)"/> and friends (403 when not).
/// <list type="bullet">
/// <item>Admin: everything.</item>
/// <item>Recruiter: every candidate; the jobs (and their applications) whose hiring team they are on.</item>
/// <item>HiringManager: the jobs they are on, and the candidates and applications of those jobs.</item>
/// <item>Interviewer: the jobs they interview for, those applications and candidates, and only their own feedback.</item>
/// </list>
/// </summary>
public static class AccessQueries
{
    public static IQueryable<Job> VisibleTo(this IQueryable<Job> jobs, Viewer viewer) =>
        viewer.IsAdmin ? jobs : jobs.Where(j => j.Team.Any(t => t.UserId == viewer.UserId));

    /// <summary>
    /// The viewer's place on a job's team when they work on its candidates: any role but interviewer. The one statement of
    /// "the jobs a user works on", used by <see cref="WorkedOnBy"/>, <see cref="WorkedJobIdsAsync"/>, the feedback rule
    /// and the prospect list's stages; <see cref="CanWorkOn(Viewer, IEnumerable{TeamRole})"/> is its in-memory twin.
    /// </summary>
    public static Expression<Func<JobTeamMember, bool>> WorksOn(Viewer viewer) =>
        t => t.UserId == viewer.UserId && t.Role != TeamRole.Interviewer;

    /// <summary>The jobs the viewer works on: admins every job; others the jobs they are on other than as an interviewer.</summary>
    public static IQueryable<Job> WorkedOnBy(this IQueryable<Job> jobs, Viewer viewer) =>
        viewer.IsAdmin ? jobs : jobs.Where(j => j.Team.AsQueryable().Any(WorksOn(viewer)));

    public static IQueryable<JobApplication> VisibleTo(this IQueryable<JobApplication> applications, Viewer viewer) =>
        viewer.IsAdmin ? applications : applications.Where(a => a.Job.Team.Any(t => t.UserId == viewer.UserId));

    public static IQueryable<Candidate> VisibleTo(this IQueryable<Candidate> candidates, Viewer viewer) =>
        viewer.SeesAllCandidates
            ? candidates
            : candidates.Where(c => c.Applications.Any(a => a.Job.Team.Any(t => t.UserId == viewer.UserId)));

    /// <summary>Admins all; recruiters and hiring managers the feedback on their jobs; everyone their own.</summary>
    public static IQueryable<Scorecard> VisibleTo(this IQueryable<Scorecard> scorecards, Viewer viewer) =>
        viewer.IsAdmin
            ? scorecards
            : viewer.IsRecruiter || viewer.IsHiringManager
                ? scorecards.Where(s => s.InterviewerId == viewer.UserId || s.Application.Job.Team.AsQueryable().Any(WorksOn(viewer)))
                : scorecards.Where(s => s.InterviewerId == viewer.UserId);

    /// <summary>
    /// Notes are for the people who work on candidates: admins, recruiters and hiring managers. Outside admins, a note
    /// about an application is visible only when that application's job is (a note on another job's application stays
    /// with that job's team); a note on the candidate as a whole follows the candidate. Authors always see their own.
    /// </summary>
    public static IQueryable<Note> VisibleTo(this IQueryable<Note> notes, Viewer viewer) =>
        viewer.IsAdmin
            ? notes
            : viewer.IsRecruiter || viewer.IsHiringManager
                ? notes.Where(n => n.AuthorId == viewer.UserId
                    || (n.ApplicationId == null
                        ? viewer.IsRecruiter || n.Candidate.Applications.Any(a => a.Job.Team.Any(t => t.UserId == viewer.UserId))
                        : n.Application!.Job.Team.Any(t => t.UserId == viewer.UserId)))
                : notes.Where(n => n.AuthorId == viewer.UserId);

    /// <summary>
    /// Activity-log lines a viewer may read: admins all; others the lines of jobs they are on, and lines that belong to
    /// no job (the candidate's own record) unless they are about an application of a job the viewer is not on.
    /// </summary>
    public static IQueryable<AuditEntry> VisibleTo(this IQueryable<AuditEntry> entries, Viewer viewer, AttractDbContext db) =>
        viewer.IsAdmin
            ? entries
            : entries.Where(e => e.JobId != null
                ? db.JobTeamMembers.Any(t => t.JobId == e.JobId && t.UserId == viewer.UserId)
                : e.ApplicationId == null
                    || db.Applications.Any(a => a.Id == e.ApplicationId && a.Job.Team.Any(t => t.UserId == viewer.UserId)));

    public static bool CanReadNotes(this Viewer viewer) => viewer.IsAdmin || viewer.IsRecruiter || viewer.IsHiringManager;

    /// <summary>Edit the job, its stages and team: admins, and recruiters on its team.</summary>
    public static bool CanManage(this Viewer viewer, Job job) =>
        viewer.IsAdmin || (viewer.IsRecruiter && job.Team.Any(t => t.UserId == viewer.UserId));

    /// <summary>Add, move, reject and reopen applications: admins, and recruiters or hiring managers on the team.</summary>
    public static bool CanWorkOn(this Viewer viewer, Job job) =>
        viewer.CanWorkOn(job.Team.Where(t => t.UserId == viewer.UserId).Select(t => t.Role));

    /// <summary><see cref="CanWorkOn(Viewer, Job)"/> from the viewer's roles on the job's team (<see cref="TeamRolesAsync"/>).</summary>
    public static bool CanWorkOn(this Viewer viewer, IEnumerable<TeamRole> rolesOnTeam) =>
        viewer.IsAdmin || ((viewer.IsRecruiter || viewer.IsHiringManager) && rolesOnTeam.Any(r => r != TeamRole.Interviewer));

    /// <summary>
    /// The viewer's roles on a job's team, read live (none: a non-admin may not see the job). For pages that keep the job
    /// itself in a shared read: who may see it is never taken from a shared copy.
    /// </summary>
    public static async Task<IReadOnlyList<TeamRole>> TeamRolesAsync(this AttractDbContext db, Viewer viewer, int jobId) =>
        await db.JobTeamMembers.Where(t => t.JobId == jobId && t.UserId == viewer.UserId).Select(t => t.Role).ToListAsync();

    /// <summary>The jobs the viewer works on as a team member other than an interviewer, in id order, read live.</summary>
    public static async Task<IReadOnlyList<int>> WorkedJobIdsAsync(this AttractDbContext db, Viewer viewer) =>
        await db.JobTeamMembers.Where(WorksOn(viewer)).Select(t => t.JobId).Distinct().OrderBy(id => id).ToListAsync();

    /// <summary>Submit a scorecard: admins, and anyone assigned to the job as an interviewer.</summary>
    public static bool CanInterviewFor(this Viewer viewer, Job job) =>
        viewer.IsAdmin || job.Team.Any(t => t.UserId == viewer.UserId && t.Role == TeamRole.Interviewer);
}
