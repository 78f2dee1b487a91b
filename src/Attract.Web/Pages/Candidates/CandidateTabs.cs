using Attract.Core.Access;
using Attract.Core.Data;
using Attract.Core.Feedback;
using Attract.Core.Jobs;
using Attract.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Candidates;

/// <summary>Reads the data of one candidate profile tab, filtered by the viewer's access.</summary>
public sealed class CandidateTabs(AttractDbContext db, Viewer viewer, int candidateId)
{
    public record MoveRow(StageMoveKind Kind, string? From, string To, string? Reason, string By, DateTime AtUtc);

    public record ApplicationRow(int Id, int JobId, string JobCode, string JobTitle, string Stage, ApplicationStatus Status, string? Reason, IReadOnlyList<MoveRow> History);

    public record FeedbackRow(int Id, int ApplicationId, string JobCode, string Interviewer, InterviewType Type, Recommendation Recommendation, string Comments, DateTime AtUtc, IReadOnlyList<(string Attribute, int Score)> Ratings);

    public record NoteRow(int Id, string AuthorId, string Author, string Body, string? JobCode, DateTime CreatedAtUtc, DateTime UpdatedAtUtc);

    public record ActivityRow(DateTime AtUtc, string Actor, string EntityType, string Action, string Description);

    public record StageOption(int StageId, string Label);

    public record JobOption(string Label, IReadOnlyList<StageOption> Stages);

    public IReadOnlyList<ApplicationRow> Applications { get; private set; } = [];

    public IReadOnlyList<FeedbackRow> Feedback { get; private set; } = [];

    public IReadOnlyList<NoteRow> Notes { get; private set; } = [];

    public IReadOnlyList<ActivityRow> Activity { get; private set; } = [];

    public IReadOnlyList<JobOption> JobsToAddTo { get; private set; } = [];

    public record PoolOption(int Id, string Name, bool IsMember);

    public IReadOnlyList<PoolOption> Pools { get; private set; } = [];

    public async Task LoadAsync(string tab)
    {
        switch (tab)
        {
            case "overview" when viewer.IsRecruiting:
                Pools = await db.TalentPools.AsNoTracking().OrderBy(p => p.Name)
                    .Select(p => new PoolOption(p.Id, p.Name, p.Members.Any(m => m.CandidateId == candidateId))).ToListAsync();
                break;
            case "applications":
                var apps = await db.Applications.AsNoTracking().VisibleTo(viewer).Where(a => a.CandidateId == candidateId)
                    .OrderByDescending(a => a.UpdatedAtUtc)
                    .Select(a => new
                    {
                        a.Id,
                        a.JobId,
                        a.Job.Code,
                        a.Job.Title,
                        Stage = a.Stage.Name,
                        a.Status,
                        a.RejectionReason,
                        History = a.History.OrderBy(m => m.AtUtc).ThenBy(m => m.Id).Select(m => new MoveRow(m.Kind, m.FromStageName, m.ToStageName, m.Reason, m.ByName, m.AtUtc)).ToList()
                    })
                    .ToListAsync();
                Applications = apps.Select(a => new ApplicationRow(a.Id, a.JobId, a.Code, a.Title, a.Stage, a.Status, a.RejectionReason, a.History)).ToList();
                var jobs = await db.Jobs.AsNoTracking().WorkedOnBy(viewer).Where(j => j.Status != JobStatus.Closed)
                    .Where(j => !db.Applications.Any(a => a.JobId == j.Id && a.CandidateId == candidateId))
                    .OrderBy(j => j.Title)
                    .Select(j => new { j.Code, j.Title, Stages = j.Stages.OrderBy(s => s.Order).Select(s => new StageOption(s.Id, s.Name)).ToList() })
                    .ToListAsync();
                JobsToAddTo = viewer.IsAdmin || viewer.IsRecruiter || viewer.IsHiringManager
                    ? jobs.Select(j => new JobOption($"{j.Code} {j.Title}", j.Stages)).ToList() : [];
                break;
            case "feedback":
                var cards = await db.Scorecards.AsNoTracking().VisibleTo(viewer).Where(s => s.Application.CandidateId == candidateId)
                    .OrderByDescending(s => s.SubmittedAtUtc)
                    .Select(s => new
                    {
                        s.Id,
                        s.ApplicationId,
                        s.Application.Job.Code,
                        s.InterviewerName,
                        s.InterviewType,
                        s.Recommendation,
                        s.Comments,
                        s.SubmittedAtUtc,
                        Ratings = s.Ratings.OrderBy(r => r.Id).Select(r => new { r.Attribute, r.Score }).ToList()
                    })
                    .ToListAsync();
                Feedback = cards.Select(s => new FeedbackRow(s.Id, s.ApplicationId, s.Code, s.InterviewerName, s.InterviewType, s.Recommendation, s.Comments, s.SubmittedAtUtc,
                    s.Ratings.Select(r => (r.Attribute, r.Score)).ToList())).ToList();
                break;
            case "notes":
                Notes = await db.Notes.AsNoTracking().VisibleTo(viewer).Where(n => n.CandidateId == candidateId)
                    .OrderByDescending(n => n.CreatedAtUtc)
                    .Select(n => new NoteRow(n.Id, n.AuthorId, n.AuthorName, n.Body, n.Application == null ? null : n.Application.Job.Code, n.CreatedAtUtc, n.UpdatedAtUtc))
                    .ToListAsync();
                break;
            case "activity":
                Activity = await db.AuditEntries.AsNoTracking().VisibleTo(viewer, db).Where(a => a.CandidateId == candidateId)
                    .OrderByDescending(a => a.Id).Take(200)
                    .Select(a => new ActivityRow(a.AtUtc, a.ActorName, a.EntityType, a.Action, a.Description))
                    .ToListAsync();
                break;
        }
    }
}
