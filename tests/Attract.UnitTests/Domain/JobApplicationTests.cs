using Attract.Core.Common;
using Attract.Core.Jobs;
using Attract.Core.Pipeline;
using Attract.UnitTests.Builders;

namespace Attract.UnitTests.Domain;

public class JobApplicationTests
{
    private readonly Job _job = Build.Job();

    private JobStage Stage(string name) => _job.Stages.Single(s => s.Name == name);

    private JobApplication NewApplication(string stage = "Applied")
    {
        _job.Activate(Build.Now);
        var application = JobApplication.Create(Build.Candidate(), _job, Stage(stage), Build.Actor, Build.Now);
        return application;
    }

    [Fact]
    public void MoveTo_OtherStage_RecordsWhoAndWhen()
    {
        var application = NewApplication();

        application.MoveTo(Stage("Phone screen"), TestDb.Manager, Build.Now.AddHours(1));

        Assert.Equal("Phone screen", application.Stage.Name);
        var move = application.History.Last();
        Assert.Equal(StageMoveKind.Moved, move.Kind);
        Assert.Equal("Applied", move.FromStageName);
        Assert.Equal("Phone screen", move.ToStageName);
        Assert.Equal("Harper Manager", move.ByName);
        Assert.Equal(TestDb.Manager.UserId, move.ByUserId);
        Assert.Equal(Build.Now.AddHours(1), move.AtUtc);
    }

    [Fact]
    public void EnteredStageAtUtc_MoveSetsIt_RejectAndReopenKeepIt()
    {
        var application = NewApplication();
        Assert.Equal(Build.Now, application.EnteredStageAtUtc);

        application.MoveTo(Stage("Phone screen"), Build.Actor, Build.Now.AddDays(2));
        application.Reject("Skills mismatch", Build.Actor, Build.Now.AddDays(3));
        application.Reopen(Build.Actor, Build.Now.AddDays(4));

        Assert.Equal(Build.Now.AddDays(2), application.EnteredStageAtUtc);
        Assert.Equal(Build.Now.AddDays(4), application.UpdatedAtUtc);
    }

    [Fact]
    public void MoveTo_StageOfAnotherJob_Throws()
    {
        var application = NewApplication();
        var other = Build.Job(2000);

        Assert.Throws<DomainException>(() => application.MoveTo(other.Stages[2], Build.Actor, Build.Now));
    }

    [Fact]
    public void Advance_LastStage_Throws()
    {
        var application = NewApplication("Hired");

        Assert.Throws<DomainException>(() => application.Advance(Build.Actor, Build.Now));
    }

    [Fact]
    public void Reject_WithoutReason_Throws()
    {
        var application = NewApplication();

        Assert.Throws<DomainException>(() => application.Reject(" ", Build.Actor, Build.Now));
        Assert.Equal(ApplicationStatus.Active, application.Status);
    }

    [Fact]
    public void Reject_ThenMove_ThrowsUntilReopened()
    {
        var application = NewApplication();

        application.Reject("Skills mismatch", Build.Actor, Build.Now);
        Assert.Equal(ApplicationStatus.Rejected, application.Status);
        Assert.Equal("Skills mismatch", application.RejectionReason);
        Assert.Throws<DomainException>(() => application.MoveTo(Stage("Offer"), Build.Actor, Build.Now));

        application.Reopen(Build.Actor, Build.Now);
        application.MoveTo(Stage("Offer"), Build.Actor, Build.Now);

        Assert.Equal(ApplicationStatus.Active, application.Status);
        Assert.Null(application.RejectionReason);
        Assert.Equal([StageMoveKind.Added, StageMoveKind.Rejected, StageMoveKind.Reopened, StageMoveKind.Moved], application.History.Select(h => h.Kind));
    }

    [Fact]
    public void Create_ClosedJob_Throws()
    {
        _job.Activate(Build.Now);
        _job.Close(Build.Now);

        Assert.Throws<DomainException>(() => JobApplication.Create(Build.Candidate(), _job, Stage("Applied"), Build.Actor, Build.Now));
    }
}
