using Quartz;

namespace Attract.Web.Infrastructure;

/// <summary>
/// Background and recurring work runs on Quartz.NET: the clustered ADO.NET job store on SQL Server in production
/// (instances share the schedule and never run the same job twice at once), the in-memory store for the embedded
/// SQLite default. Features add their jobs through <paramref name="configureJobs"/>.
/// </summary>
public static class SchedulerSetup
{
    public static IServiceCollection AddAttractScheduler(this IServiceCollection services, IConfiguration config, Action<IQuartzBuilder> configureJobs)
    {
        var provider = config["Database:Provider"] ?? "Sqlite";
        var clustered = string.Equals(provider, "SqlServer", StringComparison.OrdinalIgnoreCase);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                // Clustered instances must share the scheduler name. An in-memory scheduler gets its own name, because
                // Quartz keeps schedulers in a process-wide repository by name and hosts in one process (tests) must not share one.
                s.InstanceName = clustered ? "Attract" : "Attract-" + Guid.NewGuid().ToString("N")[..8];
                s.GenerateInstanceId = true;
            });
            if (clustered)
            {
                q.UsePersistentStore(store =>
                {
                    store.UseSqlServer(config.GetConnectionString("Attract")!);
                    store.UseClustering();
                    store.ProvisionSchema();
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
