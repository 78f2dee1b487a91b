namespace LinkedIn.Simulator;

/// <summary>Settings for one simulator instance. Bind from configuration section "Simulator" (env prefix <c>Simulator__</c>).</summary>
public sealed class SimulatorOptions
{
    /// <summary>Listen URLs, e.g. "http://localhost:5090". Port 0 picks a free port (read it back from <see cref="SimulatorApp.GetBaseAddress"/>).</summary>
    public string Urls { get; set; } = "http://localhost:5090";

    /// <summary>Folder for the SQLite store. Ignored when <see cref="DatabasePath"/> is set.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Full path of the SQLite file. Default: {DataDirectory or %LOCALAPPDATA%/linkedin-simulator}/linkedin-simulator.db.</summary>
    public string? DatabasePath { get; set; }

    public string PartnerClientId { get; set; } = "attract-dev-partner";
    public string PartnerClientSecret { get; set; } = "attract-dev-partner-secret";

    /// <summary>OAuth redirect URIs registered for the partner (parent) app.</summary>
    public List<string> PartnerRedirectUris { get; set; } = [];

    /// <summary>Allow any http://localhost:* or http://127.0.0.1:* redirect URI (Development).</summary>
    public bool AllowLoopbackRedirects { get; set; } = true;

    /// <summary>How long after "Request" the widget offers "Notify partner".</summary>
    public TimeSpan NotifyPartnerDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a job-posting task reports IN_PROGRESS before its outcome (LinkedIn asks partners to check after 5 minutes).</summary>
    public TimeSpan JobTaskProcessingTime { get; set; } = TimeSpan.Zero;

    /// <summary>Seed sample InMails, notes and projects from colleagues on reset/first start.</summary>
    public bool SeedSampleData { get; set; } = true;

    /// <summary>Number of generated members (plus the fixed accounts).</summary>
    public int MemberCount { get; set; } = 500;

    /// <summary>Base delay of the push retry backoff (delay n = base * 2^(n-1)).</summary>
    public TimeSpan PushRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Timeout of one push attempt.</summary>
    public TimeSpan PushTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxPushRetries { get; set; } = 6;

    public int DailyRequestLimit { get; set; } = 100_000;
    public int IntegrationsDailyLimit { get; set; } = 5_000;
    public int RecordsPerMinuteLimit { get; set; } = 10_000;
    public int ExportsPerSeatPerMonth { get; set; } = 300;
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>Clock used for tokens, limits, windows. Tests may inject their own; /_sim/clock can shift it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Log ASP.NET Core to the console.</summary>
    public bool ConsoleLogging { get; set; } = true;

    /// <summary>Environment variables and command-line arguments (e.g. <c>--Simulator:Urls=http://localhost:6090</c>, <c>Simulator__DatabasePath=…</c>, <c>--urls</c>).</summary>
    public static SimulatorOptions FromConfiguration(string[] args)
    {
        var config = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        return FromConfiguration(config);
    }

    /// <summary>Reads the <paramref name="sectionName"/> section (default "Simulator"; keys are the property names) and "urls".</summary>
    public static SimulatorOptions FromConfiguration(IConfiguration configuration, string sectionName = "Simulator")
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var o = new SimulatorOptions();
        var s = configuration.GetSection(sectionName);
        o.Urls = s["Urls"] ?? configuration["urls"] ?? o.Urls;
        o.DataDirectory = s["DataDirectory"] ?? o.DataDirectory;
        o.DatabasePath = s["DatabasePath"] ?? o.DatabasePath;
        o.PartnerClientId = s["PartnerClientId"] ?? o.PartnerClientId;
        o.PartnerClientSecret = s["PartnerClientSecret"] ?? o.PartnerClientSecret;
        var redirects = s.GetSection("PartnerRedirectUris").GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (redirects.Count > 0)
        {
            o.PartnerRedirectUris = redirects;
        }
        if (bool.TryParse(s["AllowLoopbackRedirects"], out var b)) o.AllowLoopbackRedirects = b;
        if (TimeSpan.TryParse(s["NotifyPartnerDelay"], System.Globalization.CultureInfo.InvariantCulture, out var t)) o.NotifyPartnerDelay = t;
        if (TimeSpan.TryParse(s["JobTaskProcessingTime"], System.Globalization.CultureInfo.InvariantCulture, out t)) o.JobTaskProcessingTime = t;
        if (bool.TryParse(s["SeedSampleData"], out b)) o.SeedSampleData = b;
        if (int.TryParse(s["MemberCount"], out var i)) o.MemberCount = i;
        if (TimeSpan.TryParse(s["PushRetryBaseDelay"], System.Globalization.CultureInfo.InvariantCulture, out t)) o.PushRetryBaseDelay = t;
        if (int.TryParse(s["DailyRequestLimit"], out i)) o.DailyRequestLimit = i;
        if (int.TryParse(s["RecordsPerMinuteLimit"], out i)) o.RecordsPerMinuteLimit = i;
        if (int.TryParse(s["ExportsPerSeatPerMonth"], out i)) o.ExportsPerSeatPerMonth = i;
        if (int.TryParse(s["IntegrationsDailyLimit"], out i)) o.IntegrationsDailyLimit = i;
        if (int.TryParse(s["MaxBatchSize"], out i)) o.MaxBatchSize = i;
        if (int.TryParse(s["MaxPushRetries"], out i)) o.MaxPushRetries = i;
        if (TimeSpan.TryParse(s["PushTimeout"], System.Globalization.CultureInfo.InvariantCulture, out t)) o.PushTimeout = t;
        if (bool.TryParse(s["ConsoleLogging"], out b)) o.ConsoleLogging = b;
        return o;
    }

    internal string ResolveDatabasePath()
    {
        if (!string.IsNullOrWhiteSpace(DatabasePath))
        {
            return DatabasePath;
        }
        var dir = DataDirectory;
        if (string.IsNullOrWhiteSpace(dir))
        {
            dir = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "linkedin-simulator");
        }
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, "linkedin-simulator.db");
    }
}

/// <summary>Marker type for assembly scanning / test hosts.</summary>
public sealed class SimulatorMarker;
