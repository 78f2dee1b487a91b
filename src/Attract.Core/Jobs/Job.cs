using Attract.Core.Common;

namespace Attract.Core.Jobs;

/// <summary>An opening. Draft → Active ("Activate") → Closed; its hiring process is an ordered list of stages.</summary>
public class Job : ITracked, IVersioned
{
    public const string CodePrefix = "JOB-";

    /// <summary>The default hiring process for new jobs.</summary>
    public static readonly IReadOnlyList<(string Name, StageKind Kind)> DefaultStages =
    [
        ("Prospect", StageKind.Prospect),
        ("Applied", StageKind.Standard),
        ("Phone screen", StageKind.Standard),
        ("Onsite interview", StageKind.Standard),
        ("Offer", StageKind.Standard),
        ("Hired", StageKind.Hired),
    ];

    public int Id { get; set; }

    /// <summary>Sequential number behind <see cref="Code"/>.</summary>
    public int Number { get; set; }

    /// <summary>The human-readable unique Job ID, e.g. <c>JOB-1042</c>, that recruiters type into LinkedIn.</summary>
    public string Code { get; set; } = "";

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string City { get; set; } = "";

    public string? Region { get; set; }

    public string Country { get; set; } = "";

    public string Department { get; set; } = "";

    public EmploymentType EmploymentType { get; set; }

    public JobStatus Status { get; private set; } = JobStatus.Draft;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? ActivatedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<JobStage> Stages { get; set; } = [];

    public List<JobTeamMember> Team { get; set; } = [];

    public string TrackedType => TrackedTypes.Job;

    public long TrackedId => Id;

    public AuditScope Scope => new(Id, null, null);

    public string Location => string.Join(", ", new[] { City, Region, Country }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public bool HasProspectStage => Stages.Any(s => s.IsProspect);

    public IEnumerable<JobStage> OrderedStages => Stages.OrderBy(s => s.Order);

    public static string FormatCode(int number) => CodePrefix + number;

    /// <summary>A new draft job with the default stages.</summary>
    public static Job Create(int number, string title, string department, DateTime nowUtc)
    {
        var job = new Job
        {
            Number = number,
            Code = FormatCode(number),
            Title = title,
            Department = department,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        foreach (var (name, kind) in DefaultStages)
        {
            job.Stages.Add(new JobStage { Name = name, Kind = kind, Order = job.Stages.Count });
        }
        return job;
    }

    public void Activate(DateTime nowUtc)
    {
        if (Status == JobStatus.Active)
        {
            throw new DomainException("The job is already active.");
        }
        if (Stages.Count == 0)
        {
            throw new DomainException("A job needs at least one stage before it can be activated.");
        }
        Status = JobStatus.Active;
        ActivatedAtUtc = nowUtc;
        ClosedAtUtc = null;
    }

    public void Close(DateTime nowUtc)
    {
        if (Status == JobStatus.Closed)
        {
            throw new DomainException("The job is already closed.");
        }
        Status = JobStatus.Closed;
        ClosedAtUtc = nowUtc;
    }

    public JobStage AddStage(string name, StageKind kind = StageKind.Standard)
    {
        name = CheckStageName(name);
        if (Stages.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"The job already has a stage named '{name}'.");
        }
        if (kind == StageKind.Prospect && HasProspectStage)
        {
            throw new DomainException("The job already has a Prospect stage.");
        }
        var order = kind == StageKind.Prospect ? -1 : (Stages.Count == 0 ? 0 : Stages.Max(s => s.Order) + 1);
        var stage = new JobStage { Name = name, Kind = kind, Order = order };
        Stages.Add(stage);
        Renumber();
        return stage;
    }

    public void RenameStage(int stageId, string name)
    {
        var stage = StageById(stageId);
        name = CheckStageName(name);
        if (Stages.Any(s => s != stage && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"The job already has a stage named '{name}'.");
        }
        stage.Name = name;
    }

    private static string CheckStageName(string name)
    {
        name = name.Trim();
        if (name.Length == 0)
        {
            throw new DomainException("A stage needs a name.");
        }
        if (name.Length > JobStage.MaxNameLength)
        {
            throw new DomainException($"A stage name can be at most {JobStage.MaxNameLength} characters.");
        }
        return name;
    }

    /// <summary>Moves a stage one place earlier (<paramref name="offset"/> -1) or later (+1).</summary>
    public void MoveStage(int stageId, int offset)
    {
        var ordered = OrderedStages.ToList();
        var index = ordered.IndexOf(StageById(stageId));
        var target = index + Math.Sign(offset);
        if (target < 0 || target >= ordered.Count)
        {
            return;
        }
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Order = i;
        }
    }

    /// <summary>Removes a stage. A stage that still holds applications can't be removed; move them first.</summary>
    public void RemoveStage(int stageId, int applicationsInStage)
    {
        var stage = StageById(stageId);
        if (applicationsInStage > 0)
        {
            throw new DomainException(
                $"The stage '{stage.Name}' still holds {applicationsInStage} application(s). Move them to another stage first.");
        }
        if (Stages.Count == 1)
        {
            throw new DomainException("A job needs at least one stage.");
        }
        Stages.Remove(stage);
        Renumber();
    }

    public JobStage StageById(int stageId) =>
        Stages.FirstOrDefault(s => s.Id == stageId) ?? throw new DomainException("That stage does not belong to this job.");

    /// <summary>The stage after <paramref name="stage"/>, or null when it is the last one.</summary>
    public JobStage? NextStage(JobStage stage) => OrderedStages.FirstOrDefault(s => s.Order > stage.Order);

    public void AssignTeamMember(string userId, TeamRole role)
    {
        if (!Team.Any(t => t.UserId == userId && t.Role == role))
        {
            Team.Add(new JobTeamMember { UserId = userId, Role = role });
        }
    }

    public void RemoveTeamMember(string userId, TeamRole role)
    {
        if (Team.RemoveAll(t => t.UserId == userId && t.Role == role) == 0)
        {
            throw new DomainException("That person is not on the hiring team in that role.");
        }
    }

    public bool IsOnTeam(string userId) => Team.Any(t => t.UserId == userId);

    private void Renumber()
    {
        var i = 0;
        foreach (var s in Stages.OrderBy(s => s.Order).ToList())
        {
            s.Order = i++;
        }
    }
}
