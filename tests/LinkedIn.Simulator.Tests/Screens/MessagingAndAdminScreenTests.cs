using System.Net;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Tests;

/// <summary>The messaging and Admin Settings → ATS screens.</summary>
public sealed class MessagingAndAdminScreenTests : SimHostTest
{
    [Fact]
    public async Task Messaging_MemberRepliesAndRecruiterAnswers_ProducesReplyEvents()
    {
        var c = await Sim.EnabledChildAsync(contractLevel: true);
        var member = (await Sim.MembersAsync(count: 200))[190]!;
        var send = await Sim.SendAsync(HttpMethod.Post, "/_sim/inmails", null, new JsonObject { ["seat"] = "urn:li:seat:9002", ["memberId"] = member["id"]!.GetValue<string>(), ["subject"] = "Hello" });
        var conv = send.Json["conversationId"]!.GetValue<string>();
        var memberCookie = await Sim.SignInAsync(member["email"]!.GetValue<string>());
        var decline = await Sim.FormAsync($"/messaging/{conv}/respond", new Dictionary<string, string> { ["action"] = "reply", ["message"] = "Tell me more" }, memberCookie);
        Assert.Equal(HttpStatusCode.Redirect, decline.Status);
        var recruiterCookie = await Sim.SignInAsync("recruiter@linkedin.test");
        var reply = await Sim.FormAsync($"/messaging/{conv}/recruiter-reply", new Dictionary<string, string> { ["message"] = "Sure, details attached" }, recruiterCookie);
        Assert.Equal(HttpStatusCode.Redirect, reply.Status);
        var other = await Sim.FormAsync($"/messaging/{conv}/recruiter-reply", new Dictionary<string, string> { ["message"] = "x" }, await Sim.SignInAsync("casey.colleague@linkedin.test"));
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        var declined = await Sim.FormAsync($"/messaging/{conv}/respond", new Dictionary<string, string> { ["action"] = "decline" }, memberCookie);
        Assert.Equal(HttpStatusCode.Redirect, declined.Status);
        var now = SimHost.Now;
        var events = await Sim.GetAsync($"/v2/conversationEvents?q=criteria&viewer={SimHost.Enc("urn:li:seat:9002")}&timeRange.start={now - 600_000}&timeRange.end={now + 60_000}&count=50", c.Token);
        var list = events.Json["elements"]!.AsArray().Where(e => e!["conversation"]!.GetValue<string>().EndsWith(conv)).ToList();
        Assert.Equal(["INMAIL_SENT", "INMAIL_REPLY", "INMAIL_REPLY", "INMAIL_DECLINED"], list.Select(e => e!["eventType"]!.GetValue<string>()).ToArray());
        Assert.Equal(member["urn"]!.GetValue<string>(), list[1]!["sender"]!.GetValue<string>());
        Assert.Equal("urn:li:seat:9002", list[2]!["sender"]!.GetValue<string>());
        var stubs = await Sim.GetAsync($"/v2/mailStubs?q=contract&contract={SimHost.Enc(SimHost.Global)}&owners={SimHost.Enc("urn:li:seat:9002")}", c.Token);
        Assert.DoesNotContain(stubs.Json["elements"]!.AsArray(), e => e!["member"]!.GetValue<string>() == member["urn"]!.GetValue<string>());
    }

    [Fact]
    public async Task AdminAts_NonAdminOrNotPartnerReady_CannotEnable()
    {
        var c = await Sim.ProvisionAsync();
        var recruiter = await Sim.SignInAsync("recruiter@linkedin.test");
        var page = await Sim.PageAsync("/recruiter/admin/ats", recruiter);
        Assert.Contains("not-admin", page.Body);
        var forbidden = await Sim.FormAsync("/recruiter/admin/ats/toggle", new Dictionary<string, string>
        {
            ["client"] = c.ClientId,
            ["bundle"] = "RECRUITER_SYSTEM_CONNECT_COMPANY",
            ["context"] = SimHost.Org,
            ["enable"] = "true",
        }, recruiter);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        var admin = await Sim.SignInAsync("admin@linkedin.test");
        var notReady = await Sim.FormAsync("/recruiter/admin/ats/toggle", new Dictionary<string, string>
        {
            ["client"] = c.ClientId,
            ["bundle"] = "RECRUITER_SYSTEM_CONNECT_COMPANY",
            ["context"] = SimHost.Org,
            ["enable"] = "true",
        }, admin);
        Assert.Equal(HttpStatusCode.Redirect, notReady.Status);
        Assert.Contains("Partner", Uri.UnescapeDataString(notReady.Headers.Location!.ToString()));
        var key = $"ids[0].integrationContext={SimHost.Enc(SimHost.Org)}&ids[0].integrationType=ONE_CLICK_EXPORT&ids[0].tenantType=RECRUITER&ids[0].dataProvider=ATS";
        var g = await Sim.GetAsync("/v2/atsIntegrations?" + key, c.Token);
        Assert.Equal("NOT_REQUESTED", g.Json["results"]!.AsObject().Single().Value!["status"]!.GetValue<string>());
    }
}
