using LinkedIn.Simulator.Api.Integrations;
using LinkedIn.Simulator.Api.OAuth;
using LinkedIn.Simulator.Api.Provisioning;
using LinkedIn.Simulator.Api.Pulls;
using LinkedIn.Simulator.Api.Sync;
using LinkedIn.Simulator.Control;
using LinkedIn.Simulator.Hosting;
using LinkedIn.Simulator.Screens;
using LinkedIn.Simulator.Screens.Widgets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LinkedIn.Simulator;

/// <summary>Builds the LinkedIn RSC simulator as a self-contained <see cref="WebApplication"/> (standalone or hosted in-process by Attract).</summary>
public static class SimulatorApp
{
    public static WebApplication Build(SimulatorOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        // Do not pick up the host application's appsettings / ASPNETCORE_URLS / Kestrel sections.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AllowedHosts"] = "*" });
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k =>
        {
            // 100 compound keys in a query string are ~15 KB.
            k.Limits.MaxRequestLineSize = 256 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 512 * 1024;
        });
        builder.Logging.ClearProviders();
        if (options.ConsoleLogging)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        }
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => new Simulation(options));
        builder.Services.AddSingleton<PushDispatcher>();
        builder.Services.AddSingleton<MemberActions>();
        configure?.Invoke(builder);

        var app = builder.Build();
        var simulation = app.Services.GetRequiredService<Simulation>();
        var pushes = app.Services.GetRequiredService<PushDispatcher>();
        var actions = app.Services.GetRequiredService<MemberActions>();
        app.Lifetime.ApplicationStopped.Register(() => simulation.State.Dispose());

        RequestPipeline.UseQueryTunneling(app);
        app.UseRouting();
        RequestPipeline.UseFaultsAndRequestLog(app, simulation);
        MapRooms(app, simulation, actions, pushes);
        return app;
    }

    /// <summary>Every room's routes; a route lives in the room its URL names (see docs/linkedin/simulator.md).</summary>
    private static void MapRooms(WebApplication app, Simulation simulation, MemberActions actions, PushDispatcher pushes)
    {
        LoginScreen.Map(app, simulation);
        AuthorizationEndpoint.Map(app, simulation);
        TokenEndpoint.Map(app, simulation);
        MemberEndpoints.Map(app, simulation);
        ProvisionedApplicationsEndpoints.Map(app, simulation);
        AtsIntegrationsEndpoints.Map(app, simulation);
        IntegrationConfigurationsEndpoint.Map(app, simulation);
        SyncRoutes.Map(app, simulation);
        ExportPullEndpoints.Map(app, simulation);
        ProspectPullEndpoints.Map(app, simulation);
        SearchScreen.Map(app, simulation);
        ProfileScreen.Map(app, simulation, actions);
        ProfileActions.Map(app, simulation, actions);
        ProjectsScreen.Map(app, simulation);
        AdminAtsScreen.Map(app, simulation, actions);
        MessagingScreen.Map(app, simulation);
        ConversationScreen.Map(app, simulation, actions);
        InJsScript.Map(app);
        AtsIntegrationWidget.Map(app, simulation, actions);
        HcmWidget.Map(app, simulation);
        ControlPages.Map(app, simulation);
        ControlSettingsRoutes.Map(app, simulation);
        ControlShortcutRoutes.Map(app, simulation, actions, pushes);
        ControlSoakRoutes.Map(app, simulation);
    }

    /// <summary>The first address the started app listens on (resolves port 0), e.g. "http://127.0.0.1:53412".</summary>
    public static string GetBaseAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? app.Urls.FirstOrDefault() ?? "http://localhost:5090";
        return first.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
