using System.Net;

namespace LinkedIn.ContractTests;

public sealed class IntegrationsContractTests : ContractTestBase
{
    private static AtsIntegrationKey Key(string type, string context = ContractHost.Org) => ContractHost.Key(type, context);

    [Fact]
    public async Task GetIntegrationsAsync_NothingRequested_ShowsNotRequested()
    {
        var (_, child) = await Host.ProvisionAsync();

        var result = await Integrations.GetIntegrationsAsync(child, [Key(AtsIntegrationTypes.OneClickExport)]);

        var integration = Assert.Single(result.Found).Value;
        Assert.Equal("NOT_REQUESTED", integration.Status);
        Assert.Empty(result.Failed);
    }

    [Fact]
    public async Task SetIntegrationNamesAsync_AfterWidgetRequest_GetIntegrationsShowsPartnerReady()
    {
        var (_, child) = await Host.ProvisionAsync();
        await Host.WidgetRequestAsync(child, ContractHost.CompanyBundle, ContractHost.Org);
        var keys = ContractHost.OrgTypes.Select(t => Key(t)).ToList();

        var named = await Integrations.SetIntegrationNamesAsync(child, keys.ToDictionary(k => k, k => "Contoso Attract " + k.IntegrationType));

        Assert.True(named.AllSucceeded);
        Assert.Equal(3, named.Succeeded.Count);
        var read = await Integrations.GetIntegrationsAsync(child, keys);
        Assert.Empty(read.Failed);
        Assert.Equal(3, read.Found.Count);
        foreach (var key in keys)
        {
            var integration = read.Found[key];
            Assert.Equal("PARTNER_READY", integration.Status);
            Assert.Equal("Contoso Attract " + key.IntegrationType, integration.IntegrationName);
            Assert.Equal(key, integration.ToKey());
            Assert.True(integration.LastModifiedAt > 0);
        }
    }

    [Fact]
    public async Task FindIntegrationsByRequestAsync_WidgetRequestId_ReturnsTheBundleIntegrations()
    {
        var (_, child) = await Host.ProvisionAsync();
        var requestId = await Host.WidgetRequestAsync(child, ContractHost.CompanyBundle, ContractHost.Org);

        var requested = await Integrations.FindIntegrationsByRequestAsync(child, requestId);

        Assert.Equal(ContractHost.OrgTypes.Order(), requested.Select(i => i.IntegrationType).Order());
        Assert.All(requested, i => Assert.Equal("REQUESTED", i.Status));
        Assert.All(requested, i => Assert.Equal(ContractHost.Org, i.IntegrationContext));

        var contractRequestId = await Host.WidgetRequestAsync(child, ContractHost.ContractBundle, ContractHost.GlobalContract);
        var csa = Assert.Single(await Integrations.FindIntegrationsByRequestAsync(child, contractRequestId));
        Assert.Equal(AtsIntegrationTypes.CsaApi, csa.IntegrationType);
        Assert.Equal(ContractHost.GlobalContract, csa.IntegrationContext);
    }

    [Fact]
    public async Task FindIntegrationsByRequestAsync_UnknownRequestId_ReturnsEmpty()
    {
        var (_, child) = await Host.ProvisionAsync();

        var none = await Integrations.FindIntegrationsByRequestAsync(child, "req-does-not-exist");

        Assert.Empty(none);
    }

    [Fact]
    public async Task SetIntegrationConfigurationsAsync_CallbackUrlAndViewers_RoundTripThenDelete()
    {
        var (_, child) = await Host.ProvisionAsync();
        var export = Key(AtsIntegrationTypes.OneClickExport);
        var indicator = Key(AtsIntegrationTypes.InAtsIndicator);
        const string callback = "https://attract.contoso.test/linkedin/push?tenant=a%20b";

        var setExport = await Integrations.SetIntegrationConfigurationsAsync(child, export, new Dictionary<string, string>
        {
            [AtsIntegrationTypes.CallbackUrlConfiguration] = callback,
            [AtsIntegrationTypes.JobPostingViewersConfiguration] = AtsIntegrationTypes.AllProductUsers,
        });
        var setIndicator = await Integrations.SetIntegrationConfigurationsAsync(child, indicator, new Dictionary<string, string>
        {
            [AtsIntegrationTypes.ApplicationViewersConfiguration] = AtsIntegrationTypes.AllProductUsers,
        });

        Assert.True(setExport.AllSucceeded);
        Assert.Equal(2, setExport.Succeeded.Count);
        Assert.True(setIndicator.AllSucceeded);
        var exportConfig = await Integrations.GetIntegrationConfigurationsAsync(child, export, [AtsIntegrationTypes.CallbackUrlConfiguration, AtsIntegrationTypes.JobPostingViewersConfiguration]);
        Assert.Equal(callback, exportConfig[AtsIntegrationTypes.CallbackUrlConfiguration]);
        Assert.Equal(AtsIntegrationTypes.AllProductUsers, exportConfig[AtsIntegrationTypes.JobPostingViewersConfiguration]);
        var indicatorConfig = await Integrations.GetIntegrationConfigurationsAsync(child, indicator, [AtsIntegrationTypes.ApplicationViewersConfiguration, AtsIntegrationTypes.CallbackUrlConfiguration]);
        Assert.Equal(AtsIntegrationTypes.AllProductUsers, Assert.Single(indicatorConfig, p => p.Key == AtsIntegrationTypes.ApplicationViewersConfiguration).Value);
        Assert.DoesNotContain(AtsIntegrationTypes.CallbackUrlConfiguration, indicatorConfig.Keys);

        var deleted = await Integrations.DeleteIntegrationConfigurationsAsync(child, export, [AtsIntegrationTypes.CallbackUrlConfiguration]);

        Assert.True(deleted.AllSucceeded);
        Assert.Contains(AtsIntegrationTypes.CallbackUrlConfiguration, deleted.Succeeded.Keys);
        var after = await Integrations.GetIntegrationConfigurationsAsync(child, export, [AtsIntegrationTypes.CallbackUrlConfiguration, AtsIntegrationTypes.JobPostingViewersConfiguration]);
        Assert.DoesNotContain(AtsIntegrationTypes.CallbackUrlConfiguration, after.Keys);
        Assert.Equal(AtsIntegrationTypes.AllProductUsers, after[AtsIntegrationTypes.JobPostingViewersConfiguration]);
    }

    [Fact]
    public async Task SetIntegrationConfigurationsAsync_ViewersOnWrongIntegration_ReportsPerKeyFailure()
    {
        var (_, child) = await Host.ProvisionAsync();

        var result = await Integrations.SetIntegrationConfigurationsAsync(child, Key(AtsIntegrationTypes.InAtsIndicator), new Dictionary<string, string>
        {
            [AtsIntegrationTypes.JobPostingViewersConfiguration] = AtsIntegrationTypes.AllProductUsers,
            [AtsIntegrationTypes.ApplicationViewersConfiguration] = AtsIntegrationTypes.AllProductUsers,
        });

        var failure = Assert.Single(result.Failed);
        Assert.Equal(AtsIntegrationTypes.JobPostingViewersConfiguration, failure.Key);
        Assert.Equal((int)HttpStatusCode.BadRequest, failure.Status);
        Assert.Contains(AtsIntegrationTypes.ApplicationViewersConfiguration, result.Succeeded.Keys);
    }
}
