using System.Net;
using LinkedIn.Recruiter.Tests.Infrastructure;

namespace LinkedIn.Recruiter.Tests;

public class ExportAndInteractionsTests
{
    private const string Contract = "urn:li:contract:7001";
    private const string Seat = "urn:li:seat:9001";
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetExportedCandidatesAsync_RequestId_ReturnsTypedCandidates()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """
            {"elements":[{"id":"exp-1","requestId":"req-1","member":"urn:li:person:aB3xYz","firstName":"Maya","lastName":"Okafor","headline":"Senior Backend Engineer at Fabrikam",
             "location":{"city":"Seattle","region":"Washington","countryCode":"us"},"publicProfileUrl":"https://www.linkedin.com/in/maya-okafor-12ab",
             "emailAddress":null,"phoneNumber":null,"currentCompanyName":"Fabrikam","currentTitle":"Senior Backend Engineer",
             "externalJobPostingId":"JOB-1042","integrationContext":"urn:li:organization:1001",
             "exporter":{"seat":"urn:li:seat:9002","member":"urn:li:person:r1","contract":"urn:li:contract:7001"},"exportedAt":1764300000000}],
             "paging":{"start":0,"count":10,"total":1}}
            """);

        var candidates = await host.Exports.GetExportedCandidatesAsync(TestHost.ChildApp, "req-1");

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/v2/exportedCandidates?q=request&requestId=req-1", request.PathAndQuery);
        Assert.Equal("Bearer tok-1", request.Header("Authorization"));
        var c = Assert.Single(candidates);
        Assert.Equal("urn:li:person:aB3xYz", c.Member);
        Assert.Equal("Seattle", c.Location!.City);
        Assert.Equal("urn:li:seat:9002", c.Exporter!.Seat);
        Assert.Null(c.EmailAddress);
        Assert.Equal(1764300000000, c.ExportedAt);
    }

    [Fact]
    public async Task GetPurgedExportedCandidatesAsync_TwoPages_SendsLinkedInVersionAndPages()
    {
        using var host = new TestHost(o => o.PageSize = 2);
        host.Stub.Enqueue(HttpStatusCode.OK, """{"elements":[{"member":"urn:li:person:1","requestId":"r1","purgedAt":1},{"member":"urn:li:person:2","requestId":"r2","purgedAt":2}],"paging":{"start":0,"count":2,"total":3}}""");
        host.Stub.Enqueue(HttpStatusCode.OK, """{"elements":[{"member":"urn:li:person:3","requestId":"r3","purgedAt":3}],"paging":{"start":2,"count":2,"total":3}}""");

        var purged = await host.Exports.GetPurgedExportedCandidatesAsync(TestHost.ChildApp, "urn:li:organization:1001").ToListAsync();

        Assert.Equal(["urn:li:person:1", "urn:li:person:2", "urn:li:person:3"], purged.Select(p => p.Member));
        var requests = host.Stub.ApiRequests;
        Assert.Equal(
            [
                "/rest/atsPurgedExportedCandidates?q=integrationContext&integrationContext=urn%3Ali%3Aorganization%3A1001&start=0&count=2",
                "/rest/atsPurgedExportedCandidates?q=integrationContext&integrationContext=urn%3Ali%3Aorganization%3A1001&start=2&count=2",
            ],
            requests.Select(r => r.PathAndQuery));
        Assert.All(requests, r => Assert.Equal("202603", r.Header("LinkedIn-Version")));
        Assert.All(requests, r => Assert.Equal("2.0.0", r.Header("X-RestLi-Protocol-Version")));
    }

    [Fact]
    public async Task GetSeatsAsync_NoTotal_StopsOnShortPage()
    {
        using var host = new TestHost(o => o.PageSize = 2);
        host.Stub.Enqueue(HttpStatusCode.OK, """{"elements":[{"id":"urn:li:seat:1","contract":"urn:li:contract:7001","member":"urn:li:person:a","active":true,"seatType":"RECRUITER_PROFESSIONAL","firstName":"A","lastName":"B"},{"id":"urn:li:seat:2"}],"paging":{"start":0,"count":2}}""");
        host.Stub.Enqueue(HttpStatusCode.OK, """{"elements":[{"id":"urn:li:seat:3"}],"paging":{"start":2,"count":2}}""");

        var seats = await host.Prospects.GetSeatsAsync(TestHost.ChildApp, Contract).ToListAsync();

        Assert.Equal(["urn:li:seat:1", "urn:li:seat:2", "urn:li:seat:3"], seats.Select(s => s.Id));
        Assert.Equal("RECRUITER_PROFESSIONAL", seats[0].SeatType);
        Assert.Equal(
            ["/v2/seatsV2?q=attributes&contracts=urn%3Ali%3Acontract%3A7001&start=0&count=2", "/v2/seatsV2?q=attributes&contracts=urn%3Ali%3Acontract%3A7001&start=2&count=2"],
            host.Stub.ApiRequests.Select(r => r.PathAndQuery));
        Assert.All(host.Stub.ApiRequests, r => Assert.Null(r.Header("LinkedIn-Version")));
    }

    [Fact]
    public async Task GetSeatsLegacyAsync_ActiveOnly_UsesSeatsByAttributes()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"elements":[],"paging":{"start":0,"count":50}}""");

        Assert.Empty(await host.Prospects.GetSeatsLegacyAsync(TestHost.ChildApp, Contract).ToListAsync());

        Assert.Equal("/v2/seats?q=seatsByAttributes&contracts=urn%3Ali%3Acontract%3A7001&active=true&start=0&count=50", Assert.Single(host.Stub.ApiRequests).PathAndQuery);
    }

    [Fact]
    public async Task GetConversationEventsAsync_ThirtyHours_ThreeWindowsOfAtMostTwelveHours()
    {
        using var host = new TestHost();
        host.Stub.Fallback = r => StubHttpHandler.Json(HttpStatusCode.OK, r.PathAndQuery.Contains("timeRange.start=" + T0.ToUnixTimeMilliseconds(), StringComparison.Ordinal)
            ? """{"elements":[{"id":"e1","conversation":"urn:li:conversation:1","eventType":"INMAIL_SENT","sender":"urn:li:seat:9001","seat":"urn:li:seat:9001","prospect":"urn:li:person:p","subject":"Hi","body":"Hello","createdAt":1}],"paging":{"start":0,"count":50}}"""
            : """{"elements":[],"paging":{"start":0,"count":50}}""");

        var events = await host.Prospects.GetConversationEventsAsync(TestHost.ChildApp, Seat, T0, T0.AddHours(30)).ToListAsync();

        Assert.Equal("INMAIL_SENT", Assert.Single(events).EventType);
        var ms = (DateTimeOffset t) => t.ToUnixTimeMilliseconds();
        Assert.Equal(
            [
                $"/v2/conversationEvents?q=criteria&viewer=urn%3Ali%3Aseat%3A9001&timeRange.start={ms(T0)}&timeRange.end={ms(T0.AddHours(12))}&start=0&count=50",
                $"/v2/conversationEvents?q=criteria&viewer=urn%3Ali%3Aseat%3A9001&timeRange.start={ms(T0.AddHours(12))}&timeRange.end={ms(T0.AddHours(24))}&start=0&count=50",
                $"/v2/conversationEvents?q=criteria&viewer=urn%3Ali%3Aseat%3A9001&timeRange.start={ms(T0.AddHours(24))}&timeRange.end={ms(T0.AddHours(30))}&start=0&count=50",
            ],
            host.Stub.ApiRequests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task GetMailStubsAsync_Window_SendsContractOwnersAndCreatedDates()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"elements":[{"id":"m1","member":"urn:li:person:p","firstName":"P","lastName":"Q","emailAddress":"p@example.com","phoneNumber":null,"owner":"urn:li:seat:9001","contract":"urn:li:contract:7001","createdAt":5}],"paging":{"start":0,"count":50}}""");

        var stubs = await host.Prospects.GetMailStubsAsync(TestHost.ChildApp, Contract, Seat, T0, T0.AddHours(1)).ToListAsync();

        Assert.Equal("p@example.com", Assert.Single(stubs).EmailAddress);
        Assert.Equal(
            $"/v2/mailStubs?q=contract&contract=urn%3Ali%3Acontract%3A7001&owners=urn%3Ali%3Aseat%3A9001&createdDateStart={T0.ToUnixTimeMilliseconds()}&createdDateEnd={T0.AddHours(1).ToUnixTimeMilliseconds()}&start=0&count=50",
            Assert.Single(host.Stub.ApiRequests).PathAndQuery);
    }

    [Fact]
    public async Task GetProspectNotesAsync_Window_SendsBeforeAndCutoffDates()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"elements":[{"id":"pn1","prospect":"urn:li:person:p","owner":"urn:li:seat:9001","contract":"urn:li:contract:7001","note":"Great fit","visibility":"PUBLIC","active":false,"createdAt":1,"lastModifiedAt":2}],"paging":{"start":0,"count":50}}""");

        var notes = await host.Prospects.GetProspectNotesAsync(TestHost.ChildApp, Contract, Seat, T0, T0.AddHours(2)).ToListAsync();

        Assert.False(Assert.Single(notes).Active);
        Assert.Equal(
            $"/v2/prospectNotes?q=criteria&contract=urn%3Ali%3Acontract%3A7001&owners=urn%3Ali%3Aseat%3A9001&beforeDate={T0.AddHours(2).ToUnixTimeMilliseconds()}&cutoffDate={T0.ToUnixTimeMilliseconds()}&start=0&count=50",
            Assert.Single(host.Stub.ApiRequests).PathAndQuery);
    }

    [Fact]
    public async Task GetMeAsync_MemberToken_UsesItWithoutAppToken()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"id":"aB3xYz","localizedFirstName":"Avery","localizedLastName":"Admin","localizedHeadline":"Talent Acquisition Lead"}""");

        var me = await host.MemberClient.GetMeAsync("member-token");

        var request = Assert.Single(host.Stub.Requests);
        Assert.Equal("https://api.test/v2/me", request.Uri.AbsoluteUri);
        Assert.Equal("Bearer member-token", request.Header("Authorization"));
        Assert.Equal("urn:li:person:aB3xYz", me.PersonUrn);
        Assert.Equal("Avery", me.LocalizedFirstName);
    }

    [Fact]
    public async Task GetMeAsync_Unauthorized_ThrowsAuthExceptionWithoutRefresh()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.Unauthorized, """{"status":401,"serviceErrorCode":65601,"code":"EXPIRED_ACCESS_TOKEN","message":"The token used in the request has expired"}""");

        var ex = await Assert.ThrowsAsync<LinkedInAuthException>(() => host.MemberClient.GetMeAsync("member-token"));

        Assert.Equal(65601, ex.ServiceErrorCode);
        Assert.Equal("EXPIRED_ACCESS_TOKEN", ex.ErrorCode);
        Assert.Single(host.Stub.Requests);
    }

    [Fact]
    public async Task GetRecruiterContractsAsync_MemberToken_ReturnsContracts()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"elements":[{"id":"urn:li:contract:7001","name":"Contoso – Global","organization":"urn:li:organization:1001","seat":"urn:li:seat:9001","admin":true,"selected":true}],"paging":{"start":0,"count":10}}""");

        var contracts = await host.MemberClient.GetRecruiterContractsAsync("member-token");

        var request = Assert.Single(host.Stub.Requests);
        Assert.Equal("/v2/recruiterContracts?q=viewer", request.PathAndQuery);
        Assert.Equal("Bearer member-token", request.Header("Authorization"));
        var c = Assert.Single(contracts);
        Assert.True(c.Selected);
        Assert.True(c.Admin);
        Assert.Equal("Contoso – Global", c.Name);
    }
}
