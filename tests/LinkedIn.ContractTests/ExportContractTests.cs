using System.Text;
using System.Text.Json.Nodes;

namespace LinkedIn.ContractTests;

public sealed class ExportContractTests : ContractTestBase
{
    private LinkedInAppCredentials _child = null!;
    private CallbackReceiver _receiver = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (_, _child) = await Host.ProvisionAsync();
        _receiver = await CallbackReceiver.StartAsync(Host.Verifier, () => _child.ClientSecret);
        var set = await Integrations.SetIntegrationConfigurationsAsync(_child, ContractHost.Key(AtsIntegrationTypes.OneClickExport), new Dictionary<string, string>
        {
            [AtsIntegrationTypes.CallbackUrlConfiguration] = _receiver.CallbackUrl,
        });
        Assert.True(set.AllSucceeded);
    }

    public override async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task FindIntegrationsByRequestAsync_IdOfStatusChangePushOnEnable_ReturnsEnabledIntegrations()
    {
        await Host.EnableCompanyAsync(_child);

        var (raw, push) = await _receiver.WaitForAsync(Host.Verifier, _child.ClientSecret, p => p.Type == PushNotificationType.IntegrationStatusChange);

        Assert.True(Host.Verifier.IsValidSignature(raw.Body, raw.Signature, _child.ClientSecret));
        Assert.False(Host.Verifier.IsValidSignature(raw.Body, raw.Signature, "some-other-secret"));
        Assert.True(push.ExpiresAt > DateTimeOffset.UtcNow);
        var changed = await Integrations.FindIntegrationsByRequestAsync(_child, push.Id);
        Assert.Equal(ContractHost.OrgTypes.Order(), changed.Select(i => i.IntegrationType).Order());
        Assert.All(changed, i => Assert.Equal("ENABLED", i.Status));
        Assert.All(changed, i => Assert.Equal(ContractHost.Org, i.IntegrationContext));
    }

    [Fact]
    public async Task GetExportedCandidatesAsync_RequestIdOfVerifiedExportPush_ReturnsMemberJobAndExportingSeat()
    {
        await Host.EnableCompanyAsync(_child);
        var job = await JobPostings.SubmitJobPostingsAsync(_child, [SyncContractTests.Job("JOB-1042")]);
        Assert.True(job[0].Succeeded);
        var member = (await Host.MembersAsync(60))[33]!;
        var memberId = member["id"]!.GetValue<string>();

        // A recruiter clicks Export on the member's profile in LinkedIn Recruiter.
        var export = await Host.ControlAsync(HttpMethod.Post, "/_sim/exports", new JsonObject
        {
            ["clientId"] = _child.ClientId,
            ["memberId"] = memberId,
            ["externalJobPostingId"] = "JOB-1042",
            ["seat"] = ContractHost.RecruiterSeat,
        });
        var requestId = export["requestId"]!.GetValue<string>();

        var (raw, push) = await _receiver.WaitForAsync(Host.Verifier, _child.ClientSecret, p => p.Type == PushNotificationType.ExportCandidateProfile);

        Assert.Equal(requestId, push.Id);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(raw.Body).Replace(push.Id, push.Id + "x", StringComparison.Ordinal));
        Assert.Throws<LinkedInPushException>(() => Host.Verifier.VerifyAndParse(tampered, raw.Signature, _child.ClientSecret));

        var exported = Assert.Single(await Exports.GetExportedCandidatesAsync(_child, push.Id));
        Assert.Equal(member["urn"]!.GetValue<string>(), exported.Member);
        Assert.Equal(push.Id, exported.RequestId);
        Assert.Equal(member["firstName"]!.GetValue<string>(), exported.FirstName);
        Assert.Equal(member["lastName"]!.GetValue<string>(), exported.LastName);
        Assert.Equal("JOB-1042", exported.ExternalJobPostingId);
        Assert.Equal(ContractHost.Org, exported.IntegrationContext);
        Assert.NotNull(exported.Exporter);
        Assert.Equal(ContractHost.RecruiterSeat, exported.Exporter.Seat);
        Assert.Equal(ContractHost.RecruiterPerson, exported.Exporter.Member);
        Assert.Equal(ContractHost.GlobalContract, exported.Exporter.Contract);
        Assert.True(exported.ExportedAt > 0);
        Assert.Equal(member["sharesEmail"]!.GetValue<bool>() ? member["email"]!.GetValue<string>() : null, exported.EmailAddress);
        Assert.Empty(await Exports.GetExportedCandidatesAsync(_child, "unknown-request"));
    }
    [Fact]
    public async Task GetPurgedExportedCandidatesAsync_MemberPurgedAfterExport_ReturnsPurgeAndExportIsGone()
    {
        await Host.EnableCompanyAsync(_child);
        Assert.True((await JobPostings.SubmitJobPostingsAsync(_child, [SyncContractTests.Job("JOB-7")]))[0].Succeeded);
        var member = (await Host.MembersAsync(60))[41]!;
        var memberId = member["id"]!.GetValue<string>();
        var export = await Host.ControlAsync(HttpMethod.Post, "/_sim/exports", new JsonObject
        {
            ["clientId"] = _child.ClientId,
            ["memberId"] = memberId,
            ["externalJobPostingId"] = "JOB-7",
            ["seat"] = ContractHost.RecruiterSeat,
        });
        var requestId = export["requestId"]!.GetValue<string>();
        Assert.Single(await Exports.GetExportedCandidatesAsync(_child, requestId));

        // The member exercises their data rights on LinkedIn.
        await Host.ControlAsync(HttpMethod.Post, $"/_sim/members/{memberId}/purge", new JsonObject { ["clientId"] = _child.ClientId });

        var purged = Assert.Single(await Exports.GetPurgedExportedCandidatesAsync(_child, ContractHost.Org).ToListAsync());
        Assert.Equal(member["urn"]!.GetValue<string>(), purged.Member);
        Assert.Equal(requestId, purged.RequestId);
        Assert.True(purged.PurgedAt > 0);
        Assert.Empty(await Exports.GetExportedCandidatesAsync(_child, requestId));
    }
}
