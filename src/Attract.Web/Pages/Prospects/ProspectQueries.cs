using System.Linq.Expressions;
using Attract.Core.Access;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.Pipeline;
using Attract.Web.Infrastructure;
using Attract.Web.Integrations.LinkedIn.Export;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Prospects;

public enum ProspectSource
{
    Any,
    LinkedInExport,
    Other,
}

public enum ProspectSort
{
    Oldest,
    Newest,
    Name,
    Job,
}

/// <summary>The prospect list's filters, as the query string carries them; null or default means "any".</summary>
public sealed record ProspectFilter(int? JobId = null, ProspectSource Source = ProspectSource.Any, int? WaitingDays = null, ProspectSort Sort = ProspectSort.Oldest);

/// <summary>One prospect as the review list shows it; <see cref="ExportedBy"/> is set for a LinkedIn 1-click export.</summary>
public sealed record ProspectRow(int ApplicationId, int CandidateId, string Name, string? Title, string? Company, string Source, string? Summary,
    string JobCode, string JobTitle, DateTime WaitingSinceUtc, string? ExportedBy, DateTime? ExportedAtUtc);

public sealed record ProspectPage(int Total, int PageNumber, int PageCount, IReadOnlyList<ProspectRow> Rows);

/// <summary>A job the list can be filtered by: one the user works on.</summary>
public sealed record ProspectJob(int Id, string Code, string Title, bool HasProspectStage, JobStatus Status);

/// <summary>What the review page reads: the jobs to filter by and one page of the list.</summary>
public sealed record ProspectList(IReadOnlyList<ProspectJob> Jobs, ProspectPage Page);

/// <summary>
/// A <see cref="ProspectList"/> shared between users (<see cref="Jobs.PipelineReads"/>): the jobs the viewer works on, read
/// live (<c>*</c> for an admin, who works on all), with the filter and the page asked for. Two users who work on the same
/// jobs see the same list.
/// </summary>
public sealed record ProspectListKey(string WorkedJobs, ProspectFilter Filter, int PageNumber, int PageSize);

/// <summary>
/// Prospects waiting for review: active applications in a Prospect stage of jobs the user works on (admins: all jobs).
/// The query starts from those jobs' Prospect stages, so the database seeks the <c>(JobId, StageId, Status,
/// EnteredStageAtUtc, Id, CandidateId)</c> index of Applications per stage instead of reading every application; the count
/// and the default order (waiting longest first: time in the Prospect stage) read that index alone, and only one page of
/// rows is read. Filters and order apply to that slice only.
/// </summary>
public static class ProspectQueries
{
    public static readonly IReadOnlyList<int> WaitingDayChoices = [1, 7, 30];

    public static readonly IReadOnlyList<int> PageSizes = [25, 50];

    /// <summary>
    /// The application was created by a LinkedIn 1-click export: its first move (Added) was made by the exporting user,
    /// named with <see cref="LinkedInExportProcessor.ExporterSuffix"/>.
    /// </summary>
    public static readonly Expression<Func<StageMove, bool>> IsExport = m =>
        m.Kind == StageMoveKind.Added && m.ByUserId != null && m.ByName.EndsWith(LinkedInExportProcessor.ExporterSuffix);

    public static IQueryable<JobApplication> WaitingProspects(this AttractDbContext db, Viewer viewer, int? jobId = null)
    {
        var stages = db.JobStages.Where(s => s.Kind == StageKind.Prospect);
        if (!viewer.IsAdmin)
        {
            stages = stages.Where(s => s.Job.Team.AsQueryable().Any(AccessQueries.WorksOn(viewer)));
        }
        if (jobId is { } id)
        {
            stages = stages.Where(s => s.JobId == id);
        }
        return db.Applications.Where(a => stages.Select(s => s.JobId).Contains(a.JobId) && stages.Select(s => s.Id).Contains(a.StageId)
            && a.Status == ApplicationStatus.Active && a.CandidateId != null);
    }

    /// <summary>True while the application is one <see cref="WaitingProspects"/> would list (needs its stage loaded).</summary>
    public static bool IsWaiting(this JobApplication application) =>
        application.Status == ApplicationStatus.Active && application.Stage.Kind == StageKind.Prospect && application.CandidateId is not null;

