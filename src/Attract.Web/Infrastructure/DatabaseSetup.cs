using System.Data.Common;
using Attract.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Attract.Web.Infrastructure;

/// <summary>Chooses the EF Core provider from <c>Database:Provider</c> (Sqlite, the default, SqlServer or PostgreSql).</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Attract.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Attract.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "Attract.Migrations.PostgreSql";

    /// <summary>The configured provider; throws for an unknown name, so a typo does not silently fall back to SQLite.</summary>
    public static DatabaseProvider Provider(IConfiguration config)
    {
        var name = config["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(name.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider '{name}' is not supported. Use 'Sqlite', 'SqlServer' or 'PostgreSql'.");
    }

    public static IServiceCollection AddAttractDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var provider = Provider(config);
        var connectionString = ResolveConnectionString(config, env, provider);
        var busyTimeout = config.GetValue("Database:SqliteBusyTimeout", TimeSpan.FromSeconds(30));
        var sqliteSetup = new SqliteConnectionSetup(busyTimeout);
        var sqliteWriters = new SqliteWriteQueue(busyTimeout);
        // Queries that include several collections (a job with its stages and team) load them in one query, EF's default,
        // said explicitly: the collections are small, and one query reads one consistent snapshot. (Left unsaid, EF warns
        // on every such query.)
        const QuerySplittingBehavior SingleQuery = QuerySplittingBehavior.SingleQuery;
        services.AddDbContext<AttractDbContext>(o =>
        {
            switch (provider)
            {
                case DatabaseProvider.SqlServer:
                    o.UseSqlServer(connectionString, x => x.MigrationsAssembly(SqlServerMigrationsAssembly).UseQuerySplittingBehavior(SingleQuery));
                    break;
                case DatabaseProvider.PostgreSql:
                    // DateTime columns are timestamp with time zone (Npgsql's default); Attract only ever stores UTC kinds.
                    o.UseNpgsql(connectionString, x => x.MigrationsAssembly(PostgreSqlMigrationsAssembly).UseQuerySplittingBehavior(SingleQuery));
                    break;
                default:
                    o.UseSqlite(connectionString, x => x.MigrationsAssembly(SqliteMigrationsAssembly).UseQuerySplittingBehavior(SingleQuery))
                        .AddInterceptors(sqliteSetup, sqliteWriters);
                    break;
            }
        });
        return services;
    }

    internal static string ResolveConnectionString(IConfiguration config, IHostEnvironment env, DatabaseProvider provider)
    {
        var configured = config.GetConnectionString("Attract");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException($"Database:Provider is {provider} but ConnectionStrings:Attract is not set.");
        }
        var dataDirectory = config["Database:DataDirectory"];
        dataDirectory = string.IsNullOrWhiteSpace(dataDirectory)
            ? Path.Combine(env.ContentRootPath, "App_Data")
            : Path.GetFullPath(dataDirectory, env.ContentRootPath);
        Directory.CreateDirectory(dataDirectory);
        return $"Data Source={Path.Combine(dataDirectory, "attract.db")}";
    }

    /// <summary>
    /// Applies pending migrations for whichever provider is configured. On the server databases these include the
    /// Quartz job store's tables (the <c>QuartzSchema</c> migration), so the scheduler finds its schema when it starts.
    /// </summary>
    public static async Task MigrateAttractDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// A database-wide lock held while an instance migrates and seeds at start-up, so that several instances starting at
    /// once on a server database (a deployment, the soak harness) take turns instead of racing to create the same roles
    /// and demo rows. PostgreSQL: a session advisory lock; SQL Server: a session application lock; SQLite (one instance):
    /// none. A server database that does not exist yet is created first (by whichever instance gets there first).
    /// </summary>
    public static async Task<IAsyncDisposable> AcquireStartupLockAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
        var (lockSql, unlockSql) = db.Database.ProviderName switch
        {
            AttractDbContext.PostgreSqlProviderName => ($"SELECT pg_advisory_lock({StartupLockKey})", $"SELECT pg_advisory_unlock({StartupLockKey})"),
            AttractDbContext.SqlServerProviderName => (
                "EXEC sp_getapplock @Resource = N'Attract:startup', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = -1",
                "EXEC sp_releaseapplock @Resource = N'Attract:startup', @LockOwner = N'Session'"),
            _ => (null, null),
        };
        if (lockSql is null)
        {
            return new StartupLock(scope, null);
        }
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (DbException)
            {
                if (!await creator.ExistsAsync(ct))
                {
                    throw;
                }
                // another instance created it a moment ago
            }
        }
        await db.Database.OpenConnectionAsync(ct); // the lock belongs to this connection (session) until released
        // Wait as long as the instance holding it needs (migrating and seeding a large demo company takes minutes): the
        // command timeout (30 s by default) would otherwise fail this instance's start. Stopping the host cancels the wait.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(0);
        await db.Database.ExecuteSqlRawAsync(lockSql, ct);
        db.Database.SetCommandTimeout(timeout);
        return new StartupLock(scope, unlockSql);
    }

    /// <summary>The advisory lock key Attract's start-up takes on PostgreSQL (an arbitrary constant, "ATTRACT1" in ASCII).</summary>
    public const long StartupLockKey = 0x4154_5452_4143_5431;

    private sealed class StartupLock(AsyncServiceScope scope, string? unlockSql) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (unlockSql is not null)
                {
                    await scope.ServiceProvider.GetRequiredService<AttractDbContext>().Database.ExecuteSqlRawAsync(unlockSql);
                }
            }
            finally
            {
                await scope.DisposeAsync(); // closing the connection releases the lock in any case
            }
        }
    }
}
