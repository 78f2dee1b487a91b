using Attract.Core.Access;
using Attract.Core.Data;
using Attract.Core.Identity;
using Attract.UnitTests.Builders;
using Attract.Web.Pages.Prospects;
using Microsoft.EntityFrameworkCore;

namespace Attract.UnitTests.Pages.Prospects;

/// <summary>
/// A hiring manager's prospect list is counted and ordered (waiting longest first) from the applications index alone:
/// no application row is read until the page's 25 are, so the work grows with the prospects' index entries, not rows.
/// </summary>
public sealed class ProspectQueryPlanTests
{
    private const string Index = "IX_Applications_JobId_StageId_Status_EnteredStageAtUtc_Id_CandidateId";

    private static async Task<List<string>> PlanAsync(AttractDbContext db, IQueryable<int> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }
        Console.WriteLine(string.Join(Environment.NewLine, plan));
        return plan;
    }

    [Fact]
    public async Task WaitingProspects_CountAndOldestFirstPage_ReadTheCoveringIndexOnly()
    {
        await using var test = await TestDb.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = test.NewContext();
        await db.Database.OpenConnectionAsync();
        var prospects = db.WaitingProspects(Viewer.Of("hm1", Roles.HiringManager)).AsNoTracking().Filtered(new ProspectFilter(), DateTime.UtcNow);

        var count = await PlanAsync(db, prospects.Select(a => a.Id));
        var page = await PlanAsync(db, prospects.Sorted(ProspectSort.Oldest).Take(25).Select(a => a.Id));

        Assert.Contains(count, p => p.StartsWith($"SEARCH a USING COVERING INDEX {Index} (JobId=? AND StageId=? AND Status=?)", StringComparison.Ordinal));
        Assert.Contains(page, p => p.StartsWith($"SEARCH a USING COVERING INDEX {Index} (JobId=? AND StageId=? AND Status=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(count.Concat(page), p => p.StartsWith("SCAN a", StringComparison.Ordinal));
    }
}
