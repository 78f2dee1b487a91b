using System.Net;

namespace LinkedIn.ContractTests;

public sealed class GatingContractTests : ContractTestBase
{
    [Fact]
    public async Task UpsertCandidatesAsync_BeforeEnablement_ThrowsApiException403AccessDenied()
    {
        var (_, child) = await Host.ProvisionAsync();

        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() => Sync.UpsertCandidatesAsync(child, new Dictionary<AtsCandidateKey, AtsCandidate>
        {
            [Candidate("c-1")] = NewCandidate(),
        }));

        Assert.IsNotType<LinkedInAuthException>(ex);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal("ACCESS_DENIED", ex.ErrorCode);
    }

    [Fact]
    public async Task SubmitJobPostingsAsync_RequestedButNotEnabled_ThrowsApiException403AccessDenied()
    {
        var (_, child) = await Host.ProvisionAsync();
        await Host.WidgetRequestAsync(child, ContractHost.CompanyBundle, ContractHost.Org);

        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() => JobPostings.SubmitJobPostingsAsync(child, [SyncContractTests.Job("JOB-1")]));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal("ACCESS_DENIED", ex.ErrorCode);
    }

    [Fact]
    public async Task GetSeatsAsync_OnlyCompanyLevelEnabled_ThrowsApiException403AccessDenied()
    {
        var (_, child) = await Host.ProvisionAsync();
        await Host.EnableCompanyAsync(child);

        var ex = await Assert.ThrowsAsync<LinkedInApiException>(async () =>
        {
            await foreach (var _ in Prospects.GetSeatsAsync(child, ContractHost.GlobalContract))
            {
            }
        });

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal("ACCESS_DENIED", ex.ErrorCode);
    }
}
