using Attract.Core.Candidates;
using Attract.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Infrastructure;

/// <summary>Chooses the EF Core provider from <c>Database:Provider</c> (Sqlite, the default, or SqlServer).</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Attract.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Attract.Migrations.SqlServer";

    public static IServiceCollection AddAttractDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var provider = config["Database:Provider"] ?? "Sqlite";
        var connectionString = ResolveConnectionString(config, env, provider);
        services.AddDbContext<AttractDbContext>(o =>
        {
            if (string.Equals(provider, "SqlServer", StringComparison.OrdinalIgnoreCase))
            {
                o.UseSqlServer(connectionString, x => x.MigrationsAssembly(SqlServerMigrationsAssembly));
            }
            else if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            {
                o.UseSqlite(connectionString, x => x.MigrationsAssembly(SqliteMigrationsAssembly));
            }
            else
            {
                throw new InvalidOperationException($"Database:Provider '{provider}' is not supported. Use 'Sqlite' or 'SqlServer'.");
            }
        });
        return services;
    }

    internal static string ResolveConnectionString(IConfiguration config, IHostEnvironment env, string provider)
    {
        var configured = config.GetConnectionString("Attract");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (string.Equals(provider, "SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Attract is not set.");
        }
        var dataDirectory = config["Database:DataDirectory"];
        dataDirectory = string.IsNullOrWhiteSpace(dataDirectory)
            ? Path.Combine(env.ContentRootPath, "App_Data")
            : Path.GetFullPath(dataDirectory, env.ContentRootPath);
        Directory.CreateDirectory(dataDirectory);
        return $"Data Source={Path.Combine(dataDirectory, "attract.db")}";
    }

    /// <summary>Applies pending migrations for whichever provider is configured.</summary>
    public static async Task MigrateAttractDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
        await db.Database.MigrateAsync(ct);
    }
}
