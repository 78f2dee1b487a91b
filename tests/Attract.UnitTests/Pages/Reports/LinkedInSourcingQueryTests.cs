using System.Text.RegularExpressions;
using Attract.Core.Access;
using Attract.Core.Data;
using Attract.Core.Identity;
using Attract.UnitTests.Builders;
using Attract.Web.Pages.Reports;
using Microsoft.EntityFrameworkCore;

namespace Attract.UnitTests.Pages.Reports;

/// <summary>
/// The report's counts are one GROUP BY in the database over the exports in the period, and what each export needs is
/// found through indexes (its stage history by application, its InMails by person), so the work grows with the exports in
/// the period and not with the candidates, the stage history or a seat's whole InMail history.
/// </summary>
public sealed class LinkedInSourcingQueryTests
{
    private static readonly DateTime From = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Groups_OnSqlite_OnePassOverTheExportsWithIndexedLookups()
    {
        await using var test = await TestDb.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = test.NewContext();
        await db.Database.OpenConnectionAsync();
        await using var command = LinkedInSourcingReport.Groups(db, Viewer.Of("u1", Roles.Recruiter), From, From.AddMonths(12), null).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }
        Console.WriteLine(string.Join(Environment.NewLine, plan));

        Assert.DoesNotContain(plan, p => p.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.Single(plan, p => p.Contains("LinkedInNotification", StringComparison.Ordinal));
        Assert.Contains("USE TEMP B-TREE FOR GROUP BY", plan);
        Assert.Equal(3, plan.Count(p => p.Contains("USING INDEX IX_LinkedInInMail_ProspectUrn_CreatedAtUtc (ProspectUrn=?)", StringComparison.Ordinal)));
        // the exporting recruiter, the first advance and the interview stages: the application's own history only
        Assert.Equal(3, plan.Count(p => p.Contains("USING INDEX IX_StageMoves_ApplicationId (ApplicationId=?)", StringComparison.Ordinal)));
    }

    [Fact]
    public void Groups_OnSqlServer_GroupsOnceWithoutRereadingTheExports()
    {
        using var db = new AttractDbContext(new DbContextOptionsBuilder<AttractDbContext>()
            .UseSqlServer("Server=unused;Database=Attract;User Id=sa;Password=unused;TrustServerCertificate=True").Options);

        var sql = LinkedInSourcingReport.Groups(db, Viewer.Of("u1", Roles.Admin), From, From.AddMonths(12), null).ToQueryString();

        Assert.Single(Regex.Matches(sql, @"FROM \[LinkedInNotification\]"));
        Assert.Single(Regex.Matches(sql, "GROUP BY"));
    }
}
