using Attract.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Attract.UnitTests.Data;

public class SqliteMigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"attract-migrate-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationAndMatchesModel()
    {
        await using var db = CreateContext();

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
        Assert.Contains("AspNetUsers", tables);
        Assert.Contains("DataProtectionKeys", tables);
        Assert.Superset(new HashSet<string> { "Jobs", "JobStages", "JobTeamMembers", "Candidates", "CandidateEmails", "Applications", "StageMoves",
            "Scorecards", "ScorecardRatings", "Notes", "TalentPools", "TalentPoolMembers", "AuditEntries", "OutboxMessages" }, tables.ToHashSet());
    }

    [Fact]
    public async Task Migrate_RunTwice_IsIdempotent()
    {
        await using (var first = CreateContext())
        {
            await first.Database.MigrateAsync();
        }
        await using var second = CreateContext();
        await second.Database.MigrateAsync();
        Assert.Empty(await second.Database.GetPendingMigrationsAsync());
    }

    private AttractDbContext CreateContext() => new(new DbContextOptionsBuilder<AttractDbContext>()
        .UseSqlite($"Data Source={_path}", x => x.MigrationsAssembly("Attract.Migrations.Sqlite"))
        .Options);
}
