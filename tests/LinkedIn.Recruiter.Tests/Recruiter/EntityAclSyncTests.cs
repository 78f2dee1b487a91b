using System.Net;
using LinkedIn.Recruiter.Tests.Infrastructure;
using static LinkedIn.Recruiter.Tests.SyncTestData;

namespace LinkedIn.Recruiter.Tests;

/// <summary>The entity ACL and assignee writes and finders of the In-ATS sync client.</summary>
public class EntityAclSyncTests
{
    [Fact]
    public async Task UpsertEntityAclsAsync_Acl_PutsFiveFieldKeyWithEmptyEntity()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(r => EchoResults(r));

        await host.Acls.UpsertEntityAclsAsync(TestHost.ChildApp, [new AtsEntityAclKey(Org, "team-1", "JOB-1042")]);

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(
            "/v2/atsEntityAcls?ids[0].atsEntityAclId=team-1&ids[0].dataProvider=ATS&ids[0].integrationContext=" + OrgEnc + "&ids[0].atsEntityId=JOB-1042&ids[0].atsEntityType=JOB_POSTING",
            request.PathAndQuery);
        JsonAssert.Equal("""{"entities":{"atsEntityAclId=team-1&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001&atsEntityId=JOB-1042&atsEntityType=JOB_POSTING":{}}}""", request.Body);
    }

    [Fact]
    public async Task UpsertEntityAclAssigneesAsync_Assignee_EncodesPersonUrn()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(r => EchoResults(r));

        await host.Acls.UpsertEntityAclAssigneesAsync(TestHost.ChildApp, [new AtsEntityAclAssigneeKey(Org, "team-1", "urn:li:person:aB3xYz")]);

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal(
            "/v2/atsEntityAclAssignees?ids[0].atsEntityAclId=team-1&ids[0].integrationContext=" + OrgEnc + "&ids[0].dataProvider=ATS&ids[0].assignee=urn%3Ali%3Aperson%3AaB3xYz&ids[0].atsEntityType=JOB_POSTING",
            request.PathAndQuery);
    }

    [Fact]
    public async Task DeleteEntityAclAssigneesAsync_Assignee_SendsDelete()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.NoContent));

        await host.Acls.DeleteEntityAclAssigneesAsync(TestHost.ChildApp, [new AtsEntityAclAssigneeKey(Org, "team-1", "urn:li:person:x")]);

        Assert.Equal(HttpMethod.Delete, Assert.Single(host.Stub.ApiRequests).Method);
    }

    [Fact]
    public async Task FindEntityAclsAsync_JobPosting_CallsCriteriaFinderAndReturnsKeys()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"elements":[{"atsEntityAclId":"team-1","dataProvider":"ATS","integrationContext":"urn:li:organization:1001","atsEntityId":"JOB-1042","atsEntityType":"JOB_POSTING"}],"paging":{"start":0,"count":50,"total":1}}""");

        var keys = await host.Acls.FindEntityAclsAsync(TestHost.ChildApp, Org, "JOB-1042").ToListAsync();

        Assert.Equal(
            "/v2/atsEntityAcls?q=criteria&atsEntityId=JOB-1042&atsEntityType=JOB_POSTING&dataProvider=ATS&integrationContext=" + OrgEnc + "&start=0&count=50",
            Assert.Single(host.Stub.ApiRequests).PathAndQuery);
        Assert.Equal(new AtsEntityAclKey(Org, "team-1", "JOB-1042"), Assert.Single(keys));
    }

    [Fact]
    public async Task FindEntityAclAssigneesAsync_Assignee_CallsCriteriaFinderAndReturnsKeys()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"elements":[{"atsEntityAclId":"team-1","dataProvider":"ATS","integrationContext":"urn:li:organization:1001","assignee":"urn:li:person:p","atsEntityType":"JOB_POSTING"}],"paging":{"start":0,"count":50,"total":1}}""");

        var keys = await host.Acls.FindEntityAclAssigneesAsync(TestHost.ChildApp, Org, "urn:li:person:p").ToListAsync();

        Assert.Equal(
            "/v2/atsEntityAclAssignees?q=criteria&assignee=urn%3Ali%3Aperson%3Ap&dataProvider=ATS&integrationContext=" + OrgEnc + "&start=0&count=50",
            Assert.Single(host.Stub.ApiRequests).PathAndQuery);
        Assert.Equal(new AtsEntityAclAssigneeKey(Org, "team-1", "urn:li:person:p"), Assert.Single(keys));
    }
}
