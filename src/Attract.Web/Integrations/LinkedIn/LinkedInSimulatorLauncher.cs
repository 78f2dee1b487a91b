using LinkedIn.Recruiter;
#if ATTRACT_SIMULATOR
using LinkedIn.Simulator;
#endif

namespace Attract.Web.Integrations.LinkedIn;

/// <summary>
/// Starts the LinkedIn simulator in-process (Development, or when <c>LinkedIn:Simulator:Enabled</c>) right after
/// Attract's host is built and before it starts, and points the RSC client's base URLs at it through
/// <see cref="LinkedInSimulatorEndpoint"/>. It must start after Attract's <c>Build()</c>: the test host and
/// <c>dotnet ef</c> capture the first host built in the process. A Release publish (the Docker image) is built without
/// the simulator (<c>AttractIncludeSimulator=false</c>); there, enabling it fails at start-up.
/// </summary>
public static class LinkedInSimulatorLauncher
{
    public static bool IsEnabled(IConfiguration config) =>
        config.GetValue<bool>("LinkedIn:Simulator:Enabled") && !Microsoft.EntityFrameworkCore.EF.IsDesignTime;

    public static async Task<WebApplication?> StartIfEnabledAsync(WebApplication attract)
    {
        if (!IsEnabled(attract.Configuration))
        {
            return null;
        }
#if ATTRACT_SIMULATOR
        var settings = attract.Configuration.GetSection("LinkedIn:Simulator").Get<LinkedInSimulatorOptions>() ?? new();
        var dataDirectory = attract.Configuration["Database:DataDirectory"];
        dataDirectory = string.IsNullOrWhiteSpace(dataDirectory)
            ? Path.Combine(attract.Environment.ContentRootPath, "App_Data")
            : Path.GetFullPath(dataDirectory, attract.Environment.ContentRootPath);
        Directory.CreateDirectory(dataDirectory);
        var recruiter = attract.Configuration.GetSection("LinkedIn:Recruiter");
        var defaults = new SimulatorOptions();
        var options = new SimulatorOptions
        {
            Urls = settings.Urls,
            DatabasePath = Path.Combine(dataDirectory, "linkedin-simulator.db"),
            PartnerClientId = recruiter["ParentClientId"] is { Length: > 0 } id ? id : defaults.PartnerClientId,
            PartnerClientSecret = recruiter["ParentClientSecret"] is { Length: > 0 } secret ? secret : defaults.PartnerClientSecret,
            NotifyPartnerDelay = settings.NotifyPartnerDelay,
            AllowLoopbackRedirects = true,
            ConsoleLogging = attract.Environment.IsDevelopment(),
        };
        // Build and start the simulator outside this async flow: the test host (WebApplicationFactory) and dotnet-ef
        // listen for hosts being built in the entry point's flow, and must see only Attract's own host.
        Task<WebApplication> starting;
        using (ExecutionContext.SuppressFlow())
        {
            starting = Task.Run(async () =>
            {
                var app = SimulatorApp.Build(options);
                await app.StartAsync();
                return app;
            });
        }
        var simulator = await starting;
        attract.Services.GetRequiredService<LinkedInSimulatorEndpoint>()
            .Set(SimulatorApp.GetBaseAddress(simulator), options.PartnerClientId, options.PartnerClientSecret);
        attract.Lifetime.ApplicationStopped.Register(() => simulator.DisposeAsync().AsTask().GetAwaiter().GetResult());
        return simulator;
#else
        await Task.CompletedTask;
        throw new InvalidOperationException(
            "LinkedIn:Simulator:Enabled is true, but this build of Attract does not include the LinkedIn simulator " +
            "(published with AttractIncludeSimulator=false). Set LinkedIn:Simulator:Enabled=false.");
#endif
    }
}

/// <summary>Where the in-process simulator listens, once it has started; the RSC client options are pointed at it.</summary>
public sealed class LinkedInSimulatorEndpoint
{
    public string? BaseUrl { get; private set; }

    public string? PartnerClientId { get; private set; }

    public string? PartnerClientSecret { get; private set; }

    public void Set(string baseUrl, string partnerClientId, string partnerClientSecret)
    {
        BaseUrl = baseUrl;
        PartnerClientId = partnerClientId;
        PartnerClientSecret = partnerClientSecret;
    }

    /// <summary>Points the client's three base URLs and partner credentials at the simulator, when it runs.</summary>
    public void Apply(LinkedInRecruiterOptions options)
    {
        if (BaseUrl is null)
        {
            return;
        }
        options.ApiBaseUrl = options.OAuthBaseUrl = options.PlatformBaseUrl = BaseUrl;
        options.ParentClientId = PartnerClientId!;
        options.ParentClientSecret = PartnerClientSecret!;
    }
}
