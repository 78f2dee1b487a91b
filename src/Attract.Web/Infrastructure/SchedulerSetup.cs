using Attract.Core.Data;
using Npgsql;
using Quartz;

namespace Attract.Web.Infrastructure;

/// <summary>
/// Background and recurring work runs on Quartz.NET: the clustered ADO.NET job store on the server databases (SQL Server,
/// PostgreSQL), so instances share the schedule and never run the same job twice at once; the in-memory store for the
/// embedded SQLite default. Features add their jobs through the <c>configureJobs</c> callback of <see cref="AddAttractScheduler"/>.
/// </summary>
/// <remarks>
/// The job store's tables are created by the <c>QuartzSchema</c> migration of each server provider (ADR 0004), not by
/// Quartz at start-up: Quartz only validates them (its default), and the migrations run before the scheduler starts.
/// </remarks>
public static class SchedulerSetup
{
    public static IServiceCollection AddAttractScheduler(this IServiceCollection services, IConfiguration config, Action<IQuartzBuilder> configureJobs)
    {
        var provider = DatabaseSetup.Provider(config);
        var clustered = provider != DatabaseProvider.Sqlite;
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                // Clustered instances must share the scheduler name (it is the SCHED_NAME of their rows). Each in-memory
                // scheduler gets a name of its own, so nothing it records could ever be mistaken for another host's.
                s.InstanceName = clustered ? "Attract" : "Attract-" + Guid.NewGuid().ToString("N")[..8];
                s.GenerateInstanceId = true;
            });
            if (clustered)
            {
                var connectionString = config.GetConnectionString("Attract")!;
                q.UsePersistentStore(store =>
                {
                    if (provider == DatabaseProvider.PostgreSql)
                    {
                        store.UsePostgres(NpgsqlFactory.Instance, connectionString);
                    }
                    else
                    {
                        store.UseSqlServer(connectionString);
                    }
                    store.UseClustering();
                });
            }
            else
            {
                q.UseInMemoryStore();
            }
            configureJobs(q);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
