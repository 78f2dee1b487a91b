using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Jobs;

namespace Attract.Core.Pipeline;

public enum ApplicationStatus
{
    Active,
    Rejected,
}

/// <summary>
/// A candidate in a job's pipeline. Every move, rejection and reopening appends a <see cref="StageMove"/>.
/// After a GDPR erasure <see cref="CandidateId"/> is null: the application stays as an anonymous pipeline count.
/// </summary>
public class JobApplication : ITracked, IVersioned
{
    public int Id { get; set; }

    public int JobId { get; set; }

    public Job Job { get; set; } = null!;

    public int? CandidateId { get; set; }

    public Candidate? Candidate { get; set; }

    public int StageId { get; private set; }

    public JobStage Stage { get; private set; } = null!;

    public ApplicationStatus Status { get; private set; }

    public string? RejectionReason { get; private set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>When the application entered its current stage (added, moved or relocated); rejecting and reopening keep it.</summary>
    public DateTime EnteredStageAtUtc { get; private set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<StageMove> History { get; set; } = [];

    public string TrackedType => TrackedTypes.Application;

    public long TrackedId => Id;

    public AuditScope Scope => new(JobId == 0 ? Job?.Id : JobId, CandidateId ?? Candidate?.Id, Id);

    public static JobApplication Create(Candidate candidate, Job job, JobStage stage, ICurrentActor actor, DateTime nowUtc)
    {
        if (job.Status == JobStatus.Closed)
        {
            throw new DomainException($"{job.Code} is closed; candidates can't be added.");
        }
        if (!job.Stages.Contains(stage))
        {
            throw new DomainException("That stage does not belong to this job.");
        }
        var application = new JobApplication
        {
            Job = job,
            Candidate = candidate,
            Stage = stage,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
            EnteredStageAtUtc = nowUtc,
        };
        application.Record(StageMoveKind.Added, null, stage, null, actor, nowUtc);
        return application;
    }

    public void MoveTo(JobStage stage, ICurrentActor actor, DateTime nowUtc)
    {
        if (Job is not null ? !Job.Stages.Contains(stage) : stage.JobId != JobId)
        {
            throw new DomainException("That stage belongs to another job.");
        }
        if (Status == ApplicationStatus.Rejected)
        {
            throw new DomainException("The application is rejected. Reopen it before moving it.");
        }
        if (stage == Stage || (stage.Id != 0 && stage.Id == StageId))
        {
            throw new DomainException($"The application is already in {stage.Name}.");
        }
        var from = Stage;
        Stage = stage;
        StageId = stage.Id;
        EnteredStageAtUtc = nowUtc;
        Record(StageMoveKind.Moved, from, stage, null, actor, nowUtc);
    }

    /// <summary>Moves the application out of a stage that is being removed, whatever its status; recorded as a move.</summary>
    public void Relocate(JobStage stage, ICurrentActor actor, DateTime nowUtc)
    {
        if (Job is not null ? !Job.Stages.Contains(stage) : stage.JobId != JobId)
        {
            throw new DomainException("That stage belongs to another job.");
        }
        var from = Stage;
        Stage = stage;
        StageId = stage.Id;
        EnteredStageAtUtc = nowUtc;
        Record(StageMoveKind.Moved, from, stage, null, actor, nowUtc);
    }

    /// <summary>Moves to the job's next stage; used by "Advance" and prospect review.</summary>
    public void Advance(ICurrentActor actor, DateTime nowUtc)
    {
        var next = Job.NextStage(Stage) ?? throw new DomainException($"{Stage.Name} is the last stage.");
        MoveTo(next, actor, nowUtc);
    }

    public void Reject(string reason, ICurrentActor actor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Choose a reason for the rejection.");
        }
        if (reason.Trim().Length > RejectionReasons.MaxLength)
        {
            throw new DomainException($"A rejection reason can be at most {RejectionReasons.MaxLength} characters.");
        }
        if (Status == ApplicationStatus.Rejected)
        {
            throw new DomainException("The application is already rejected.");
        }
        Status = ApplicationStatus.Rejected;
        RejectionReason = reason.Trim();
        Record(StageMoveKind.Rejected, Stage, Stage, RejectionReason, actor, nowUtc);
    }

    public void Reopen(ICurrentActor actor, DateTime nowUtc)
    {
        if (Status != ApplicationStatus.Rejected)
        {
            throw new DomainException("Only a rejected application can be reopened.");
        }
        Status = ApplicationStatus.Active;
        RejectionReason = null;
        Record(StageMoveKind.Reopened, Stage, Stage, null, actor, nowUtc);
    }

    /// <summary>
    /// GDPR erasure of the candidate: the application stays as an anonymous pipeline count with its stage history, but
    /// without the candidate, and free-text rejection reasons (which may describe the person) become
    /// <see cref="RejectionReasons.Other"/>, on the application and in its history. Needs <see cref="History"/> loaded.
    /// </summary>
    public void ForgetCandidate()
    {
        CandidateId = null;
        Candidate = null;
        if (RejectionReason is not null && !RejectionReasons.IsStandard(RejectionReason))
        {
            RejectionReason = RejectionReasons.Other;
        }
        foreach (var move in History.Where(m => m.Reason is not null && !RejectionReasons.IsStandard(m.Reason)))
        {
            move.Reason = RejectionReasons.Other;
        }
    }

    private void Record(StageMoveKind kind, JobStage? from, JobStage to, string? reason, ICurrentActor actor, DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        History.Add(new StageMove
        {
            Application = this,
            Kind = kind,
            FromStageId = from?.Id is > 0 ? from.Id : null,
            FromStageName = from?.Name,
            ToStageId = to.Id > 0 ? to.Id : null,
            ToStageName = to.Name,
            Reason = reason,
            ByUserId = actor.UserId,
            ByName = actor.DisplayName ?? "System",
            AtUtc = nowUtc,
        });
    }
}
