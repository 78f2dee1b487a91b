namespace Attract.Web.Integrations.LinkedIn.Sync;

/// <summary>Registers the In-ATS indicator sync: drain, backfill, meter, status.</summary>
public static class LinkedInSyncSetup
{
    public static IServiceCollection AddLinkedInSync(this IServiceCollection services)
    {
        services.AddScoped<LinkedInSyncDrain>();
        services.AddScoped<LinkedInBackfill>();
        services.AddScoped<LinkedInSyncStatus>();
        services.AddSingleton<LinkedInUsageMeter>();
        services.AddHostedService<LinkedInUsageFlusher>();
        services.AddTransient<LinkedInUsageHandler>();
        return services;
    }
}
