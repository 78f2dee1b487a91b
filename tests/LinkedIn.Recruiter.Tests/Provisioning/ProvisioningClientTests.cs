using System.Net;
using LinkedIn.Recruiter.Tests.Infrastructure;

namespace LinkedIn.Recruiter.Tests;

public class ProvisioningClientTests
{
    private const string AppJson = """
        {"key":"urn:li:developerApplication:5001","uniqueForeignId":"tenant-1","name":"Acme ATS - Contoso","description":"d",
         "oauth2AuthorizedCallbackUrls":["https://ats.example/cb"],"validJsSdkDomains":["https://ats.example"],
         "credentials":{"clientId":"cid","clientSecret":"csecret"}}
        """;

    private static ProvisionApplicationRequest ValidRequest() => new()
    {
        UniqueForeignId = "tenant-1",
        Name = "Acme ATS - Contoso",
        Description = "d",
        Oauth2AuthorizedCallbackUrls = ["https://ats.example/cb"],
        ValidJsSdkDomains = ["https://ats.example", "http://localhost:5000"],
    };

    [Fact]
    public async Task CreateApplicationAsync_ValidRequest_PostsBodyWithParentTokenAndReturnsApp()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(_ =>
        {
            var r = StubHttpHandler.Json(HttpStatusCode.Created, AppJson);
            r.Headers.Add("X-RestLi-Id", "urn:li:developerApplication:5001");
            return r;
        });

        var app = await host.Provisioning.CreateApplicationAsync(ValidRequest());

        var token = Assert.Single(host.Stub.TokenRequests);
        Assert.Equal("grant_type=client_credentials&client_id=parent-id&client_secret=parent-secret", token.Body);
        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://api.test/v2/provisionedApplications", request.Uri.AbsoluteUri);
        Assert.Equal("Bearer tok-1", request.Header("Authorization"));
        Assert.Equal("2.0.0", request.Header("X-RestLi-Protocol-Version"));
        Assert.Equal("create", request.Header("X-RestLi-Method"));
        Assert.Equal("application/json", request.ContentType);
        JsonAssert.Equal(
            """{"uniqueForeignId":"tenant-1","name":"Acme ATS - Contoso","description":"d","oauth2AuthorizedCallbackUrls":["https://ats.example/cb"],"validJsSdkDomains":["https://ats.example","http://localhost:5000"]}""",
            request.Body);
        Assert.Equal("urn:li:developerApplication:5001", app.Key);
        Assert.Equal(new LinkedInAppCredentials("cid", "csecret"), app.ToAppCredentials());
    }

    [Fact]
    public async Task CreateApplicationAsync_BodyWithoutKey_TakesKeyFromRestLiIdHeader()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(_ =>
        {
            var r = StubHttpHandler.Json(HttpStatusCode.Created, """{"uniqueForeignId":"tenant-1","name":"n"}""");
            r.Headers.Add("X-RestLi-Id", "urn:li:developerApplication:77");
            return r;
        });

        var app = await host.Provisioning.CreateApplicationAsync(ValidRequest());

        Assert.Equal("urn:li:developerApplication:77", app.Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Acme LinkedIn Connector")]
    [InlineData("acme linkedin")]
    [InlineData("This name is definitely longer than fifty characters!")]
    public async Task CreateApplicationAsync_InvalidName_ThrowsBeforeSending(string name)
    {
        using var host = new TestHost();

        await Assert.ThrowsAsync<ArgumentException>(() => host.Provisioning.CreateApplicationAsync(ValidRequest() with { Name = name }));

        Assert.Empty(host.Stub.Requests);
    }

    [Fact]
    public async Task CreateApplicationAsync_NameOfExactlyFiftyChars_IsAccepted()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.Created, AppJson);

        await host.Provisioning.CreateApplicationAsync(ValidRequest() with { Name = new string('a', 50) });

        Assert.Single(host.Stub.ApiRequests);
    }

    [Theory]
    [InlineData("https://ats.example/")]
    [InlineData("https://ats.example/path")]
    [InlineData("ats.example")]
    [InlineData("ftp://ats.example")]
    public async Task CreateApplicationAsync_JsSdkDomainNotAnOrigin_Throws(string domain)
    {
        using var host = new TestHost();

        await Assert.ThrowsAsync<ArgumentException>(() => host.Provisioning.CreateApplicationAsync(ValidRequest() with { ValidJsSdkDomains = [domain] }));

        Assert.Empty(host.Stub.Requests);
    }

    [Fact]
    public async Task CreateApplicationAsync_Duplicate_ThrowsApiExceptionWithCode()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.Conflict, """{"status":409,"serviceErrorCode":0,"code":"DUPLICATE","message":"uniqueForeignId tenant-1 exists"}""");

        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() => host.Provisioning.CreateApplicationAsync(ValidRequest()));

        Assert.Equal(HttpStatusCode.Conflict, ex.StatusCode);
        Assert.Equal("DUPLICATE", ex.ErrorCode);
        Assert.Single(host.Stub.ApiRequests);
    }

    [Fact]
    public async Task UpdateApplicationAsync_Domains_PostsPartialUpdateToEncodedUrn()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.NoContent));

        await host.Provisioning.UpdateApplicationAsync(
            "urn:li:developerApplication:5001",
            new ProvisionedApplicationUpdate { ValidJsSdkDomains = ["https://ats.example"] });

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/v2/provisionedApplications/urn%3Ali%3AdeveloperApplication%3A5001", request.PathAndQuery);
        Assert.Equal("partial_update", request.Header("X-RestLi-Method"));
        JsonAssert.Equal("""{"patch":{"$set":{"validJsSdkDomains":["https://ats.example"]}}}""", request.Body);
    }

    [Fact]
    public async Task FindApplicationByUniqueForeignIdAsync_Found_ReturnsAppWithCredentials()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"elements":[""" + AppJson + """],"paging":{"start":0,"count":10}}""");

        var app = await host.Provisioning.FindApplicationByUniqueForeignIdAsync("tenant 1/x");

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/v2/provisionedApplications?q=credentialsByUniqueForeignId&uniqueForeignId=tenant%201%2Fx", request.PathAndQuery);
        Assert.Null(request.Header("X-RestLi-Method"));
        Assert.Equal("csecret", app!.Credentials!.ClientSecret);
    }

    [Fact]
    public async Task FindApplicationByUniqueForeignIdAsync_EmptyCollection_ReturnsNull()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"elements":[],"paging":{"start":0,"count":10}}""");

        Assert.Null(await host.Provisioning.FindApplicationByUniqueForeignIdAsync("tenant-1"));
    }

    [Fact]
    public async Task FindApplicationByUniqueForeignIdAsync_NotFound_ReturnsNull()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.NotFound, """{"status":404,"code":"NOT_FOUND","message":"none"}""");

        Assert.Null(await host.Provisioning.FindApplicationByUniqueForeignIdAsync("tenant-1"));
    }
}
