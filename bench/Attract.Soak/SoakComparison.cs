using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.LinkedIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.Soak;

/// <summary>
/// The soak's end: every candidate and application at LinkedIn against Attract's latest state (lost, duplicated, stale),
/// and who did the work (records sent, exports taken, each instance's share by the process id in its lease owner).
/// </summary>
public static class SoakComparison
{
    private sealed record LinkedInEntity(string Resource, string Id, long? LastModified, string? CandidateId, string? JobCode, int Stages, int Notes, int Feedback);

    /// <summary>Every candidate and (non-prospect) application in Attract against what LinkedIn holds.</summary>
    public static async Task CompareAsync(ServiceProvider database, HttpClient sim, string childClientId, SoakReport report, CancellationToken ct)
    {
        var held = await HeldAtLinkedInAsync(sim, childClientId, ct);
        var candidatesAtLinkedIn = held.Where(e => e.Resource == "atsCandidates").ToDictionary(e => e.Id);
        var applicationsAtLinkedIn = held.Where(e => e.Resource == "atsApplications").ToDictionary(e => e.Id);

        await using var scope = database.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
        await CompareCandidatesAsync(db, candidatesAtLinkedIn, report, ct);
        await CompareApplicationsAsync(db, applicationsAtLinkedIn, report, ct);

        var duplicatedAtLinkedIn = applicationsAtLinkedIn.Values.GroupBy(a => (a.CandidateId, a.JobCode)).Sum(g => g.Count() - 1);
        var duplicatedInAttract = (await db.Applications.AsNoTracking().GroupBy(a => new { a.CandidateId, a.JobId })
            .Select(g => g.Count()).Where(n => n > 1).ToListAsync(ct)).Sum(n => n - 1);
        report.DuplicatedApplications = duplicatedAtLinkedIn + duplicatedInAttract;
        if (duplicatedInAttract > 0)
        {
            report.Notes.Add($"{duplicatedInAttract} duplicated applications in Attract itself");
        }
        var stats = JsonNode.Parse(await sim.GetStringAsync("/_sim/soak/stats", ct))!;
        report.StaleOverwrites = stats["staleWrites"]!.GetValue<long>();
        report.UpsertsReceived = stats["upserts"]!.GetValue<long>();
        foreach (var sample in (stats["staleSamples"] as JsonArray ?? []).Take(10))
        {
            report.Notes.Add("stale: " + sample);
        }
    }

    /// <summary>Every candidate and application LinkedIn holds for the app, read page by page (the simulator streams them from its store).</summary>
    private static async Task<List<LinkedInEntity>> HeldAtLinkedInAsync(HttpClient sim, string childClientId, CancellationToken ct)
    {
        var held = new List<LinkedInEntity>();
        string? after = null;
        do
        {
            var url = $"/_sim/soak/entities?clientId={Uri.EscapeDataString(childClientId)}&count=2000" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
            var page = JsonNode.Parse(await sim.GetStringAsync(url, ct))!;
            held.AddRange(page["elements"]!.AsArray().Select(e => new LinkedInEntity(e!["resource"]!.GetValue<string>(), e["id"]!.GetValue<string>(),
                e["atsLastModifiedAt"]?.GetValue<long>(), e["atsCandidateId"]?.GetValue<string>(), e["atsJobPostingId"]?.GetValue<string>(),
                e["stages"]!.GetValue<int>(), e["notes"]!.GetValue<int>(), e["interviewFeedback"]!.GetValue<int>())));
            after = page["next"]?.GetValue<string>();
        }
        while (after is not null);
        return held;
    }

