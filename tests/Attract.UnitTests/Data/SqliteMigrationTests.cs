using Attract.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

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

    [Fact]
    public async Task Migrate_JobsBackfillOnConnection_MovesTheOldCursorMarkerOntoTheConnection()
    {
        await using var db = CreateContext();
        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_JobsBackfillOnConnection", StringComparison.Ordinal)).Last();
        await migrator.MigrateAsync(before);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO LinkedInConnection (TenantId, OrganizationUrn, CompanyLevelEnabled, ContractLevelEnabled, BackfillTotal, Version) " +
            "VALUES ('t1', 'urn:li:organization:1001', 1, 0, 0, '00000000-0000-0000-0000-000000000001');" +
            "INSERT INTO LinkedInPullCursor (SeatUrn, Kind, CursorUtc) VALUES ('urn:li:organization:1001', 'job-backfill', '2026-11-01 10:00:00');" +
            "INSERT INTO LinkedInPullCursor (SeatUrn, Kind, CursorUtc) VALUES ('urn:li:seat:9002', 'notes', '2026-11-02 10:00:00');");

        await db.Database.MigrateAsync();

        var connection = await db.Set<Attract.Core.LinkedIn.LinkedInConnection>().AsNoTracking().SingleAsync();
        Assert.Equal(new DateTime(2026, 11, 1, 10, 0, 0), connection.JobsBackfilledAtUtc);
        Assert.Null(connection.JobsBackfillError);
        Assert.Equal(["notes"], await db.Set<Attract.Core.LinkedIn.LinkedInPullCursor>().Select(c => c.Kind).ToListAsync());
    }

    private AttractDbContext CreateContext() => new(new DbContextOptionsBuilder<AttractDbContext>()
        .UseSqlite($"Data Source={_path}", x => x.MigrationsAssembly("Attract.Migrations.Sqlite"))
        .Options);
}
