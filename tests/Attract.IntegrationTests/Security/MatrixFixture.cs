using Attract.Core.Common;
using Attract.Core.Feedback;
using Attract.Core.LinkedIn;
using Attract.Core.Notes;
using Attract.Core.Pools;
using Attract.Core.Privacy;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attract.IntegrationTests.Security;

/// <summary>
/// A job nobody of the demo roles is on ("another job"), with two candidates only in that job's pipeline, an application in
/// its Prospect stage, a note (by the admin) and a scorecard on it, a talent pool, a purged-export flag, a sync error and a
/// suppression entry: every kind of id a page handler takes. The demo roles' own job exists beside it.
/// </summary>
public sealed record MatrixFixture(int TeamJob, int OtherJob, int OtherCandidate, int OtherCandidate2, int OtherApp, int OtherStage, int OtherStage2,
    int OtherNote, int Pool, int PurgedRow, int SyncError, Guid Suppression, string InterviewerId)
{
    /// <summary>Makes this copy's text unique (allowed posts on other copies may add a demo user to their job).</summary>
    public string Suffix { get; init; } = "";

    public string OtherJobTitle => "Quarantined Zephyr Role " + Suffix;

    /// <summary>Text only the other job's pages show: a page that is denied must not contain any of it.</summary>
    public IReadOnlyList<string> OtherJobText => [OtherJobTitle, "Xyloquist" + Suffix, "Xylomerge" + Suffix, "Zephyr scorecard " + Suffix, "Zephyr note " + Suffix];

    public static async Task<MatrixFixture> CreateAsync(AttractFactory factory)
    {
        var teamJob = await factory.CreateJobAsync("Matrix team job");
        var teamCandidate = await factory.CreateCandidateAsync("Tamsin", "Teamwork");
        await factory.AddApplicationAsync(teamCandidate, teamJob, "Phone screen");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var otherJob = await factory.CreateJobAsync("Quarantined Zephyr Role " + suffix, standardTeam: false);
        var otherCandidate = await factory.CreateCandidateAsync("Olwen", "Xyloquist" + suffix, email: $"olwen.{suffix}@example.com");
        var otherCandidate2 = await factory.CreateCandidateAsync("Ottilie", "Xylomerge" + suffix, email: $"ottilie.{suffix}@example.com");
        var otherApp = await factory.AddApplicationAsync(otherCandidate, otherJob, "Prospect");
        await factory.AddApplicationAsync(otherCandidate2, otherJob, "Applied");
        var adminId = await factory.UserIdAsync(AtsData.Admin);
        var interviewerId = await factory.UserIdAsync(AtsData.Interviewer);
        var (note, pool, purged, error, erasure) = await factory.WithDbAsync(async db =>
        {
            var application = await db.Applications.Include(a => a.Candidate).SingleAsync(a => a.Id == otherApp);
            var n = Note.Write(application.Candidate!, application, new FixedActor(adminId, "Avery Admin"), "Zephyr note " + suffix + " on Olwen", DateTime.UtcNow);
            db.Notes.Add(n);
            db.Scorecards.Add(Scorecard.Submit(application, new FixedActor(adminId, "Avery Admin"), InterviewType.PhoneScreen,
                new Dictionary<string, int> { [Scorecard.DefaultAttributes[0]] = 3 }, Recommendation.Yes, "Zephyr scorecard " + suffix, DateTime.UtcNow));
            var p = TalentPool.Create("Matrix pool " + suffix, null, adminId, DateTime.UtcNow);
            p.Add([otherCandidate], adminId, DateTime.UtcNow);
            db.TalentPools.Add(p);
            var purgedRow = new LinkedInPurgedExport { PersonUrn = "urn:li:person:matrix-" + suffix, PurgedAtUtc = DateTime.UtcNow, CandidateId = otherCandidate };
            var syncError = new LinkedInSyncError { EntityType = "Job", EntityId = otherJob, Message = "Rejected by LinkedIn", OccurredAtUtc = DateTime.UtcNow, Attempts = 1 };
            var erasureId = Guid.NewGuid();
            db.AddRange(purgedRow, syncError, new ErasureSuppression
            {
                ErasureId = erasureId,
                Kind = SuppressionKinds.Email,
                Hash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(ErasureSuppression.HashLength, '0'),
                ErasedAtUtc = DateTime.UtcNow,
                ErasedByName = "Avery Admin",
            });
            await db.SaveChangesAsync();
            return (n.Id, p.Id, purgedRow.Id, syncError.Id, erasureId);
        });
        return new MatrixFixture(teamJob, otherJob, otherCandidate, otherCandidate2, otherApp,
            await factory.StageIdAsync(otherJob, "Offer"), await factory.StageIdAsync(otherJob, "Onsite interview"),
            note, pool, purged, error, erasure, interviewerId)
        { Suffix = suffix };
    }

    /// <summary>The value of a route parameter: the other job's entity the page is about (a hand-written table by page).</summary>
    public string RouteValue(string page, string parameter) => (page, parameter) switch
    {
        (_, "applicationId") => OtherApp.ToString(),
        ("/Applications/Details", "id") => OtherApp.ToString(),
        ("/Notes/Edit", "id") => OtherNote.ToString(),
        ("/Pools/Details", "id") => Pool.ToString(),
        _ when parameter == "id" && page.StartsWith("/Jobs/", StringComparison.Ordinal) => OtherJob.ToString(),
        _ when parameter == "id" && page.StartsWith("/Candidates/", StringComparison.Ordinal) => OtherCandidate.ToString(),
        _ => throw new Xunit.Sdk.XunitException($"No id for route parameter '{parameter}' of {page}: add it to MatrixFixture.RouteValue."),
    };

    /// <summary>The values of a handler parameter (ids of the other job's rows), or null when the table has none.</summary>
    public string[]? ParameterValues(string page, string parameter) => (page, parameter) switch
    {
        ("/Admin/LinkedIn/Purged/Index", "id") => [PurgedRow.ToString()],
        ("/Admin/LinkedIn/Sync/Index", "id") => [SyncError.ToString()],
        (_, "applicationId" or "applicationIds" or "pageIds") => [OtherApp.ToString()],
        (_, "allOnPage") => ["false"],
        (_, "candidateIds" or "single") => [OtherCandidate.ToString()],
        (_, "duplicateId") => [OtherCandidate2.ToString()],
        (_, "stageId") => [OtherStage.ToString()],
        (_, "moveToStageId") => [OtherStage2.ToString()],
        (_, "poolId") => [Pool.ToString()],
        (_, "erasureId") => [Suppression.ToString()],
        (_, "userId") => [InterviewerId],
        (_, "role") => ["Interviewer"],
        (_, "reason") => ["Other"],
        (_, "name") => ["Renamed by the matrix"],
        (_, "offset") => ["1"],
        (_, "after") => ["1-1"],
        (_, "rejected") => ["false"],
        (_, "jobId") => [OtherJob.ToString()],
        (_, "from" or "to") => [""],
        (_, "personUrn") => ["urn:li:person:matrix"],
        (_, "returnToCandidate") => ["false"],
        (_, "returnUrl") => ["/"],
        (_, "code" or "state" or "error" or "errorDescription") => ["matrix"],
        _ => null,
    };

    /// <summary>Values for bound form fields a harvested form leaves empty, so every post is valid and reaches the access checks.</summary>
    public static string? FieldDefault(string field) => field switch
    {
        "NoteBody" => "Matrix note",
        "NewStage" => "Matrix stage",
        "Name" => "Matrix pool renamed",
        "Input.Name" => "Matrix pool " + Guid.NewGuid().ToString("N")[..6],
        "Input.Body" => "Matrix note edited",
        "Input.Comments" => "Matrix comments",
        "Input.Recommendation" => "Yes",
        "Input.Title" => "Matrix job",
        "Input.Description" => "Matrix description",
        "Input.City" => "Berlin",
        "Input.Country" => "Germany",
        "Input.Department" => "Engineering",
        "Input.FirstName" => "Matrix",
        "Input.LastName" => "Created",
        _ => null,
    };
}
