using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Attract.BrowserTests.Infrastructure;
using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Testing;
using Microsoft.EntityFrameworkCore;

namespace Attract.BrowserTests.LinkedIn.Sync;

/// <summary>The drain against the real (in-process) simulator with its fault injection: no browser needed.</summary>
public sealed partial class SimulatorOutageTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private readonly KestrelAttractFactory _app = CreateApp();

    public void Dispose() => _app.Dispose();

    private static KestrelAttractFactory CreateApp()
    {
        var app = LinkedInScenario.CreateApp();
        app.Settings["LinkedIn:Recruiter:Resilience:MaxRetryAttempts"] = "0";
        return app;
    }

    [GeneratedRegex(@"atsCandidateId[:=](\d+)")]
    private static partial Regex CandidateIdInPath();

    [Fact]
    public async Task Drain_SimulatorOutage_RowsStayUnprocessedThenDeliveredOnce()
    {
        await LinkedInScenario.ConnectAsync(_app, contractLevel: false);
        var simulator = _app.SimulatorUrl();
        using var http = new HttpClient();
        await Eventually.TrueAsync(async () => (await _app.WithDbAsync(db => db.Set<Attract.Core.LinkedIn.LinkedInConnection>().AsNoTracking().SingleAsync())).BackfillQueuedAtUtc is not null,
            "the backfill to be queued", Wait, Poll);
        (await http.PostAsJsonAsync(simulator + "/_sim/faults", new { errorRate = 1.0 })).EnsureSuccessStatusCode();

        var candidateId = await _app.WithDbAsync(async db =>
        {
            var candidate = new Candidate { CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, Source = CandidateSources.Referral };
            candidate.SetName("Olive", "Outage");
            candidate.SetEmails(["olive.outage@example.com"]);
            db.Candidates.Add(candidate);
            await db.SaveChangesAsync();
            return candidate.Id;
        });
        await Eventually.TrueAsync(async () => await RowAsync(candidateId) is { Attempts: > 0, ProcessedAtUtc: null }, "a failed attempt during the outage", Wait, Poll);
        Assert.Equal(0, await DeliveredAsync(http, simulator, candidateId));

        (await http.DeleteAsync(simulator + "/_sim/faults")).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => await RowAsync(candidateId) is { ProcessedAtUtc: not null }, "the delivery after the outage", TimeSpan.FromSeconds(90), Poll);

        Assert.Equal(1, await DeliveredAsync(http, simulator, candidateId));
    }

    private Task<Attract.Core.Outbox.OutboxMessage?> RowAsync(int candidateId) => _app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
        .Where(o => o.EntityType == TrackedTypes.Candidate && o.EntityId == candidateId).OrderByDescending(o => o.Id).FirstOrDefaultAsync());

    /// <summary>Successful candidate upserts that carried the candidate, from the simulator's request log.</summary>
    private static async Task<int> DeliveredAsync(HttpClient http, string simulator, int candidateId)
    {
        var log = JsonNode.Parse(await http.GetStringAsync(simulator + "/_sim/requests?limit=1000"))!.AsArray();
        return log.Count(r => (string?)r!["method"] == "PUT" && (int?)r["status"] == 200
            && Uri.UnescapeDataString((string?)r["path"] ?? "") is var path && path.Contains("/atsCandidates", StringComparison.Ordinal)
            && CandidateIdInPath().Matches(path).Any(m => m.Groups[1].Value == candidateId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
