using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LinkedIn.Recruiter.Tests.Infrastructure;

/// <summary>Builds the real DI container via AddLinkedInRecruiter, with only the primary handler replaced.</summary>
public sealed class TestHost : IDisposable
{
    public const string ApiBase = "https://api.test";
    public const string OAuthBase = "https://oauth.test";

    public static readonly LinkedInAppCredentials ChildApp = new("child-id", "child-secret");

    public TestHost(Action<LinkedInRecruiterOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        collection.AddLinkedInRecruiter(o =>
        {
            Configure(o);
            configure?.Invoke(o);
        });
        collection.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => Stub));
        services?.Invoke(collection);
        Provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public StubHttpHandler Stub { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public ServiceProvider Provider { get; }

    public ILinkedInIntegrationsClient Integrations => Provider.GetRequiredService<ILinkedInIntegrationsClient>();

    public ILinkedInSyncClient Sync => Provider.GetRequiredService<ILinkedInSyncClient>();

    public ILinkedInAclClient Acls => Provider.GetRequiredService<ILinkedInAclClient>();

    public ILinkedInJobPostingsClient JobPostings => Provider.GetRequiredService<ILinkedInJobPostingsClient>();

    public ILinkedInExportsClient Exports => Provider.GetRequiredService<ILinkedInExportsClient>();

    public ILinkedInProspectInteractionsClient Prospects => Provider.GetRequiredService<ILinkedInProspectInteractionsClient>();

    public ILinkedInMemberClient MemberClient => Provider.GetRequiredService<ILinkedInMemberClient>();

    public ILinkedInProvisioningClient Provisioning => Provider.GetRequiredService<ILinkedInProvisioningClient>();

    public ILinkedInOAuthClient OAuth => Provider.GetRequiredService<ILinkedInOAuthClient>();

    public static void Configure(LinkedInRecruiterOptions o)
    {
        o.ApiBaseUrl = ApiBase;
        o.OAuthBaseUrl = OAuthBase;
        o.PlatformBaseUrl = "https://platform.test";
        o.ParentClientId = "parent-id";
        o.ParentClientSecret = "parent-secret";
        o.LinkedInVersion = "202603";
        o.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(10);
        o.Resilience.TotalTimeout = TimeSpan.FromSeconds(30);
        o.Resilience.MaxRetryAttempts = 3;
        o.Quotas.MaxQueueWait = TimeSpan.FromSeconds(5);
    }

    public void Dispose() => Provider.Dispose();
}

public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public List<string> Messages { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner.Messages)
            {
                owner.Messages.Add(formatter(state, exception));
            }
        }
    }
}

/// <summary>A TimeProvider whose clock only moves when told to.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
