using Attract.Core.Data;
using Attract.Web.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
ProductionGuard.Enforce(builder.Configuration, builder.Environment);

// Serilog is the only logging pipeline: the default console provider would bypass the SensitiveDataMasking enricher.
builder.Logging.ClearProviders();
builder.Services.AddSerilog((sp, lc) => lc
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(sp)
    .Enrich.FromLogContext()
    .Enrich.With<SensitiveDataMasking>());

builder.Services.AddAttractDatabase(builder.Configuration, builder.Environment);
builder.Services.AddAttractAuthentication(builder.Configuration, builder.Environment);
builder.Services.AddAttractAts();
builder.Services.AddAttractDataProtection(builder.Configuration, builder.Environment);
builder.Services.AddAttractTransportSecurity(builder.Configuration, builder.Environment);
builder.Services.AddAttractRateLimits(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks().AddDbContextCheck<AttractDbContext>("database");
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddLinkedInIntegration(builder.Configuration);
builder.Services.AddAttractScheduler(builder.Configuration, q =>
{
    OutboxCleanupJob.Configure(q, builder.Configuration);
    LinkedInSetup.ConfigureJobs(q, builder.Configuration);
});
builder.Services.AddRazorPages();
builder.AddAttractTelemetry();

var app = builder.Build();

await LinkedInSimulatorLauncher.StartIfEnabledAsync(app);
await using (await app.Services.AcquireStartupLockAsync())
{
    await app.Services.MigrateAttractDatabaseAsync();
    await DemoSeeder.SeedRolesAsync(app.Services);
    if (app.Configuration.GetValue<bool>("Attract:SeedDemoData"))
    {
        await DemoSeeder.SeedDemoUsersAsync(app.Services);
    }
    if (app.Configuration.GetValue<bool>("Attract:SeedDemoCompany"))
    {
        await DemoCompanySeeder.SeedAsync(app.Services, app.Configuration.GetValue("Attract:DemoCandidates", 2000));
    }
}

app.UseAttractForwardedHeaders();
app.UseAttractTelemetry();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}
app.UseAttractSecurityHeaders();
app.UseAttractHttps();
app.UseStatusCodePagesWithReExecute("/Status/{0}");
app.UseSerilogRequestLogging();
app.UseCookiePolicy();
app.UseRouting();
app.UseAuthentication();
app.UseAttractRateLimits();
app.UseAuthorization();

app.MapHealthChecks("/health", new HealthCheckOptions
{
    ResponseWriter = HealthResponse.WriteAsync,
}).AllowAnonymous();
app.MapLinkedInPush();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();

app.Run();

/// <summary>Entry point, public so that WebApplicationFactory&lt;Program&gt; can host the app in tests.</summary>
public partial class Program;
