using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Attract.UnitTests.Builders;

/// <summary>A migrated in-memory SQLite database per test; <see cref="NewContext"/> opens further contexts on it.</summary>
public sealed class TestDb : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public static readonly FixedActor Recruiter = new("user-recruiter", "Riley Recruiter");
    public static readonly FixedActor Manager = new("user-manager", "Harper Manager");
    public static readonly FixedActor Interviewer = new("user-interviewer", "Indigo Interviewer");

    private TestDb()
    {
    }

    public static async Task<TestDb> CreateAsync()
    {
        var db = new TestDb();
        await db._connection.OpenAsync();
        await using var context = db.NewContext();
        await context.Database.MigrateAsync();
        foreach (var actor in new[] { Recruiter, Manager, Interviewer })
        {
            context.Users.Add(new AttractUser { Id = actor.UserId!, UserName = actor.UserId, DisplayName = actor.DisplayName! });
        }
        await context.SaveChangesAsync();
        return db;
    }

    public AttractDbContext NewContext(ICurrentActor? actor = null) => new(new DbContextOptionsBuilder<AttractDbContext>()
        .UseSqlite(_connection, x => x.MigrationsAssembly("Attract.Migrations.Sqlite"))
        .Options, actor ?? Recruiter);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
