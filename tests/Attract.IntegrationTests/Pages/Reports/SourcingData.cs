using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Feedback;
using Attract.Core.LinkedIn;
using Attract.Core.Pipeline;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn.Export;
using Microsoft.EntityFrameworkCore;

namespace Attract.IntegrationTests.Pages.Reports;

/// <summary>
/// Writes what the 1-Click Export intake and the InMail pull leave behind, straight through the DbContext: a candidate with
/// the member's URN, an application created in Prospect by the exporting user "(LinkedIn export)", the processed export
/// notification stamped with the same instant, later stage moves, scorecards and pulled InMail events.
/// </summary>
public static class SourcingData
{
    public const string RileySeat = "urn:li:seat:9002";
    public const string AverySeat = "urn:li:seat:9001";

    /// <summary>One export of a new member by <paramref name="exporterEmail"/>'s seat at <paramref name="at"/>, then the moves; returns the application id.</summary>
    public static async Task<int> ExportAsync(this AttractFactory factory, int jobId, string exporterEmail, string seat, string member, DateTime at,
        params (string Stage, DateTime At)[] moves)
    {
        var exporter = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == exporterEmail).Select(u => new { u.Id, u.DisplayName }).SingleAsync());
        return await factory.WithDbAsync(async db =>
        {
            var job = await db.Jobs.Include(j => j.Stages).SingleAsync(j => j.Id == jobId);
            var candidate = new Candidate { Source = LinkedInExportProcessor.Source, LinkedInPersonUrn = member, CreatedAtUtc = at, UpdatedAtUtc = at };
            candidate.SetName("Member", member[(member.LastIndexOf(':') + 1)..]);
            var actor = new FixedActor(exporter.Id, $"{exporter.DisplayName} (LinkedIn export)");
            var application = JobApplication.Create(candidate, job, job.Stages.Single(s => s.IsProspect), actor, at);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            db.Add(Processed(seat, application.Id, at, member, job.Code, candidate.Id));
            foreach (var (stage, movedAt) in moves)
            {
                application.MoveTo(job.Stages.Single(s => s.Name == stage), FixedActor.System, movedAt);
            }
            await db.SaveChangesAsync();
            return application.Id;
        });
    }

    /// <summary>An export notification of someone already in the job's pipeline: it points at the existing application.</summary>
    public static Task AlreadyInPipelineExportAsync(this AttractFactory factory, int applicationId, string seat, DateTime at) =>
        factory.WithDbAsync(async db =>
        {
            db.Add(Processed(seat, applicationId, at));
            return await db.SaveChangesAsync();
        });

    /// <summary>A processed export notification as the intake completes it (an export of someone already in the pipeline names no member or candidate here).</summary>
    private static LinkedInNotification Processed(string seat, int applicationId, DateTime at, string? member = null, string? jobCode = null, int? candidateId = null) => new()
    {
        NotificationId = "push-" + Guid.NewGuid().ToString("N"),
        Type = LinkedInExportProcessor.ExportType,
        ReceivedAtUtc = at.AddSeconds(-5),
        Status = LinkedInNotificationStatus.Processed,
        ProcessedAtUtc = at,
        PersonUrn = member,
        JobCode = jobCode,
        SeatUrn = seat,
        CandidateId = candidateId,
        ApplicationId = applicationId,
        Outcome = member is null ? "Already in the pipeline." : "Added.",
    };

    public static Task RejectAsync(this AttractFactory factory, int applicationId, DateTime at) =>
        factory.WithDbAsync(async db =>
        {
            var application = await db.Applications.Include(a => a.Stage).SingleAsync(a => a.Id == applicationId);
            application.Reject(RejectionReasons.All[0], FixedActor.System, at);
            return await db.SaveChangesAsync();
        });

    public static Task ScorecardAsync(this AttractFactory factory, int applicationId, DateTime at) =>
        factory.WithDbAsync(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
            var interviewer = await db.Users.Where(u => u.Email == AtsData.Interviewer).Select(u => u.Id).SingleAsync();
            db.Scorecards.Add(Scorecard.Submit(application, new FixedActor(interviewer, "Ivy Interviewer"), InterviewType.PhoneScreen,
                new Dictionary<string, int> { [Scorecard.DefaultAttributes[0]] = 3 }, Recommendation.Yes, "Good call", at));
            return await db.SaveChangesAsync();
        });

    /// <summary>A pulled InMail event in <paramref name="seat"/>'s history with <paramref name="member"/>, sent by the seat or by the member.</summary>
    public static Task InMailAsync(this AttractFactory factory, string seat, string member, string eventType, bool fromSeat, DateTime at) =>
        factory.WithDbAsync(async db =>
        {
            db.Add(new LinkedInInMail
            {
                ExternalId = "ev-" + Guid.NewGuid().ToString("N"),
                ConversationUrn = $"urn:li:conversation:{seat}-{member}",
                EventType = eventType,
                SeatUrn = seat,
                ProspectUrn = member,
                SenderUrn = fromSeat ? seat : member,
                Subject = "Opportunity",
                CreatedAtUtc = at,
            });
            return await db.SaveChangesAsync();
        });
}
