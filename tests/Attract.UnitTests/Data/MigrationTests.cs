using Attract.Core.Data;
using Attract.Core.Pools;
using Attract.Testing;
using Attract.UnitTests.Builders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Attract.UnitTests.Data;

/// <summary>Each provider's migrations applied to an empty database (a SQLite file, a new PostgreSQL database).</summary>
public abstract class MigrationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"attract-migrate-{Guid.NewGuid():N}.db");
    private PostgresTestDatabase? _postgres;

    public async Task InitializeAsync()
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            _postgres = await TestPostgres.CreateDatabaseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    private AttractDbContext CreateContext() => new(TestDb.Options(provider, null, _postgres?.ConnectionString ?? $"Data Source={_path}"));

    private Task<List<string>> TablesAsync(AttractDbContext db) => db.Database.SqlQueryRaw<string>(provider == DatabaseProvider.PostgreSql
        ? "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'"
        : "SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();

    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationAndMatchesModel()
    {
        await using var db = CreateContext();

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(["Initial", "QuartzSchema", "OutboxLanes", "BackfillCursor", "EntityLookups", "ApplicationEnteredStage", "ProspectsIndex"], db.Database.GetMigrations().Select(m => m[15..]));
        Assert.False(db.Database.HasPendingModelChanges());
        var tables = await TablesAsync(db);
        Assert.Contains("AspNetUsers", tables);
        Assert.Contains("DataProtectionKeys", tables);
        Assert.Superset(new HashSet<string> { "Jobs", "JobStages", "JobTeamMembers", "Candidates", "CandidateEmails", "Applications", "StageMoves",
            "Scorecards", "ScorecardRatings", "Notes", "TalentPools", "TalentPoolMembers", "AuditEntries", "OutboxMessages" }, tables.ToHashSet());
    }

    [Fact]
    public async Task Migrate_EmptyDatabase_CreatesQuartzStoreOnlyOnTheServerDatabase()
    {
        await using var db = CreateContext();

        await db.Database.MigrateAsync();

        var quartz = (await TablesAsync(db)).Where(t => t.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase)).Order().ToList();
        if (provider == DatabaseProvider.PostgreSql)
        {
            // Quartz 4.7.3's clustered store: its lock, check-in, trigger and firing tables, among others.
            Assert.Superset(new HashSet<string> { "qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_cron_triggers",
                "qrtz_fired_triggers", "qrtz_scheduler_state", "qrtz_locks", "qrtz_calendars" }, quartz.ToHashSet());
            Assert.Equal(15, quartz.Count);
        }
        else
        {
            Assert.Empty(quartz); // SQLite runs Quartz in memory
        }
    }

    [Fact]
    public async Task Migrate_OutboxLanes_MarksRowsTheBackfillQueuedBefore()
    {
        await using var db = CreateContext();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(db.Database.GetMigrations().Single(m => m.EndsWith("_QuartzSchema", StringComparison.Ordinal)));
        foreach (var actor in new[] { "system:linkedin-backfill", "user-1" })
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "OutboxMessages" ("EntityType", "EntityId", "Operation", "OccurredAtUtc", "ActorUserId", "Attempts")
                VALUES ('Candidate', 1, 'Updated', {new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)}, {actor}, 0)
                """);
        }

        await migrator.MigrateAsync();

        var rows = await db.OutboxMessages.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.ActorUserId, o.Backfill }).ToListAsync();
        Assert.Equal([("system:linkedin-backfill", true), ("user-1", false)], rows.Select(r => (r.ActorUserId, r.Backfill)));
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
    public async Task Migrate_SeededLinkedInPool_NextPoolGetsAFreshId()
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync();

        var pool = TalentPool.Create("Backend", null, null, Build.Now);
        db.TalentPools.Add(pool);
        await db.SaveChangesAsync();

        Assert.Equal(TalentPool.LinkedInPoolId + 1, pool.Id);
        Assert.Equal(2, await db.TalentPools.CountAsync());
    }
}

public sealed class SqliteMigrationTests() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlMigrationTests() : MigrationTests(DatabaseProvider.PostgreSql);
