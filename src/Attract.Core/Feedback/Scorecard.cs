using Attract.Core.Common;
using Attract.Core.Pipeline;

namespace Attract.Core.Feedback;

public enum InterviewType
{
    PhoneScreen,
    Onsite,
}

public enum Recommendation
{
    StrongNo,
    No,
    Yes,
    StrongYes,
}

/// <summary>An interviewer's feedback on an application: ratings per attribute, a recommendation and comments.</summary>
public class Scorecard : ITracked
{
    public const int MinRating = 1;
    public const int MaxRating = 4;

    /// <summary>The attributes every scorecard rates.</summary>
    public static readonly IReadOnlyList<string> DefaultAttributes =
        ["Technical skills", "Problem solving", "Communication", "Collaboration", "Motivation"];

    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public JobApplication Application { get; set; } = null!;

    public string InterviewerId { get; set; } = "";

    public string InterviewerName { get; set; } = "";

    public InterviewType InterviewType { get; set; }

    public Recommendation Recommendation { get; set; }

    public string Comments { get; set; } = "";

    public DateTime SubmittedAtUtc { get; set; }

    public List<ScorecardRating> Ratings { get; set; } = [];

    public string TrackedType => TrackedTypes.Feedback;

    public long TrackedId => Id;

    public AuditScope Scope => new(Application?.JobId, Application?.CandidateId, ApplicationId == 0 ? Application?.Id : ApplicationId);

    public string Describe(ChangeOperation operation) =>
        $"{(InterviewType == InterviewType.Onsite ? "Onsite" : "Phone screen")} scorecard {operation.ToString().ToLowerInvariant()}";

    public static Scorecard Submit(JobApplication application, ICurrentActor actor, InterviewType type,
        IReadOnlyDictionary<string, int> ratings, Recommendation recommendation, string comments, DateTime nowUtc)
    {
        if (actor.UserId is null)
        {
            throw new DomainException("Only a signed-in interviewer can submit a scorecard.");
        }
        if (ratings.Count == 0)
        {
            throw new DomainException("Rate at least one attribute.");
        }
        if (ratings.Values.Any(r => r is < MinRating or > MaxRating))
        {
            throw new DomainException($"Ratings go from {MinRating} to {MaxRating}.");
        }
        return new Scorecard
        {
            Application = application,
            InterviewerId = actor.UserId,
            InterviewerName = actor.DisplayName ?? "",
            InterviewType = type,
            Recommendation = recommendation,
            Comments = comments.Trim(),
            SubmittedAtUtc = nowUtc,
            Ratings = ratings.Select(r => new ScorecardRating { Attribute = r.Key, Score = r.Value }).ToList(),
        };
    }
}

public class ScorecardRating : ITrackedChild
{
    public int Id { get; set; }

    public int ScorecardId { get; set; }

    public Scorecard Scorecard { get; set; } = null!;

    public string Attribute { get; set; } = "";

    public int Score { get; set; }

    ITracked? ITrackedChild.Owner => Scorecard;
}
