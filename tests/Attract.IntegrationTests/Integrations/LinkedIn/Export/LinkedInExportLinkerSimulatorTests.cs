using System.Globalization;
using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Integrations.LinkedIn.Pulls;
using Attract.Web.Integrations.LinkedIn.Export;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Integrations.LinkedIn.Export;

/// <summary>The export link against the in-process simulator over real HTTP: it refuses <c>manualMatchedMember</c> (404) until the candidate is synced.</summary>
public class LinkedInExportLinkerSimulatorTests
{
    [Fact]
    public async Task LinkDue_SimulatorRefusesUntilCandidateSynced_EndsLinked()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync(contractLevel: false);
        var urn = (await linkedIn.MembersAsync())[14]!["urn"]!.ToString();
        var id = await linkedIn.Factory.CreateCandidateAsync("Grace", "Hopper");
        await linkedIn.WithDbAsync(async db =>
        {
            await db.Candidates.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LinkedInPersonUrn, urn)
                .SetProperty(c => c.Source, LinkedInExportProcessor.Source));
            db.OutboxMessages.Add(LinkedInExportLinker.Pending(id, LinkedInExportLinker.ExportActor, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        async Task<int> LinkDueAsync()
        {
            await using var scope = linkedIn.Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<LinkedInExportLinker>().LinkDueAsync();
        }
        Task<Attract.Core.Outbox.OutboxMessage> LinkAsync() => linkedIn.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(o => o.EntityType == LinkedInExportLinker.EntityType && o.EntityId == id));

        Assert.Equal(0, await LinkDueAsync()); // LinkedIn does not have the candidate yet

        var waiting = await LinkAsync();
        Assert.Null(waiting.ProcessedAtUtc);
        Assert.Contains("404", waiting.LastError);

        await linkedIn.SyncCandidateAsync(id, "Grace", "Hopper");
        await linkedIn.WithDbAsync(db => db.OutboxMessages.Where(o => o.Id == waiting.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedUntilUtc, DateTime.UtcNow.AddSeconds(-1)))); // the backoff has passed
        Assert.Equal(1, await LinkDueAsync());

        var linked = await LinkAsync();
        Assert.Equal((1, (string?)null), (linked.Attempts, linked.LastError));
        var key = new AtsCandidateKey(SimulatedLinkedIn.Organization, id.ToString(CultureInfo.InvariantCulture));
        var read = await linkedIn.Factory.Services.GetRequiredService<ILinkedInSyncClient>().GetCandidatesAsync(linkedIn.ChildApp, [key]);
        Assert.Equal(urn, read.Found[key].ManualMatchedMember);
    }
}
