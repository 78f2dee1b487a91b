namespace Attract.Core.Jobs;

public enum JobStatus
{
    Draft,
    Active,
    Closed,
}

public enum EmploymentType
{
    FullTime,
    PartTime,
    Contract,
    Temporary,
    Internship,
}

/// <summary>What a stage means to the rules: prospects are reviewed by hiring managers, Hired ends the pipeline.</summary>
public enum StageKind
{
    Standard,
    Prospect,
    Hired,
}

public enum TeamRole
{
    Recruiter,
    HiringManager,
    Interviewer,
}
