using System.Security.Claims;
using Attract.Core.Access;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Identity;

namespace Attract.Web.Infrastructure;

/// <summary>Registers the ATS services: the acting user for audit and outbox rows, and the shared reads of busy pages (job list counts, search results, boards and prospect lists).</summary>
public static class AtsSetup
{
    public static IServiceCollection AddAttractAts(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, HttpContextActor>();
        services.AddSingleton<ErasureSuppressionKeyring>();
        services.AddSingleton<Pages.Jobs.JobListCounts>();
        services.AddSingleton<Pages.Jobs.JobListCounts.Invalidator>();
        services.AddSingleton<Pages.Candidates.SearchResults>();
        services.AddSingleton<Pages.Candidates.SearchResults.Invalidator>();
        services.AddSingleton<Pages.Jobs.PipelineReads>();
        services.AddSingleton<Pages.Jobs.PipelineReads.Invalidator>();
        services.ConfigureDbContext<AttractDbContext>((sp, o) => o.AddInterceptors(
            sp.GetRequiredService<Pages.Jobs.JobListCounts.Invalidator>(), sp.GetRequiredService<Pages.Candidates.SearchResults.Invalidator>(),
            sp.GetRequiredService<Pages.Jobs.PipelineReads.Invalidator>()));
        return services;
    }

    /// <summary>The signed-in user as the access rules in <see cref="AccessQueries"/> see them.</summary>
    public static Viewer ToViewer(this ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            Roles.All.Where(user.IsInRole).ToHashSet(StringComparer.Ordinal));

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(AttractClaimsPrincipalFactory.DisplayNameClaim) ?? user.FindFirstValue("name") ?? user.Identity?.Name ?? "";
}
