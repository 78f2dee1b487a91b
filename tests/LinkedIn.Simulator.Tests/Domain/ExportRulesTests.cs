using System.Net;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Tests;

/// <summary>1-Click Export rules: open synced jobs only, and job visibility by the ATS ACLs.</summary>
public sealed class ExportRulesTests : SimHostTest
{
    [Fact]
    public async Task JobPostingViewers_AclBased_OnlyAssigneesCanExport()
    {
        var c = await Sim.EnabledChildAsync();
        await Sim.SetConfigurationAsync(c, "ONE_CLICK_EXPORT", "JOB_POSTING_VIEWERS", "ACL_BASED");
        await Sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("J-ACL")) }, "batch_create");
        var org = SimHost.Enc(SimHost.Org);
        var aclKey = $"atsEntityAclId=team-a&atsEntityId=J-ACL&atsEntityType=JOB_POSTING&dataProvider=ATS&integrationContext={org}";
        await Sim.SendAsync(HttpMethod.Put, "/v2/atsEntityAcls", c.Token, new JsonObject { ["entities"] = new JsonObject { [aclKey] = new JsonObject() } }, "batch_update");
        var assigneeKey = $"assignee={SimHost.Enc("urn:li:person:rC7kLm")}&atsEntityAclId=team-a&atsEntityType=JOB_POSTING&dataProvider=ATS&integrationContext={org}";
        await Sim.SendAsync(HttpMethod.Put, "/v2/atsEntityAclAssignees", c.Token, new JsonObject { ["entities"] = new JsonObject { [assigneeKey] = new JsonObject() } }, "batch_update");
        var riley = await Sim.SendAsync(HttpMethod.Post, "/_sim/exports", null, new JsonObject { ["clientId"] = c.ClientId, ["memberId"] = "cS8tUv", ["externalJobPostingId"] = "J-ACL", ["seat"] = "urn:li:seat:9002" });
        Assert.Equal(HttpStatusCode.OK, riley.Status);
        var casey = await Sim.SendAsync(HttpMethod.Post, "/_sim/exports", null, new JsonObject { ["clientId"] = c.ClientId, ["memberId"] = "rC7kLm", ["externalJobPostingId"] = "J-ACL", ["seat"] = "urn:li:seat:9004" });
        Assert.Equal(HttpStatusCode.BadRequest, casey.Status);
    }

    [Fact]
    public async Task Export_ClosedOrUnknownJob_IsRejected()
    {
        var c = await Sim.EnabledChildAsync();
        await Sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("J-C")) }, "batch_create");
        var close = await Sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("J-C", op: "CLOSE", state: "CLOSED")) }, "batch_create");
        Assert.Equal(202, close.Json["elements"]![0]!["status"]!.GetValue<int>());
        var closed = await Sim.SendAsync(HttpMethod.Post, "/_sim/exports", null, new JsonObject { ["clientId"] = c.ClientId, ["memberId"] = "rC7kLm", ["externalJobPostingId"] = "J-C" });
        Assert.Equal(HttpStatusCode.BadRequest, closed.Status);
        var renew = await Sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("J-C", op: "RENEW")) }, "batch_create");
        Assert.Equal(202, renew.Json["elements"]![0]!["status"]!.GetValue<int>());
        var reopened = await Sim.SendAsync(HttpMethod.Post, "/_sim/exports", null, new JsonObject { ["clientId"] = c.ClientId, ["memberId"] = "rC7kLm", ["externalJobPostingId"] = "J-C" });
        Assert.Equal(HttpStatusCode.OK, reopened.Status);
    }
}
