using System.Net;
using LinkedIn.Recruiter.Tests.Infrastructure;

namespace LinkedIn.Recruiter.Tests;

public class IntegrationsTests
{
    private const string Org = "urn:li:organization:1001";
    private static readonly AtsIntegrationKey Export = new(Org, AtsIntegrationTypes.OneClickExport);
    private static readonly AtsIntegrationKey Indicator = new(Org, AtsIntegrationTypes.InAtsIndicator);

    private const string ExportKey = "integrationContext=urn%3Ali%3Aorganization%3A1001&integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER&dataProvider=ATS";
    private const string IndicatorKey = "integrationContext=urn%3Ali%3Aorganization%3A1001&integrationType=IN_ATS_INDICATOR&tenantType=RECRUITER&dataProvider=ATS";

    private static string T(string json) => json
        .Replace("%EK%", ExportKey, StringComparison.Ordinal)
        .Replace("%IK%", IndicatorKey, StringComparison.Ordinal)
        .Replace("%ORG%", Org, StringComparison.Ordinal)
        .Replace("%CAN%", Export.ToRestLiKey().ToCanonicalString(), StringComparison.Ordinal)
        .Replace("%CANI%", Indicator.ToRestLiKey().ToCanonicalString(), StringComparison.Ordinal);

    [Fact]
    public async Task SetIntegrationNamesAsync_TwoTypes_PostsBatchPartialUpdateWithCompoundKeys()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, T("""{"results":{"%EK%":{"status":204}},"errors":{"%IK%":{"status":400,"code":"VALIDATION_FAILED","message":"integrationName too long"}}}"""));

        var result = await host.Integrations.SetIntegrationNamesAsync(TestHost.ChildApp, new Dictionary<AtsIntegrationKey, string>
        {
            [Export] = "Contoso One-Click Export",
            [Indicator] = "Contoso In-ATS",
        });

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(
            "/v2/atsIntegrations?ids[0].integrationContext=urn%3Ali%3Aorganization%3A1001&ids[0].integrationType=ONE_CLICK_EXPORT&ids[0].tenantType=RECRUITER&ids[0].dataProvider=ATS" +
            "&ids[1].integrationContext=urn%3Ali%3Aorganization%3A1001&ids[1].integrationType=IN_ATS_INDICATOR&ids[1].tenantType=RECRUITER&ids[1].dataProvider=ATS",
            request.PathAndQuery);
        Assert.Equal("batch_partial_update", request.Header("X-RestLi-Method"));
        Assert.Equal("2.0.0", request.Header("X-RestLi-Protocol-Version"));
        Assert.Equal("Bearer tok-1", request.Header("Authorization"));
        Assert.Null(request.Header("LinkedIn-Version"));
        JsonAssert.Equal(
            T("""{"entities":{"%EK%":{"patch":{"$set":{"integrationName":"Contoso One-Click Export"}}},"%IK%":{"patch":{"$set":{"integrationName":"Contoso In-ATS"}}}}}"""),
            request.Body);
        Assert.Equal(204, result.Succeeded[Export]);
        var failure = Assert.Single(result.Failed);
        Assert.Equal(new BatchFailure<AtsIntegrationKey>(Indicator, 400, "VALIDATION_FAILED", "integrationName too long"), failure);
    }

    [Fact]
    public async Task GetIntegrationsAsync_ResponseKeysInCanonicalOrder_MatchesKeysAsDecodedMaps()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, T("""
            {"results":{"%CAN%":{"integrationContext":"%ORG%","integrationType":"ONE_CLICK_EXPORT","tenantType":"RECRUITER","dataProvider":"ATS","integrationName":"X","status":"ENABLED","lastModifiedAt":1764300000000}},
             "statuses":{"%CAN%":200},
             "errors":{"%CANI%":{"status":404,"code":"NOT_FOUND","message":"no such integration"}}}
            """));

        var result = await host.Integrations.GetIntegrationsAsync(TestHost.ChildApp, [Export, Indicator]);

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Null(request.Header("X-RestLi-Method"));
        Assert.StartsWith("/v2/atsIntegrations?ids[0].integrationContext=", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("ENABLED", result.Found[Export].Status);
        Assert.Equal(Export, result.Found[Export].ToKey());
        Assert.Equal(404, Assert.Single(result.Failed).Status);
    }

    [Fact]
    public async Task FindIntegrationsByRequestAsync_RequestId_CallsFinderAndReturnsElements()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, T("""{"elements":[{"integrationContext":"%ORG%","integrationType":"CSA_API","status":"REQUESTED"}],"paging":{"start":0,"count":10,"total":1}}"""));

        var found = await host.Integrations.FindIntegrationsByRequestAsync(TestHost.ChildApp, "req-1&x");

        Assert.Equal("/v2/atsIntegrations?q=request&requestId=req-1%26x", Assert.Single(host.Stub.ApiRequests).PathAndQuery);
        Assert.Equal("CSA_API", Assert.Single(found).IntegrationType);
    }

    [Fact]
    public async Task FindIntegrationsByRequestAsync_NotFound_ReturnsEmpty()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.NotFound, """{"status":404,"code":"NOT_FOUND","message":"unknown request"}""");

        Assert.Empty(await host.Integrations.FindIntegrationsByRequestAsync(TestHost.ChildApp, "req-1"));
    }

    [Fact]
    public async Task SetIntegrationConfigurationsAsync_CallbackUrl_PutsBatchUpdateUnderIntegrationKey()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"results":{"CALLBACK_URL":{"status":204}},"errors":{}}""");

        var result = await host.Integrations.SetIntegrationConfigurationsAsync(TestHost.ChildApp, Export, new Dictionary<string, string>
        {
            [AtsIntegrationTypes.CallbackUrlConfiguration] = "https://ats.example/linkedin/push?tenant=1",
        });

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal($"/v2/atsIntegrations/{ExportKey}/configurations?ids=CALLBACK_URL", request.PathAndQuery);
        Assert.Equal("batch_update", request.Header("X-RestLi-Method"));
        JsonAssert.Equal("""{"entities":{"CALLBACK_URL":{"configurationValue":{"string":"https://ats.example/linkedin/push?tenant=1"}}}}""", request.Body);
        Assert.True(result.AllSucceeded);
    }

    [Fact]
    public async Task GetIntegrationConfigurationsAsync_Viewers_ReturnsValues()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"results":{"JOB_POSTING_VIEWERS":{"configurationValue":{"string":"ALL_PRODUCT_USERS"}}},"errors":{}}""");

        var values = await host.Integrations.GetIntegrationConfigurationsAsync(TestHost.ChildApp, Export, ["JOB_POSTING_VIEWERS", "CALLBACK_URL"]);

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal($"/v2/atsIntegrations/{ExportKey}/configurations?ids=JOB_POSTING_VIEWERS&ids=CALLBACK_URL", request.PathAndQuery);
        Assert.Equal(new Dictionary<string, string> { ["JOB_POSTING_VIEWERS"] = "ALL_PRODUCT_USERS" }, values);
    }

    [Fact]
    public async Task DeleteIntegrationConfigurationsAsync_NoContent_AllSucceeded()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.NoContent));

        var result = await host.Integrations.DeleteIntegrationConfigurationsAsync(TestHost.ChildApp, Indicator, ["APPLICATION_VIEWERS"]);

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal($"/v2/atsIntegrations/{IndicatorKey}/configurations?ids=APPLICATION_VIEWERS", request.PathAndQuery);
        Assert.Equal(204, result.Succeeded["APPLICATION_VIEWERS"]);
    }
}
