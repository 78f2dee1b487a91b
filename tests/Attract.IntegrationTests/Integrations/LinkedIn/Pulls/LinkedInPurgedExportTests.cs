using System.Net;
using Attract.Core.Common;
using Attract.Core.LinkedIn;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attract.IntegrationTests.Integrations.LinkedIn.Pulls;

public class LinkedInPurgedExportTests
{
    [Fact]
    public async Task Erase_FlaggedCandidate_ErasesAndWritesOutboxDeleteAndMarksHandled()
    {
        using var factory = new AttractFactory();
        var candidateId = await factory.CreateCandidateAsync("Purged", "Member");
        var rowId = await factory.WithDbAsync(async db =>
        {
            var row = new LinkedInPurgedExport { PersonUrn = "urn:li:person:purged1", PurgedAtUtc = DateTime.UtcNow, CandidateId = candidateId };
            db.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        var admin = await factory.SignedInClientAsync("admin@contoso.test");
        var page = await admin.GetStringAsync("/Admin/LinkedIn/Purged");
        Assert.Contains("Purged Member", page, StringComparison.Ordinal);

        var response = await admin.PostFormAsync("/Admin/LinkedIn/Purged", new Dictionary<string, string>(), $"/Admin/LinkedIn/Purged?handler=Erase&id={rowId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Candidates.AnyAsync(c => c.Id == candidateId)));
        Assert.NotNull(await factory.WithDbAsync(db => db.Set<LinkedInPurgedExport>().Where(p => p.Id == rowId).Select(p => p.HandledAtUtc).SingleAsync()));
        Assert.True(await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.EntityType == "Candidate" && m.EntityId == candidateId && m.Operation == ChangeOperation.Deleted)));
    }

    [Fact]
    public async Task PurgedPage_Recruiter_IsForbidden()
    {
        using var factory = new AttractFactory();
        var client = await factory.SignedInClientAsync("recruiter@contoso.test");

        var response = await client.GetAsync("/Admin/LinkedIn/Purged");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
