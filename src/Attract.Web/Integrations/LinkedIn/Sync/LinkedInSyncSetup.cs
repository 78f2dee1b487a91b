using Attract.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Integrations.LinkedIn.Sync;

/// <summary>Registers the In-ATS indicator sync: drain, backfill, meter, drain signal and the SaveChanges interceptor.</summary>
public static class LinkedInSyncSetup
{
    public static IServiceCollection AddLinkedInSync(this IServiceCollection services)
    {
        services.AddScoped<LinkedInSyncDrain>();
        services.AddScoped<LinkedInBackfill>();
        services.AddScoped<LinkedInSyncStatus>();
        services.AddSingleton<LinkedInSyncMeter>();
        services.AddSingleton<ILinkedInSyncSignal, LinkedInSyncSignal>();
        services.AddSingleton<LinkedInSyncInterceptor>();
        services.ConfigureDbContext<AttractDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<LinkedInSyncInterceptor>()));
        return services;
    }
}
