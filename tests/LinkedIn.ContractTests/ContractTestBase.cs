namespace LinkedIn.ContractTests;

/// <summary>Every test gets its own simulator (own port, own SQLite file) and its own client container.</summary>
public abstract class ContractTestBase : IAsyncLifetime
{
    protected ContractHost Host { get; private set; } = null!;

    protected ILinkedInIntegrationsClient Integrations => Host.Integrations;

    protected ILinkedInSyncClient Sync => Host.Sync;

    protected ILinkedInAclClient Acls => Host.Acls;

    protected ILinkedInJobPostingsClient JobPostings => Host.JobPostings;

    protected ILinkedInExportsClient Exports => Host.Exports;

    protected ILinkedInProspectInteractionsClient Prospects => Host.Prospects;

    protected ILinkedInMemberClient MemberClient => Host.MemberClient;

    public virtual async Task InitializeAsync() => Host = await ContractHost.StartAsync(ConfigureClient, ConfigureSimulator);

    public virtual async Task DisposeAsync() => await Host.DisposeAsync();

    protected virtual void ConfigureClient(LinkedInRecruiterOptions options)
    {
    }

    protected virtual void ConfigureSimulator(LinkedIn.Simulator.SimulatorOptions options)
    {
    }

    protected static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    protected static AtsCandidateKey Candidate(string id) => new(ContractHost.Org, id);

    protected static AtsApplicationKey Application(string id) => new(ContractHost.Org, id);

    protected static AtsCandidate NewCandidate(string? firstName = "Maya", string lastName = "Okafor", params string[] emails) => new()
    {
        AtsCreatedAt = NowMs - 60_000,
        AtsLastModifiedAt = NowMs,
        FirstName = firstName,
        LastName = lastName,
        EmailAddresses = emails,
    };
}
