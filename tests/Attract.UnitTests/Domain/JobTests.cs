using Attract.Core.Common;
using Attract.Core.Jobs;
using Attract.UnitTests.Builders;

namespace Attract.UnitTests.Domain;

public class JobTests
{
    [Fact]
    public void Create_Default_HasTemplateStagesInOrderAndIsDraft()
    {
        var job = Job.Create(1042, "Backend Engineer", "Engineering", Build.Now);

        Assert.Equal(["Prospect", "Applied", "Phone screen", "Onsite interview", "Offer", "Hired"], job.OrderedStages.Select(s => s.Name));
        Assert.Equal("JOB-1042", job.Code);
        Assert.Equal(JobStatus.Draft, job.Status);
        Assert.True(job.HasProspectStage);
    }

    [Fact]
    public void Activate_Draft_BecomesActive_ThenCloseCloses()
    {
        var job = Build.Job();

        job.Activate(Build.Now);
        Assert.Equal(JobStatus.Active, job.Status);
        Assert.Throws<DomainException>(() => job.Activate(Build.Now));

        job.Close(Build.Now);
        Assert.Equal(JobStatus.Closed, job.Status);
    }

    [Fact]
    public void RemoveStage_WithApplications_ThrowsAndKeepsStage()
    {
        var job = Build.Job();
        var applied = job.Stages.Single(s => s.Name == "Applied");

        var ex = Assert.Throws<DomainException>(() => job.RemoveStage(applied.Id, applicationsInStage: 3));

        Assert.Contains("Move them", ex.Message);
        Assert.Contains(applied, job.Stages);
    }

    [Fact]
    public void RemoveStage_Prospect_JobSaysItHasNoProspectStage()
    {
        var job = Build.Job();

        job.RemoveStage(job.Stages.Single(s => s.IsProspect).Id, 0);

        Assert.False(job.HasProspectStage);
        Assert.Equal(Enumerable.Range(0, 5), job.OrderedStages.Select(s => s.Order));
    }

    [Fact]
    public void AddStage_DuplicateName_Throws()
    {
        var job = Build.Job();

        Assert.Throws<DomainException>(() => job.AddStage("applied"));
    }

    [Fact]
    public void MoveStage_Up_SwapsOrder()
    {
        var job = Build.Job();
        var offer = job.Stages.Single(s => s.Name == "Offer");

        job.MoveStage(offer.Id, -1);

        Assert.Equal(["Prospect", "Applied", "Phone screen", "Offer", "Onsite interview", "Hired"], job.OrderedStages.Select(s => s.Name));
    }
}
