using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator;

/// <summary>
/// What the soak harness (<c>bench/Attract.Soak</c>) reads back: every candidate and application a partner synced, with
/// its sub-resource counts (<c>GET /_sim/soak/entities?clientId=</c>), and the stale writes seen so far
/// (<c>GET /_sim/soak/stats</c>): an upsert whose <c>atsLastModifiedAt</c> is older than the stored record's, i.e. an older
/// version arriving after a newer one. Not part of LinkedIn.
/// </summary>
internal static class SoakProbe
{
    private const int MaxSamples = 20;

    private static readonly ConditionalWeakTable<Sim, Counters> State = [];

    private sealed class Counters
    {
        public long Upserts;
        public long Stale;
        public readonly List<string> Samples = [];
    }

    /// <summary>Called by the candidate/application upsert (under the store's gate) before the new record replaces <paramref name="existing"/>.</summary>
    public static void ObserveUpsert(Sim sim, EntityRec? existing, JsonObject incoming)
    {
        var counters = State.GetOrCreateValue(sim);
        Interlocked.Increment(ref counters.Upserts);
        var stored = existing is null ? null : JsonExt.Obj(existing.Json).Long("atsLastModifiedAt");
        var arriving = incoming.Long("atsLastModifiedAt");
        if (stored is not null && arriving is not null && arriving < stored)
        {
            Interlocked.Increment(ref counters.Stale);
            lock (counters.Samples)
            {
                if (counters.Samples.Count < MaxSamples)
                {
                    counters.Samples.Add($"{existing!.Resource} {existing.CanonicalKey}: {arriving} after {stored}");
                }
            }
        }
    }

    public static void Map(WebApplication app, Sim sim)
    {
        app.MapGet("/_sim/soak/stats", () =>
        {
            var counters = State.GetOrCreateValue(sim);
            lock (counters.Samples)
            {
                return RestLi.Json(new JsonObject
                {
                    ["upserts"] = Interlocked.Read(ref counters.Upserts),
                    ["staleWrites"] = Interlocked.Read(ref counters.Stale),
                    ["staleSamples"] = new JsonArray([.. counters.Samples.Select(s => (JsonNode)s)]),
                });
            }
        });
        app.MapGet("/_sim/soak/entities", (string clientId) =>
        {
            lock (sim.Store.Gate)
            {
                var subs = sim.Store.Subs.All.GroupBy(s => (s.ParentKey, s.SubResource)).ToDictionary(g => g.Key, g => g.Count());
                var resources = new[] { SyncEndpoints.Candidates.Name, SyncEndpoints.Applications.Name };
                var list = new JsonArray();
                foreach (var e in sim.Store.Entities.All.Where(e => e.ClientId == clientId && resources.Contains(e.Resource)))
                {
                    var json = JsonExt.Obj(e.Json);
                    list.Add(new JsonObject
                    {
                        ["resource"] = e.Resource,
                        ["id"] = e.KeyFields.GetValueOrDefault(e.Resource == SyncEndpoints.Candidates.Name ? "atsCandidateId" : "atsJobApplicationId"),
                        ["atsLastModifiedAt"] = json.Long("atsLastModifiedAt"),
                        ["atsCandidateId"] = json.Str("atsCandidateId"),
                        ["atsJobPostingId"] = json.Str("atsJobPostingId"),
                        ["stages"] = subs.GetValueOrDefault((e.Key, "stages")),
                        ["notes"] = subs.GetValueOrDefault((e.Key, "notes")),
                        ["interviewFeedback"] = subs.GetValueOrDefault((e.Key, "interviewFeedback")),
                    });
                }
                return RestLi.Json(list);
            }
        });
    }
}