    public static IQueryable<JobApplication> Filtered(this IQueryable<JobApplication> prospects, ProspectFilter filter, DateTime nowUtc)
    {
        prospects = filter.Source switch
        {
            ProspectSource.LinkedInExport => prospects.Where(a => a.History.AsQueryable().Any(IsExport)),
            ProspectSource.Other => prospects.Where(a => !a.History.AsQueryable().Any(IsExport)),
            _ => prospects,
        };
        if (filter.WaitingDays is { } days)
        {
            var addedBefore = nowUtc.AddDays(-days);
            prospects = prospects.Where(a => a.EnteredStageAtUtc < addedBefore);
        }
        return prospects;
    }

    public static IQueryable<JobApplication> Sorted(this IQueryable<JobApplication> prospects, ProspectSort sort) => sort switch
    {
        ProspectSort.Newest => prospects.OrderByDescending(a => a.EnteredStageAtUtc).ThenByDescending(a => a.Id),
        ProspectSort.Name => prospects.OrderBy(a => a.Candidate!.LastName).ThenBy(a => a.Candidate!.FirstName).ThenBy(a => a.Id),
        ProspectSort.Job => prospects.OrderBy(a => a.Job.Code).ThenBy(a => a.EnteredStageAtUtc).ThenBy(a => a.Id),
        _ => prospects.OrderBy(a => a.EnteredStageAtUtc).ThenBy(a => a.Id),
    };

    /// <summary>The jobs the viewer works on and one page of the filtered list (<see cref="ReadPageAsync"/>).</summary>
    public static async Task<ProspectList> ReadListAsync(this AttractDbContext db, Viewer viewer, ProspectFilter filter, int pageNumber, int pageSize,
        DateTime nowUtc, CancellationToken ct = default)
    {
        var jobs = await db.Jobs.AsNoTracking().WorkedOnBy(viewer).OrderBy(j => j.Code)
            .Select(j => new ProspectJob(j.Id, j.Code, j.Title, j.Stages.Any(s => s.Kind == StageKind.Prospect), j.Status)).ToListAsync(ct);
        return new ProspectList(jobs, await db.ReadPageAsync(viewer, filter, pageNumber, pageSize, nowUtc, ct));
    }

    /// <summary>The count and one page of the filtered list (the page number is clamped to the pages there are).</summary>
    public static async Task<ProspectPage> ReadPageAsync(this AttractDbContext db, Viewer viewer, ProspectFilter filter, int pageNumber, int pageSize,
        DateTime nowUtc, CancellationToken ct = default)
    {
        var prospects = db.WaitingProspects(viewer, filter.JobId).AsNoTracking().Filtered(filter, nowUtc);
        var total = await prospects.CountAsync(ct);
        var pageCount = Paging.PageCount(total, pageSize);
        pageNumber = Math.Clamp(pageNumber, 1, pageCount);
        var rows = await prospects.Sorted(filter.Sort).Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .Select(a => new
            {
                a.Id,
                CandidateId = a.CandidateId!.Value,
                a.Candidate!.FirstName,
                a.Candidate.LastName,
                a.Candidate.CurrentTitle,
                a.Candidate.CurrentCompany,
                a.Candidate.Source,
                a.Candidate.Summary,
                a.Job.Code,
                a.Job.Title,
                a.EnteredStageAtUtc,
                ExportedBy = a.History.AsQueryable().Where(IsExport).OrderBy(m => m.Id).Select(m => m.ByName).FirstOrDefault(),
                ExportedAt = a.History.AsQueryable().Where(IsExport).OrderBy(m => m.Id).Select(m => (DateTime?)m.AtUtc).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new ProspectPage(total, pageNumber, pageCount, rows.Select(r => new ProspectRow(r.Id, r.CandidateId, $"{r.FirstName} {r.LastName}",
            r.CurrentTitle, r.CurrentCompany, r.Source, r.Summary, r.Code, r.Title, r.EnteredStageAtUtc, Exporter(r.ExportedBy), r.ExportedAt)).ToList());
    }

    /// <summary>The exporting user's name without <see cref="LinkedInExportProcessor.ExporterSuffix"/>.</summary>
    private static string? Exporter(string? byName) =>
        byName is null ? null : byName[..^LinkedInExportProcessor.ExporterSuffix.Length].Trim() is { Length: > 0 } name ? name : "a LinkedIn Recruiter user";
}
