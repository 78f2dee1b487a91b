using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Soak;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.EndToEnd;

/// <summary>
/// What users feel of the sync. A change: a recruiter adds a candidate on Attract's page (the POST answered), until LinkedIn
/// has acknowledged it (the candidate's outbox row processed, stamped after LinkedIn's 2xx). An export: a recruiter
/// exports a member in LinkedIn Recruiter, until the candidate is in the job's Prospect stage in Attract; and how long
/// LinkedIn's push of it waited for Attract's answer (the push seen delivered).
/// </summary>
public static class Lag
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan GiveUp = TimeSpan.FromMinutes(2);
    private static int _serial;

    public static async Task<Percentiles> SingleAsync(HttpClient recruiter, string attractUrl, ServiceProvider database, int samples, CancellationToken ct)
    {
        var lags = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            lags.Add(await OneChangeAsync(recruiter, attractUrl, database, ct));
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
        return Percentiles.Of(lags);
    }

    public static async Task<Percentiles> BurstAsync(HttpClient recruiter, string attractUrl, ServiceProvider database, int size, CancellationToken ct) =>
        Percentiles.Of(await Task.WhenAll(Enumerable.Range(0, size).Select(_ => OneChangeAsync(recruiter, attractUrl, database, ct))));

    private static async Task<double> OneChangeAsync(HttpClient recruiter, string attractUrl, ServiceProvider database, CancellationToken ct)
    {
        var n = Interlocked.Increment(ref _serial);
        var token = await SoakConnect.TokenAsync(recruiter, attractUrl + "/Candidates/Create", ct);
        var clock = Stopwatch.StartNew();
        var created = await SoakConnect.PostFormAsync(recruiter, attractUrl + "/Candidates/Create", new()
        {
            ["Input.FirstName"] = "Lag",
            ["Input.LastName"] = $"Sample{n}-{Guid.NewGuid():N}"[..20],
            ["Input.Emails"] = $"lag.{n}.{Guid.NewGuid():N}@bench.test",
            ["Input.Source"] = CandidateSources.Sourced,
            ["__RequestVerificationToken"] = token,
        }, ct);
        if (created.StatusCode != HttpStatusCode.Redirect || created.Headers.Location is not { } location)
        {
            throw new InvalidOperationException($"Adding a candidate answered {(int)created.StatusCode}, not a redirect to the new candidate.");
        }
        var id = int.Parse(location.OriginalString.Split('?')[0].Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await UntilAsync(() => SoakRun.WithDbAsync(database, db => db.OutboxMessages
            .AnyAsync(o => o.EntityType == TrackedTypes.Candidate && o.EntityId == id && o.ProcessedAtUtc != null, ct)), "candidate " + id + " to reach LinkedIn", ct);
        return clock.Elapsed.TotalMilliseconds;
    }

    public static async Task<(Percentiles ToProspect, Percentiles PushAnswer)> ExportsAsync(HttpClient sim, ServiceProvider database, string childClientId,
        IReadOnlyList<string> members, string jobCode, CancellationToken ct)
    {
        var toProspect = new List<double>();
        var pushAnswer = new List<double>();
        foreach (var member in members)
        {
            var before = await PushIdsAsync(sim, childClientId, ct);
            var applications = await ApplicationsAsync(database, jobCode, ct);
            var clock = Stopwatch.StartNew();
            if (!await SoakTraffic.TryExportAsync(sim, childClientId, member, jobCode, ct))
            {
                throw new InvalidOperationException($"LinkedIn refused the export of {member} to {jobCode}.");
            }
            double? answered = null;
            double? inProspect = null;
            var deadline = DateTime.UtcNow + GiveUp;
            while (answered is null || inProspect is null)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"The export of {member} did not reach Prospect (push answered: {answered is not null}) in {GiveUp.TotalSeconds:0} s.");
                }
                if (answered is null && await DeliveredAsync(sim, childClientId, before, ct))
                {
                    answered = clock.Elapsed.TotalMilliseconds;
                }
                if (inProspect is null && await ApplicationsAsync(database, jobCode, ct) > applications)
                {
                    inProspect = clock.Elapsed.TotalMilliseconds;
                }
                await Task.Delay(Poll, ct);
            }
            toProspect.Add(inProspect.Value);
            pushAnswer.Add(answered.Value);
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
        return (Percentiles.Of(toProspect), Percentiles.Of(pushAnswer));
    }

    private static Task<int> ApplicationsAsync(ServiceProvider database, string jobCode, CancellationToken ct) =>
        SoakRun.WithDbAsync(database, db => db.Applications.CountAsync(a => a.Job.Code == jobCode, ct));

    private static async Task<HashSet<string>> PushIdsAsync(HttpClient sim, string clientId, CancellationToken ct) =>
        [.. (await PushesAsync(sim, clientId, ct)).Select(p => p!["id"]!.GetValue<string>())];

    private static async Task<bool> DeliveredAsync(HttpClient sim, string clientId, HashSet<string> before, CancellationToken ct) =>
        (await PushesAsync(sim, clientId, ct)).Any(p => !before.Contains(p!["id"]!.GetValue<string>()) && p["status"]!.GetValue<string>() == "DELIVERED");

    private static async Task<JsonArray> PushesAsync(HttpClient sim, string clientId, CancellationToken ct) =>
        JsonNode.Parse(await sim.GetStringAsync($"/_sim/pushes?clientId={Uri.EscapeDataString(clientId)}", ct)) as JsonArray ?? [];

    private static async Task UntilAsync(Func<Task<bool>> condition, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + GiveUp;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {GiveUp.TotalSeconds:0} s waiting for {what}.");
            }
            await Task.Delay(Poll, ct);
        }
    }
}
