using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Identity;
using Attract.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Attract.UnitTests.Builders;

/// <summary>
/// A migrated database per test: in-memory SQLite, or a PostgreSQL database of its own (<see cref="TestPostgres"/>,
/// dropped on dispose). <see cref="NewContext"/> opens further contexts on it.
/// </summary>
public sealed class TestDb : IAsyncDisposable
{
    private readonly SqliteConnection? _sqlite;
    private readonly PostgresTestDatabase? _postgres;

    public static readonly FixedActor Recruiter = new("user-recruiter", "Riley Recruiter");
    public static readonly FixedActor Manager = new("user-manager", "Harper Manager");
    public static readonly FixedActor Interviewer = new("user-interviewer", "Indigo Interviewer");

    private TestDb(DatabaseProvider provider, SqliteConnection? sqlite, PostgresTestDatabase? postgres)
    {
        Provider = provider;
        _sqlite = sqlite;
        _postgres = postgres;
    }

    public DatabaseProvider Provider { get; }

    public static async Task<TestDb> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        TestDb db;
        if (provider == DatabaseProvider.PostgreSql)
        {
            db = new TestDb(provider, null, await TestPostgres.CreateDatabaseAsync());
        }
        else
        {
            var connection = new SqliteConnection("Data Source=:memory:");
            await connection.OpenAsync();
            db = new TestDb(provider, connection, null);
        }
        await using var context = db.NewContext();
        await context.Database.MigrateAsync();
        foreach (var actor in new[] { Recruiter, Manager, Interviewer })
        {
            context.Users.Add(new AttractUser { Id = actor.UserId!, UserName = actor.UserId, DisplayName = actor.DisplayName! });
        }
        await context.SaveChangesAsync();
        return db;
    }

    public AttractDbContext NewContext(ICurrentActor? actor = null) => new(Options(Provider, _sqlite, _postgres?.ConnectionString), actor ?? Recruiter);

    /// <summary>Options for a context on <paramref name="provider"/> with Attract's migrations assembly for it.</summary>
    public static DbContextOptions<AttractDbContext> Options(DatabaseProvider provider, SqliteConnection? sqlite, string? connectionString)
    {
        var options = new DbContextOptionsBuilder<AttractDbContext>();
        if (provider == DatabaseProvider.PostgreSql)
        {
            options.UseNpgsql(connectionString, x => x.MigrationsAssembly("Attract.Migrations.PostgreSql"));
        }
        else if (sqlite is not null)
        {
            options.UseSqlite(sqlite, x => x.MigrationsAssembly("Attract.Migrations.Sqlite"));
        }
        else
        {
            options.UseSqlite(connectionString, x => x.MigrationsAssembly("Attract.Migrations.Sqlite"));
        }
        return options.Options;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