    /// <summary>Each candidate is at LinkedIn, at Attract's latest version, with at least its notes; ghosts are noted.</summary>
    private static async Task CompareCandidatesAsync(AttractDbContext db, Dictionary<string, LinkedInEntity> atLinkedIn, SoakReport report, CancellationToken ct)
    {
        var candidates = await db.Candidates.AsNoTracking().Select(c => new { c.Id, c.CreatedAtUtc, c.UpdatedAtUtc }).ToListAsync(ct);
        var candidateNotes = await db.Notes.AsNoTracking().Where(n => n.ApplicationId == null).GroupBy(n => n.CandidateId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        report.CandidatesCompared = candidates.Count;
        foreach (var c in candidates)
        {
            var expected = LatestVersion(c.CreatedAtUtc, c.UpdatedAtUtc);
            var id = c.Id.ToString(CultureInfo.InvariantCulture);
            if (!atLinkedIn.TryGetValue(id, out var at))
            {
                Lost(report, $"candidate {id} is not at LinkedIn");
            }
            else if (at.LastModified < expected)
            {
                Lost(report, $"candidate {id}: LinkedIn holds version {at.LastModified}, Attract's latest is {expected}");
            }
            else if (at.Notes < candidateNotes.GetValueOrDefault(c.Id))
            {
                Lost(report, $"candidate {id}: {at.Notes} of {candidateNotes[c.Id]} notes at LinkedIn");
            }
        }
        var candidateIds = candidates.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        var ghosts = atLinkedIn.Keys.Count(k => !candidateIds.Contains(k));
        if (ghosts > 0)
        {
            report.Notes.Add($"{ghosts} candidates at LinkedIn no longer exist in Attract");
        }
    }

    /// <summary>Each non-prospect application is at LinkedIn, at Attract's latest version, with its stage moves, notes and feedback.</summary>
    private static async Task CompareApplicationsAsync(AttractDbContext db, Dictionary<string, LinkedInEntity> atLinkedIn, SoakReport report, CancellationToken ct)
    {
        var applications = await db.Applications.AsNoTracking().Where(a => a.Stage.Kind != StageKind.Prospect)
            .Select(a => new
            {
                a.Id,
                a.CreatedAtUtc,
                a.UpdatedAtUtc,
                Stages = a.History.Count,
                Notes = db.Notes.Count(n => n.ApplicationId == a.Id),
                Feedback = db.Scorecards.Count(s => s.ApplicationId == a.Id),
            }).ToListAsync(ct);
        report.ApplicationsCompared = applications.Count;
        foreach (var a in applications)
        {
            var expected = LatestVersion(a.CreatedAtUtc, a.UpdatedAtUtc);
            var id = a.Id.ToString(CultureInfo.InvariantCulture);
            if (!atLinkedIn.TryGetValue(id, out var at))
            {
                Lost(report, $"application {id} is not at LinkedIn");
            }
            else if (at.LastModified < expected)
            {
                Lost(report, $"application {id}: LinkedIn holds version {at.LastModified}, Attract's latest is {expected}");
            }
            else if (at.Stages < a.Stages || at.Notes < a.Notes || at.Feedback < a.Feedback)
            {
                Lost(report, $"application {id}: LinkedIn holds {at.Stages}/{a.Stages} stage moves, {at.Notes}/{a.Notes} notes, {at.Feedback}/{a.Feedback} feedback");
            }
        }
    }

    /// <summary>The version Attract last sent: its last change in epoch milliseconds (at least 1).</summary>
    private static long LatestVersion(DateTime createdUtc, DateTime updatedUtc) =>
        Math.Max(Math.Max(1, SoakRun.Epoch(createdUtc)), SoakRun.Epoch(updatedUtc));

    private static void Lost(SoakReport report, string what)
    {
        report.Lost++;
        if (report.LostSamples.Count < 20)
        {
            report.LostSamples.Add(what);
        }
    }

    /// <summary>Records sent, exports taken and dropped, and each instance's share (by the process id in the lease owner).</summary>
    public static async Task CountAsync(ServiceProvider database, HttpClient sim, IReadOnlyList<SoakProcess> attract, SoakReport report, CancellationToken ct)
    {
        var (records, taken) = await SoakRun.WithDbAsync(database, async db => (
            await db.Set<LinkedInUsage>().SumAsync(u => (long)u.Records, ct),
            await db.Set<LinkedInNotification>().CountAsync(n => n.Status == LinkedInNotificationStatus.Processed && n.JobCode != null, ct)));
        report.RecordsSent = records;
        report.ExportsTaken = taken;
        var pushes = JsonNode.Parse(await sim.GetStringAsync("/_sim/pushes", ct)) as JsonArray ?? [];
        report.ExportPushesDropped = pushes.Count(p => p!["status"]!.GetValue<string>() == "DROPPED" && p["type"]!.GetValue<string>() == "EXPORT_CANDIDATE_PROFILE");
        var byPid = await WorkByProcessAsync(database, processed: true, ct);
        foreach (var instance in attract)
        {
            for (var i = 0; i < instance.ProcessIds.Count; i++)
            {
                var name = instance.Name + (i == 0 ? "" : " (restarted)");
                report.Shares.Add(new InstanceShare(name, byPid.GetValueOrDefault(instance.ProcessIds[i])));
            }
        }
    }

    public static async Task<SoakProcess> VictimAsync(ServiceProvider database, IReadOnlyList<SoakProcess> attract, TimeSpan until, Stopwatch clock, CancellationToken ct)
    {
        while (clock.Elapsed < until)
        {
            var holding = await WorkByProcessAsync(database, processed: false, ct);
            if (attract.FirstOrDefault(a => holding.GetValueOrDefault(a.ProcessIds[^1]) > 0) is { } busy)
            {
                return busy;
            }
            await Task.Delay(100, ct);
        }
        var done = await WorkByProcessAsync(database, processed: true, ct);
        return attract.OrderByDescending(a => done.GetValueOrDefault(a.ProcessIds[^1])).ThenByDescending(a => a.Name).First();
    }

    /// <summary>
    /// Outbox rows per process id: processed ones (the lease owner a row keeps once processed names its process), or
    /// those held right now.
    /// </summary>
    private static async Task<Dictionary<int, int>> WorkByProcessAsync(ServiceProvider database, bool processed, CancellationToken ct)
    {
        var owners = await SoakRun.WithDbAsync(database, db => db.OutboxMessages.AsNoTracking()
            .Where(o => o.ClaimedBy != null && (processed ? o.ProcessedAtUtc != null : o.ProcessedAtUtc == null))
            .GroupBy(o => o.ClaimedBy!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct));
        return owners.GroupBy(o => SoakRun.ProcessIdOf(o.Key)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
    }
}
