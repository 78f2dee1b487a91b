using Attract.Core.Candidates;
using Attract.Core.Feedback;
using Attract.Core.Notes;
using Attract.Core.Pipeline;
using LinkedIn.Recruiter;

namespace Attract.Web.Integrations.LinkedIn.Sync;

/// <summary>Attract entities → RSC records (docs/linkedin/mapping.md).</summary>
public static class LinkedInSyncMapper
{
    public const string RejectedStage = "Rejected";

    public static long Epoch(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    public static AtsCandidate Candidate(Candidate c)
    {
        var created = Math.Max(1, Epoch(c.CreatedAtUtc));
        var hasAddress = !string.IsNullOrWhiteSpace(c.City) || !string.IsNullOrWhiteSpace(c.Region) || !string.IsNullOrWhiteSpace(c.Country);
        return new AtsCandidate
        {
            FirstName = c.FirstName,
            LastName = c.LastName,
            EmailAddresses = [.. c.Emails.OrderBy(e => e.Id).Select(e => e.Address)],
            PhoneNumbers = [.. c.Phones.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => new AtsPhoneNumber { Number = p })],
            Addresses = hasAddress ? [new AtsAddress { City = c.City, GeographicArea = c.Region, Country = c.Country }] : [],
            CurrentCompanyName = c.CurrentCompany,
            CurrentJobTitle = c.CurrentTitle,
            LinkedInProfileUrl = c.LinkedInProfileUrl,
            AtsCreatedAt = created,
            AtsLastModifiedAt = Math.Max(created, Epoch(c.UpdatedAtUtc)),
        };
    }

    public static AtsApplication Application(JobApplication a, Candidate c)
    {
        var created = Math.Max(1, Epoch(a.CreatedAtUtc));
        return new AtsApplication
        {
            AtsCandidateId = c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AtsJobPostingId = a.Job.Code,
            AtsJobPostingName = a.Job.Title,
            CandidateEmail = c.PrimaryEmail,
            FirstName = c.FirstName,
            LastName = c.LastName,
            Source = c.Source,
            DispositionReason = a.Status == ApplicationStatus.Rejected ? a.RejectionReason : null,
            AtsCreatedAt = created,
            AtsLastModifiedAt = Math.Max(created, Epoch(a.UpdatedAtUtc)),
        };
    }

    public static AtsApplicationStage Stage(StageMove m) => new()
    {
        AtsCreatedAt = Math.Max(1, Epoch(m.AtUtc)),
        Stage = m.Kind == StageMoveKind.Rejected ? RejectedStage : m.ToStageName,
    };

    public static AtsNote Note(Note n) => new()
    {
        AtsCreatedAt = Math.Max(1, Epoch(n.CreatedAtUtc)),
        Note = n.Body,
        Author = Actor(n.AuthorName),
    };

    public static AtsInterviewFeedback Feedback(Scorecard s) => new()
    {
        AtsCreatedAt = Math.Max(1, Epoch(s.SubmittedAtUtc)),
        Interviewer = Actor(s.InterviewerName),
        InterviewType = s.InterviewType == InterviewType.Onsite ? "ONSITE" : "PHONE_SCREEN",
        Evaluations = [.. s.Ratings.OrderBy(r => r.Id).Select(r => new AtsEvaluation
        {
            Attribute = r.Attribute,
            Result = r.Score.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })],
        Feedback = string.IsNullOrWhiteSpace(s.Comments)
            ? $"Recommendation: {Recommend(s.Recommendation)}"
            : $"Recommendation: {Recommend(s.Recommendation)}. {s.Comments}",
    };

    public static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Recommend(Recommendation r) => r switch
    {
        Recommendation.StrongNo => "Strong no",
        Recommendation.No => "No",
        Recommendation.Yes => "Yes",
        _ => "Strong yes",
    };

    private static AtsActor Actor(string name)
    {
        var parts = (name ?? "").Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return new AtsActor { FirstName = parts.ElementAtOrDefault(0) ?? "", LastName = parts.ElementAtOrDefault(1) ?? "" };
    }
}
