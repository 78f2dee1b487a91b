namespace Attract.Web.Infrastructure;

/// <summary>
/// Refuses to start a production-like instance that has development features switched on. "Production-like" is every
/// environment except <c>Development</c> and <c>Testing</c> (the test suites' environment), so Production, Staging and any
/// custom name are covered. The message names the setting to change. See docs/security.md.
/// </summary>
public static class ProductionGuard
{
    /// <summary>The environment the test suites host Attract in (simulator and demo data on).</summary>
    public const string TestingEnvironment = "Testing";

    /// <summary>Settings that switch on development-only features, with what each one does.</summary>
    public static readonly IReadOnlyList<(string Setting, string Feature)> DevelopmentOnlySettings =
    [
        ("LinkedIn:Simulator:Enabled", "the in-process LinkedIn simulator and its /_sim controls"),
        ("Attract:SeedDemoData", "the demo accounts with the published demo password"),
        ("Attract:SeedDemoCompany", "the demo company's generated jobs and candidates"),
    ];

    /// <summary>True in Development and Testing, where the simulator, demo data and plain-HTTP cookies are allowed.</summary>
    public static bool AllowsDevelopmentFeatures(IHostEnvironment env) =>
        env.IsDevelopment() || env.IsEnvironment(TestingEnvironment);

    /// <summary>Throws <see cref="InvalidOperationException"/> naming every offending setting when the instance is production-like.</summary>
    public static void Enforce(IConfiguration config, IHostEnvironment env)
    {
        if (AllowsDevelopmentFeatures(env))
        {
            return;
        }
        var problems = new List<string>();
        foreach (var (setting, feature) in DevelopmentOnlySettings)
        {
            if (config.GetValue<bool>(setting))
            {
                problems.Add($"{setting} is true, which turns on {feature}. Set {setting}=false: it is allowed only in the Development and Testing environments.");
            }
        }
        var hosts = (config["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0 || hosts.Contains("*"))
        {
            problems.Add("AllowedHosts is not set or is '*'. Set AllowedHosts to the host names Attract is served under, separated by ';' (e.g. AllowedHosts=attract.example.com).");
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Attract refuses to start in the '{env.EnvironmentName}' environment:{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", problems));
        }
    }
}
