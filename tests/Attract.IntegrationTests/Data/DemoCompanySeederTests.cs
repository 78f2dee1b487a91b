using Attract.Core.Jobs;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attract.IntegrationTests.Data;

public class DemoCompanySeederTests
{
    private static AttractFactory DemoFactory() => new AttractFactory()
        .WithSetting("Attract:SeedDemoCompany", "true")
        .WithSetting("Attract:DemoCandidates", "300");

    [Fact]
    public async Task Seed_SmallDemoCompany_FillsEveryStageWithDemoUsersOnTeams()
    {
        using var factory = DemoFactory();

        var jobs = await factory.WithDbAsync(db => db.Jobs.Include(j => j.Team).Include(j => j.Stages).ToListAsync());
        var stagesInUse = await factory.WithDbAsync(db => db.Applications.Select(a => a.Stage.Name).Distinct().ToListAsync());

        Assert.InRange(jobs.Count, 20, 30);
        Assert.True(jobs.Select(j => j.Department).Distinct().Count() >= 5);
        Assert.Contains(jobs, j => j.Status == JobStatus.Draft);
        Assert.Contains(jobs, j => j.Status == JobStatus.Closed);
        Assert.Contains(jobs, j => !j.HasProspectStage);
        Assert.Equal(300, await factory.WithDbAsync(db => db.Candidates.CountAsync()));
        Assert.False(await factory.WithDbAsync(db => db.Candidates.AnyAsync(c => !c.SearchTerms.Any())));
        Assert.Superset(Job.DefaultStages.Select(s => s.Name).ToHashSet(), stagesInUse.ToHashSet());
        Assert.True(await factory.WithDbAsync(db => db.Scorecards.AnyAsync()));
        Assert.True(await factory.WithDbAsync(db => db.Notes.AnyAsync()));
        Assert.True(await factory.WithDbAsync(db => db.Applications.AnyAsync(a => a.Status == Core.Pipeline.ApplicationStatus.Rejected)));
        foreach (var email in new[] { AtsData.Recruiter, AtsData.Manager, AtsData.Interviewer })
        {
            var id = await factory.UserIdAsync(email);
            Assert.Contains(jobs, j => j.Team.Any(t => t.UserId == id));
        }
        var manager = await factory.SignedInClientAsync(AtsData.Manager);
        var home = await manager.GetDocumentAsync("/");
        Assert.True(int.Parse(home.QuerySelector("[data-testid=waiting-prospects]")!.TextContent) > 0);
    }

    [Fact]
    public async Task Seed_TwoDatabases_AreIdentical()
    {
        using var first = DemoFactory();
        using var second = DemoFactory();

        var a = await first.WithDbAsync(db => db.Candidates.OrderBy(c => c.Id).Take(50).Select(c => c.FirstName + c.LastName + c.CurrentCompany).ToListAsync());
        var b = await second.WithDbAsync(db => db.Candidates.OrderBy(c => c.Id).Take(50).Select(c => c.FirstName + c.LastName + c.CurrentCompany).ToListAsync());

        Assert.Equal(a, b);
    }
}
