using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LinkedIn.Simulator.Tests;

[Collection("browser")]
public sealed class BrowserTests : IAsyncLifetime
{
    private SimHost _sim = null!;
    private PushReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        // Like Attract (localhost:5080) and the simulator (localhost:5090): two ports of "localhost", cross-origin but same-site.
        _sim = await SimHost.StartAsync(o => o.Urls = $"http://localhost:{SimHost.FreePort()}");
        _receiver = await PushReceiver.StartAsync($"http://localhost:{SimHost.FreePort()}");
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _sim.DisposeAsync();
    }

    private static string Key(string type, string ctx = SimHost.Org) =>
        $"integrationContext={SimHost.Enc(ctx)}&integrationType={type}&tenantType=RECRUITER&dataProvider=ATS";

    private async Task SetCallbackAsync(SimHost.Child c)
    {
        var r = await _sim.SendAsync(HttpMethod.Put, $"/v2/atsIntegrations/{Key("ONE_CLICK_EXPORT")}/configurations?ids=CALLBACK_URL", c.Token, new JsonObject
        {
            ["entities"] = new JsonObject { ["CALLBACK_URL"] = new JsonObject { ["configurationValue"] = new JsonObject { ["string"] = _receiver.CallbackUrl } } },
        }, "batch_update");
        Assert.Empty(r.Json["errors"]!.AsObject());
    }

    private async Task NameAsync(SimHost.Child c, params (string Type, string Ctx)[] keys)
    {
        var entities = new JsonObject();
        foreach (var (t, ctx) in keys)
        {
            entities[Key(t, ctx)] = new JsonObject { ["patch"] = new JsonObject { ["$set"] = new JsonObject { ["integrationName"] = $"Contoso Attract {t}" } } };
        }
        var r = await _sim.SendAsync(HttpMethod.Post, "/v2/atsIntegrations", c.Token, new JsonObject { ["entities"] = entities }, "batch_partial_update");
        Assert.Empty(r.Json["errors"]!.AsObject());
    }

    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(_sim.BaseAddress + "/login?returnUrl=%2Frecruiter%2Fsearch");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "Passw0rd!");
        await page.ClickAsync("#sign-in");
        await Expect(page).ToHaveURLAsync(new Regex("/recruiter/search"));
    }

    [Fact]
    public Task LinkedInAdmin_EnablesCompanyAndContractLevel() => BrowserSupport.RunAsync(nameof(LinkedInAdmin_EnablesCompanyAndContractLevel), async context =>
    {
        var c = await _sim.ProvisionAsync(domains: [_receiver.BaseAddress]);
        _receiver.Secret = c.Secret;
        await SetCallbackAsync(c);
        var page = await context.NewPageAsync();
        var frame = await RequestBothLevelsInTheWidgetAsync(page, c);

        // LinkedIn Recruiter: Admin Settings -> ATS
        var admin = await context.NewPageAsync();
        await admin.GotoAsync(_sim.BaseAddress + "/recruiter/admin/ats");
        await Assertions.Expect(admin.Locator("#ats-tab")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator(".partner h2")).ToHaveTextAsync("Attract - Contoso");
        await admin.ClickAsync($"#toggle-company-{c.ClientId}");
        await Assertions.Expect(admin.Locator($"#state-company-{c.ClientId}")).ToHaveTextAsync("Enabled");
        var push1 = await _receiver.WaitForAsync(p => p.Body.Contains("INTEGRATION_STATUS_CHANGE"));
        Assert.True(push1.SignatureValid);
        await admin.ClickAsync($"#toggle-contract-7001-{c.ClientId}");
        await Assertions.Expect(admin.Locator($"#state-contract-7001-{c.ClientId}")).ToHaveTextAsync("Enabled");
        await Assertions.Expect(admin.Locator($"#state-contract-7002-{c.ClientId}")).ToHaveTextAsync("Not requested");
        // the change lists CSA_API, and the organization's types it includes (so the partner reads them again)
        var push2 = await _receiver.WaitForAsync(p => p != push1 && p.Body.Contains("INTEGRATION_STATUS_CHANGE"));
        var id2 = JsonNode.Parse(push2.Body)!["id"]!.GetValue<string>();
        var changed = (await _sim.GetAsync("/v2/atsIntegrations?q=request&requestId=" + id2, c.Token)).Json["elements"]!.AsArray();
        Assert.Equal(["CSA_API", "IN_ATS_INDICATOR", "ONE_CLICK_EXPORT", "PROFILE_PLUGIN"], changed.Select(e => e!["integrationType"]!.GetValue<string>()).Order().ToArray());
        Assert.All(changed, e => Assert.Equal("ENABLED", e!["status"]!.GetValue<string>()));
        // gating now lets the partner in
        var seats = await _sim.GetAsync($"/v2/seatsV2?q=attributes&contracts={SimHost.Enc(SimHost.Global)}&start=0", c.Token);
        Assert.Equal(HttpStatusCode.OK, seats.Status);
        await page.ReloadAsync();
        await Assertions.Expect(frame.Locator("#state-company")).ToHaveTextAsync("Enabled");

        // Company-level off: Contract-level access still includes its features; with Contract-level off too, they stop
        await admin.ClickAsync($"#toggle-company-{c.ClientId}");
        await Assertions.Expect(admin.Locator($"#state-company-{c.ClientId}")).ToHaveTextAsync(IncludedInContract);
        Assert.Equal(HttpStatusCode.OK, (await _sim.GetAsync("/v2/atsCandidates?" + SimHost.CandIds("x"), c.Token)).Status);
        await admin.ClickAsync($"#toggle-contract-7001-{c.ClientId}");
        await Assertions.Expect(admin.Locator($"#state-company-{c.ClientId}")).ToHaveTextAsync("Disabled");
        var denied = await _sim.GetAsync("/v2/atsCandidates?" + SimHost.CandIds("x"), c.Token);
        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
    });

    /// <summary>What "Included in Contract-level access" reads on Admin Settings → ATS.</summary>
    private const string IncludedInContract = "Included in Contract-level access";

    /// <summary>
    /// The partner's page with LinkedIn's onboarding widget: the admin signs in inside it and requests Company-level access
    /// (the page's <c>data-onintegrate</c> gets the organization's three integrations, which the partner names), then
    /// Contract-level access for Global (the partner stays silent; "Notify partner" re-sends the request, for CSA_API).
    /// </summary>
    private async Task<IFrameLocator> RequestBothLevelsInTheWidgetAsync(IPage page, SimHost.Child c)
    {
        _receiver.Pages["settings"] = $$"""
            <!DOCTYPE html><html><head><title>Attract – LinkedIn settings</title></head><body>
            <h1>Attract: connect LinkedIn</h1>
            <script>window.requests = []; function integrationRequest(integrations) { window.requests.push(integrations); }</script>
            <script type="text/javascript" src="{{_sim.BaseAddress}}/xdoor/scripts/in.js">
              api_key: {{c.ClientId}}
              extensions: ATSIntegrationWidget@{{_sim.BaseAddress}}/rsc/extensions/onboarding-widget
            </script>
            <script type="IN/ATSIntegrationWidget" data-supported-bundled-integration-types="RECRUITER_SYSTEM_CONNECT_COMPANY,RECRUITER_SYSTEM_CONNECT_CONTRACT" data-onintegrate="integrationRequest" data-width="760" data-height="520"></script>
            </body></html>
            """;
        await page.GotoAsync(_receiver.BaseAddress + "/page/settings");
        var frame = page.FrameLocator("iframe.IN-ATSIntegrationWidget");
        // no LinkedIn session yet: the iframe asks to sign in, and the session cookie then works inside the iframe
        await frame.Locator("#widget-sign-in").ClickAsync();
        await frame.Locator("#email").FillAsync("admin@linkedin.test");
        await frame.Locator("#password").FillAsync("Passw0rd!");
        await frame.Locator("#sign-in").ClickAsync();
        await Assertions.Expect(frame.Locator("text=Recruiter System Connect").First).ToBeVisibleAsync();
        await Assertions.Expect(frame.Locator("#state-company")).ToHaveTextAsync("Request");

        await frame.Locator("#request-company").ClickAsync();
        await page.WaitForFunctionAsync("() => window.requests.length === 1");
        var first = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.requests[0])"))!.AsArray();
        Assert.Equal(["IN_ATS_INDICATOR", "ONE_CLICK_EXPORT", "PROFILE_PLUGIN"], first.Select(i => i!["integrationType"]!.GetValue<string>()).Order().ToArray());
        Assert.All(first, i => Assert.Equal(SimHost.Org, i!["integrationContext"]!.GetValue<string>()));
        await NameAsync(c, ("IN_ATS_INDICATOR", SimHost.Org), ("ONE_CLICK_EXPORT", SimHost.Org), ("PROFILE_PLUGIN", SimHost.Org));
        await page.ReloadAsync();
        await Assertions.Expect(frame.Locator("#state-company")).ToHaveTextAsync("Partner ready");

        await frame.Locator("#request-contract-7001").ClickAsync();
        await page.WaitForFunctionAsync("() => window.requests.length === 1"); // (the page was reloaded: a fresh window.requests)
        await Assertions.Expect(frame.Locator("#state-contract-7001")).ToHaveTextAsync("Requested");
        await Task.Delay(_sim.Options.NotifyPartnerDelay + TimeSpan.FromMilliseconds(300));
        await page.ReloadAsync();
        await Assertions.Expect(frame.Locator("#state-contract-7001")).ToHaveTextAsync("Notify partner");
        await frame.Locator("#notify-contract-7001").ClickAsync();
        await page.WaitForFunctionAsync("() => window.requests.length === 1");
        var third = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.requests[0])"))!.AsArray();
        var csa = Assert.Single(third)!;
        Assert.Equal("CSA_API", csa["integrationType"]!.GetValue<string>());
        Assert.Equal(SimHost.Global, csa["integrationContext"]!.GetValue<string>());
        await NameAsync(c, ("CSA_API", SimHost.Global));
        await page.ReloadAsync();
        await Assertions.Expect(frame.Locator("#state-contract-7001")).ToHaveTextAsync("Partner ready");
        return frame;
    }

    [Fact]
    public Task LinkedInRecruiter_ExportsMemberToJob_SendsSignedPush() => BrowserSupport.RunAsync(nameof(LinkedInRecruiter_ExportsMemberToJob_SendsSignedPush), async context =>
    {
        var c = await _sim.EnabledChildAsync();
        _receiver.Secret = c.Secret;
        await SetCallbackAsync(c);
        var jobs = await _sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject
        {
            ["elements"] = new JsonArray(SimHost.Job("JOB-100", "Staff Data Engineer", "DE-7"), SimHost.Job("JOB-101", "Product Designer", "PD-1"), SimHost.Job("JOB-102", "Closed Data Role", "DE-8", state: "CLOSED")),
        }, "batch_create");
        Assert.Equal(HttpStatusCode.OK, jobs.Status);
        var member = (await _sim.MembersAsync(count: 120))[110]!;
        var page = await context.NewPageAsync();
        await SignInAsync(page, "recruiter@linkedin.test");
        await page.FillAsync("#q", member["firstName"]!.GetValue<string>() + " " + member["lastName"]!.GetValue<string>());
        await page.ClickAsync("#search");
        await page.ClickAsync($"a.member-link[href='/recruiter/profile/{member["id"]!.GetValue<string>()}']");
        await Assertions.Expect(page.Locator("#member-name")).ToHaveTextAsync(member["firstName"]!.GetValue<string>() + " " + member["lastName"]!.GetValue<string>());
        await page.FillAsync("#jobq", "DE-");
        await page.ClickAsync("#job-search-button");
        await Assertions.Expect(page.Locator("#job-JOB-100")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#job-JOB-101")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#job-JOB-102")).ToHaveCountAsync(0);
        await page.CheckAsync("#job-JOB-100");
        await page.ClickAsync("#export-button");
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Exported");

        var push = await _receiver.WaitForAsync(p => p.Body.Contains("EXPORT_CANDIDATE_PROFILE"));
        Assert.True(push.SignatureValid, "X-LI-Signature must be HMAC-SHA256(child secret, 'hmacsha256=' + body)");
        Assert.Matches("^[0-9a-f]{64}$", push.Signature);
        var requestId = JsonNode.Parse(push.Body)!["id"]!.GetValue<string>();
        var pulled = await _sim.GetAsync("/v2/exportedCandidates?q=request&requestId=" + requestId, c.Token);
        var e = Assert.Single(pulled.Json["elements"]!.AsArray())!;
        Assert.Equal(member["urn"]!.GetValue<string>(), e["member"]!.GetValue<string>());
        Assert.Equal("JOB-100", e["externalJobPostingId"]!.GetValue<string>());
        Assert.Equal("urn:li:seat:9002", e["exporter"]!["seat"]!.GetValue<string>());
        Assert.Equal(member["headline"]!.GetValue<string>(), e["headline"]!.GetValue<string>());
    });

    [Fact]
    public Task LinkedInRecruiter_ProfileShowsInAtsSectionAndChangeAts() => BrowserSupport.RunAsync(nameof(LinkedInRecruiter_ProfileShowsInAtsSectionAndChangeAts), async context =>
    {
        var c = await _sim.EnabledChildAsync();
        var other = await _sim.ProvisionAsync(name: "Second ATS - Contoso");
        await _sim.EnableAsync(other.ClientId);
        var member = (await _sim.MembersAsync(count: 130))[125]!;
        var email = member["email"]!.GetValue<string>();
        var cand = SimHost.Candidate(member["firstName"]!.GetValue<string>(), member["lastName"]!.GetValue<string>(), email);
        await _sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds("c-125"), c.Token, new JsonObject { ["entities"] = new JsonObject { [SimHost.CandKey("c-125")] = cand } }, "batch_update");
        await _sim.SendAsync(HttpMethod.Put, "/v2/atsApplications?" + SimHost.AppIds("a-125"), c.Token, new JsonObject
        {
            ["entities"] = new JsonObject
            {
                [SimHost.AppKey("a-125")] = new JsonObject { ["atsCandidateId"] = "c-125", ["atsCreatedAt"] = SimHost.Now - 10000, ["atsLastModifiedAt"] = SimHost.Now, ["atsJobPostingId"] = "JOB-9", ["atsJobPostingName"] = "Platform Engineer", ["firstName"] = "X" },
            },
        }, "batch_update");
        var appKey = SimHost.AppKey("a-125");
        await _sim.SendAsync(HttpMethod.Put, $"/v2/atsApplications/{appKey}/stages?ids=s1&ids=s2", c.Token, new JsonObject
        {
            ["entities"] = new JsonObject
            {
                ["s1"] = new JsonObject { ["atsCreatedAt"] = SimHost.Now - 5000, ["stage"] = "Phone Screen" },
                ["s2"] = new JsonObject { ["atsCreatedAt"] = SimHost.Now - 1000, ["stage"] = "Offer Extended" },
            },
        }, "batch_update");
        await _sim.SendAsync(HttpMethod.Put, $"/v2/atsApplications/{appKey}/interviewFeedback?ids=f1", c.Token, new JsonObject
        {
            ["entities"] = new JsonObject { ["f1"] = new JsonObject { ["atsCreatedAt"] = SimHost.Now, ["interviewer"] = new JsonObject { ["firstName"] = "Harper", ["lastName"] = "Manager" }, ["feedback"] = "Excellent systems design", ["interviewType"] = "ONSITE" } },
        }, "batch_update");
        await _sim.SendAsync(HttpMethod.Put, $"/v2/atsCandidates/{SimHost.CandKey("c-125")}/notes?ids=n1", c.Token, new JsonObject
        {
            ["entities"] = new JsonObject { ["n1"] = new JsonObject { ["atsCreatedAt"] = SimHost.Now, ["note"] = "Prefers remote", ["author"] = new JsonObject { ["firstName"] = "Riley", ["lastName"] = "Recruiter" } } },
        }, "batch_update");

        var page = await context.NewPageAsync();
        await SignInAsync(page, "recruiter@linkedin.test");
        await page.GotoAsync($"{_sim.BaseAddress}/recruiter/profile/{member["id"]!.GetValue<string>()}?ats={c.ClientId}");
        await Assertions.Expect(page.Locator("#change-ats")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#in-ats .latest-stage")).ToHaveTextAsync("Offer Extended");
        await Assertions.Expect(page.Locator("#in-ats .stage-history li")).ToHaveCountAsync(2);
        await page.ClickAsync("#tab-feedback");
        await Assertions.Expect(page.Locator("#pane-feedback")).ToContainTextAsync("Excellent systems design");
        await page.ClickAsync("#tab-notes");
        await Assertions.Expect(page.Locator("#pane-notes")).ToContainTextAsync("Prefers remote");
        // Change ATS to the second instance: the candidate is not there
        await page.SelectOptionAsync("#ats-select", other.ClientId);
        await page.ClickAsync("#change-ats-button");
        await Assertions.Expect(page.Locator("#in-ats-none")).ToBeVisibleAsync();
        // Save to project and a private note
        await page.FillAsync("#project-name", "Platform hiring");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#project-list")).ToContainTextAsync("Platform hiring");
        await page.FillAsync("#note-text", "Call back in May");
        await page.SelectOptionAsync("#note-visibility", "PRIVATE");
        await page.ClickAsync("#add-note");
        await Assertions.Expect(page.Locator("#note-list")).ToContainTextAsync("Call back in May");
    });

    [Fact]
    public Task Member_AcceptsInMail_SharesEmail_CreatesStub() => BrowserSupport.RunAsync(nameof(Member_AcceptsInMail_SharesEmail_CreatesStub), async context =>
    {
        var c = await _sim.EnabledChildAsync(contractLevel: true);
        var member = (await _sim.MembersAsync(count: 140))[133]!;
        var name = member["firstName"]!.GetValue<string>() + " " + member["lastName"]!.GetValue<string>();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "recruiter@linkedin.test");
        await page.GotoAsync($"{_sim.BaseAddress}/recruiter/profile/{member["id"]!.GetValue<string>()}");
        await page.FillAsync("#inmail-subject", "Staff Data Engineer at Contoso");
        await page.FillAsync("#inmail-body", $"Hi {member["firstName"]!.GetValue<string>()}, would you be open to a chat?");
        await page.ClickAsync("#send-inmail");
        await Assertions.Expect(page.Locator("#message")).ToHaveTextAsync("InMail sent.");
        await page.ClickAsync("header button:has-text('Sign out')");

        // the member side
        await page.GotoAsync(_sim.BaseAddress + "/login?returnUrl=%2Fmessaging");
        await page.FillAsync("#email", member["email"]!.GetValue<string>());
        await page.FillAsync("#password", "Passw0rd!");
        await page.ClickAsync("#sign-in");
        await page.ClickAsync("a.conversation-link:has-text('Staff Data Engineer at Contoso')");
        await page.FillAsync("#message-text", "Happy to talk!");
        await page.CheckAsync("#share-email");
        await page.ClickAsync("#accept");
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("shared your contact details");
        await Assertions.Expect(page.Locator(".event")).ToHaveCountAsync(2);

        var now = SimHost.Now;
        var stubs = await _sim.GetAsync($"/v2/mailStubs?q=contract&contract={SimHost.Enc(SimHost.Global)}&owners={SimHost.Enc("urn:li:seat:9002")}&createdDateStart={now - 600_000}&createdDateEnd={now + 60_000}&start=0&count=50", c.Token);
        var stub = Assert.Single(stubs.Json["elements"]!.AsArray())!;
        Assert.Equal(member["urn"]!.GetValue<string>(), stub["member"]!.GetValue<string>());
        Assert.Equal(member["email"]!.GetValue<string>(), stub["emailAddress"]!.GetValue<string>());
        Assert.Null(stub["phoneNumber"]);
        var events = await _sim.GetAsync($"/v2/conversationEvents?q=criteria&viewer={SimHost.Enc("urn:li:seat:9002")}&timeRange.start={now - 600_000}&timeRange.end={now + 60_000}&start=0&count=50", c.Token);
        var types = events.Json["elements"]!.AsArray().Select(e => e!["eventType"]!.GetValue<string>()).ToList();
        Assert.Equal(["INMAIL_SENT", "INMAIL_ACCEPTED"], types);
        Assert.Equal("Happy to talk!", events.Json["elements"]![1]!["body"]!.GetValue<string>());
        Assert.Equal(member["urn"]!.GetValue<string>(), events.Json["elements"]![1]!["sender"]!.GetValue<string>());
        _ = name;
    });

    [Fact]
    public Task HcmWidget_LinkAndPickAnotherMember_CallsOnLinkWithPersonUrn() => BrowserSupport.RunAsync(nameof(HcmWidget_LinkAndPickAnotherMember_CallsOnLinkWithPersonUrn), async context =>
    {
        var c = await _sim.ProvisionAsync(domains: [_receiver.BaseAddress]);
        await _sim.EnableAsync(c.ClientId);
        var member = (await _sim.MembersAsync(count: 150))[144]!;
        var cand = SimHost.Candidate(member["firstName"]!.GetValue<string>(), member["lastName"]!.GetValue<string>(), member["email"]!.GetValue<string>());
        await _sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds("hcm-1"), c.Token, new JsonObject { ["entities"] = new JsonObject { [SimHost.CandKey("hcm-1")] = cand } }, "batch_update");
        _receiver.Pages["candidate"] = $$"""
            <!DOCTYPE html><html><body><h1>Candidate hcm-1</h1>
            <script>window.linked = []; window.unlinked = []; function link(urn) { window.linked.push(urn); } function unlink(urn) { window.unlinked.push(urn); }</script>
            <script type="text/javascript" src="{{_sim.BaseAddress}}/xdoor/scripts/in.js">
              api_key: {{c.ClientId}}
              extensions: HcmWidget@{{_sim.BaseAddress}}/rsc/extensions/profile-widget
            </script>
            <script type="IN/HcmWidget" data-widget-type="ATS" data-ats-candidate-id="hcm-1" data-integration-context="{{SimHost.Org}}" data-show-unlink-url="true" data-onlink="link" data-onunlink="unlink" data-width="800" data-height="600"></script>
            </body></html>
            """;
        var page = await context.NewPageAsync();
        await SignInAsync(page, "recruiter@linkedin.test");
        await page.GotoAsync(_receiver.BaseAddress + "/page/candidate");
        var frame = page.FrameLocator("iframe.IN-HcmWidget");
        await Assertions.Expect(frame.Locator("#match-label")).ToHaveTextAsync("Suggested match");
        await frame.Locator("#link").ClickAsync();
        await page.WaitForFunctionAsync("() => window.linked.length === 1");
        Assert.Equal(member["urn"]!.GetValue<string>(), await page.EvaluateAsync<string>("() => window.linked[0]"));
        // Not the right person? -> search and pick Riley
        await frame.Locator("#not-right-person").ClickAsync();
        await frame.Locator("#member-search").FillAsync("Riley Recruiter");
        await frame.Locator("#member-search-button").ClickAsync();
        await frame.Locator("a.pick[data-urn='urn:li:person:rC7kLm']").ClickAsync();
        await frame.Locator("#link").ClickAsync();
        await page.WaitForFunctionAsync("() => window.linked.length === 2");
        Assert.Equal("urn:li:person:rC7kLm", await page.EvaluateAsync<string>("() => window.linked[1]"));
        // the partner persists the manual match; the widget then offers Unlink
        await _sim.SendAsync(HttpMethod.Post, "/v2/atsCandidates?" + SimHost.CandIds("hcm-1"), c.Token, new JsonObject
        {
            ["entities"] = new JsonObject { [SimHost.CandKey("hcm-1")] = new JsonObject { ["patch"] = new JsonObject { ["$set"] = new JsonObject { ["manualMatchedMember"] = "urn:li:person:rC7kLm" } } } },
        }, "batch_partial_update");
        await page.ReloadAsync();
        await Assertions.Expect(frame.Locator("#match-label")).ToHaveTextAsync("Linked");
        await Assertions.Expect(frame.Locator("#matched-name")).ToHaveTextAsync("Riley Recruiter");
        await frame.Locator("#unlink").ClickAsync();
        await page.WaitForFunctionAsync("() => window.unlinked.length === 1");
        Assert.Equal("urn:li:person:rC7kLm", await page.EvaluateAsync<string>("() => window.unlinked[0]"));
    });
}

[CollectionDefinition("browser", DisableParallelization = true)]
public sealed class BrowserCollection;
