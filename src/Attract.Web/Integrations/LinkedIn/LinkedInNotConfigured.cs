using System.Reflection;
using LinkedIn.Recruiter;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Attract.Web.Integrations.LinkedIn;

/// <summary>
/// Stands in for LinkedIn's clients while LinkedIn is not configured (no partner credentials and no simulator), so the
/// services and pages that take them by constructor still resolve. Every call throws <see cref="LinkedInSignInException"/>;
/// callers check <see cref="LinkedInConnector.IsConfigured"/> or the stored connection first.
/// </summary>
public class LinkedInNotConfigured : DispatchProxy
{
    public const string Reason = "LinkedIn is not configured on this server.";

    /// <summary>Registers a stand-in for every LinkedIn client Attract uses.</summary>
    public static void AddStandIns(IServiceCollection services)
    {
        Add<ILinkedInOAuthClient>(services);
        Add<ILinkedInProvisioningClient>(services);
        Add<ILinkedInIntegrationsClient>(services);
        Add<ILinkedInMemberClient>(services);
        Add<ILinkedInSyncClient>(services);
        Add<ILinkedInJobPostingsClient>(services);
        Add<ILinkedInExportsClient>(services);
        Add<ILinkedInProspectInteractionsClient>(services);
    }

    private static void Add<TClient>(IServiceCollection services)
        where TClient : class =>
        services.TryAddSingleton(Create<TClient, LinkedInNotConfigured>());

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw new LinkedInSignInException(Reason);
}
