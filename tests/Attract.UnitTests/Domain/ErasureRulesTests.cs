using Attract.Core.Common;
using Attract.Core.Jobs;
using Attract.Core.LinkedIn;
using Attract.Core.Pipeline;
using Attract.Core.Pools;
using Attract.Core.Privacy;
using Attract.UnitTests.Builders;

namespace Attract.UnitTests.Domain;

/// <summary>The entity rules erasure relies on, the suppression hashes, and the length limits that keep SQL Server from a 500.</summary>
public class ErasureRulesTests
{
    private readonly Job _job = Build.Job();

    private JobApplication Rejected(string reason)
    {
        _job.Activate(Build.Now);
        var application = JobApplication.Create(Build.Candidate(), _job, _job.Stages.Single(s => s.Name == "Applied"), Build.Actor, Build.Now);
        application.Reject(reason, Build.Actor, Build.Now);
        return application;
    }

    [Fact]
    public void ForgetCandidate_FreeTextReason_BecomesOtherInApplicationAndHistory()
    {
        var application = Rejected("Ada wanted twice the budget");

        application.ForgetCandidate();

        Assert.Null(application.CandidateId);
        Assert.Null(application.Candidate);
        Assert.Equal(RejectionReasons.Other, application.RejectionReason);
        Assert.All(application.History.Where(m => m.Reason is not null), m => Assert.Equal(RejectionReasons.Other, m.Reason));
        Assert.Equal(ApplicationStatus.Rejected, application.Status);
    }

    [Fact]
    public void ForgetCandidate_StandardReason_IsKept()
    {
        var application = Rejected("Salary expectations");

        application.ForgetCandidate();

        Assert.Equal("Salary expectations", application.RejectionReason);
    }

    [Fact]
    public void ForgetPerson_Notification_DropsMemberCandidateAndOutcome()
    {
        var notification = new LinkedInNotification { NotificationId = "r1", PersonUrn = "urn:li:person:ada", CandidateId = 7, ApplicationId = 9, Outcome = "Ada Lovelace (new candidate) added" };

        notification.ForgetPerson();

        Assert.Equal(("r1", null, null, 9, LinkedInNotification.ErasedOutcome), (notification.NotificationId, notification.PersonUrn, notification.CandidateId, notification.ApplicationId, notification.Outcome));
    }

    [Fact]
    public void Hash_SameValueNormalised_SameHash_OtherKindOrKey_Different()
    {
        var other = new SuppressionHasher(Enumerable.Repeat((byte)7, 32).ToArray());

        Assert.Equal(Build.Hasher.Hash(SuppressionKinds.Email, "Ada@Example.com "), Build.Hasher.Hash(SuppressionKinds.Email, "ada@example.com"));
        Assert.Equal(Build.Hasher.Hash(SuppressionKinds.ProfileUrl, "https://www.linkedin.com/in/Ada/"), Build.Hasher.Hash(SuppressionKinds.ProfileUrl, "http://linkedin.com/in/ada?trk=x"));
        Assert.NotEqual(Build.Hasher.Hash(SuppressionKinds.Email, "urn:li:person:x"), Build.Hasher.Hash(SuppressionKinds.PersonUrn, "urn:li:person:x"));
        Assert.NotEqual(Build.Hasher.Hash(SuppressionKinds.Email, "ada@example.com"), other.Hash(SuppressionKinds.Email, "ada@example.com"));
        Assert.Matches("^[0-9a-f]{64}$", Build.Hasher.Hash(SuppressionKinds.PersonUrn, "urn:li:person:x"));
        Assert.Null(Build.Hasher.Hash(SuppressionKinds.Email, "  "));
        Assert.Throws<ArgumentException>(() => new SuppressionHasher(new byte[16]));
    }

    [Fact]
    public void SuppressionList_ContainsAnyIdentifierOfTheErasedPerson()
    {
        var hashes = Build.Hasher.HashesOf("urn:li:person:ada", ["ada@example.com", null], "https://www.linkedin.com/in/ada").Select(h => h.Hash).ToHashSet();
        var list = new SuppressionList(Build.Hasher, hashes);

        Assert.Equal(3, hashes.Count);
        Assert.True(list.ContainsUrn("urn:li:person:ada"));
        Assert.True(list.ContainsEmail("ADA@example.com"));
        Assert.True(list.ContainsAny(null, [null, "ada@EXAMPLE.com"]));
        Assert.True(list.ContainsAny("urn:li:person:new", [], "linkedin.com/in/ada/"));
        Assert.False(list.ContainsAny("urn:li:person:grace", ["grace@example.com"], "https://www.linkedin.com/in/grace"));
    }

    [Fact]
    public void LengthLimits_StageNamePoolNameRejectionReason_AreRefusedNotTruncated()
    {
        var longText = new string('x', 201);
        _job.Activate(Build.Now);
        var application = JobApplication.Create(Build.Candidate(), _job, _job.Stages.Single(s => s.Name == "Applied"), Build.Actor, Build.Now);

        Assert.Throws<DomainException>(() => _job.AddStage(longText[..(JobStage.MaxNameLength + 1)]));
        Assert.Throws<DomainException>(() => _job.RenameStage(_job.Stages[0].Id, longText[..(JobStage.MaxNameLength + 1)]));
        Assert.Throws<DomainException>(() => TalentPool.Create(longText[..(TalentPool.MaxNameLength + 1)], null, null, Build.Now));
        Assert.Throws<DomainException>(() => application.Reject(longText, Build.Actor, Build.Now));
        Assert.Equal(ApplicationStatus.Active, application.Status);
        Assert.Throws<DomainException>(() => _job.RemoveTeamMember("nobody", TeamRole.Recruiter));
    }
}
