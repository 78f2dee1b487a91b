using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using LinkedIn.Simulator.Api.Sync;

namespace LinkedIn.Simulator.Control;

/// <summary>
/// What the soak harness (<c>bench/Attract.Soak</c>) reads back: every candidate and application a partner synced, with
/// its sub-resource counts (<c>GET /_sim/soak/entities?clientId=</c>), and the stale writes seen so far
/// (<c>GET /_sim/soak/stats</c>): an upsert whose <c>atsLastModifiedAt</c> is older than the stored record's, i.e. an older
/// version arriving after a newer one. Not part of LinkedIn.
/// </summary>
internal static class ControlSoakRoutes
{
    private const int MaxSamples = 20;

    private static readonly ConditionalWeakTable<Simulation, Counters> State = [];

    private sealed class Counters
    {
        public long Upserts;
        public long Stale;
        public readonly List<string> Samples = [];
    }

    /// <summary>Called by the candidate/application upsert (inside the store's write) before the new record replaces <paramref name="existing"/>.</summary>
    public static void ObserveUpsert(Simulation simulation, EntityRec? existing, JsonObject incoming)
    {
        var counters = State.GetOrCreateValue(simulation);
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

    public static void Map(WebApplication app, Simulation simulation)
    {
        app.MapGet("/_sim/soak/stats", () => Stats(simulation));
        app.MapGet("/_sim/soak/entities", (string clientId) => Entities(simulation, clientId));
    }

    private static IResult Stats(Simulation simulation)
    {
        var counters = State.GetOrCreateValue(simulation);
        lock (counters.Samples)
        {
            return RestLi.Json(new JsonObject
            {
                ["upserts"] = Interlocked.Read(ref counters.Upserts),
                ["staleWrites"] = Interlocked.Read(ref counters.Stale),
                ["staleSamples"] = new JsonArray([.. counters.Samples.Select(s => (JsonNode)s)]),
            });
        }
    }

    private static IResult Entities(Simulation simulation, string clientId) => simulation.State.Read(state =>
    {
        var subs = state.Subs.All.GroupBy(s => (s.ParentKey, s.SubResource)).ToDictionary(g => g.Key, g => g.Count());
        var resources = new[] { SyncResources.Candidates.Name, SyncResources.Applications.Name };
        var list = new JsonArray();
        foreach (var entity in state.Entities.All.Where(e => e.ClientId == clientId && resources.Contains(e.Resource)))
        {
            var json = JsonExt.Obj(entity.Json);
            list.Add(new JsonObject
            {
                ["resource"] = entity.Resource,
                ["id"] = entity.KeyFields.GetValueOrDefault(entity.Resource == SyncResources.Candidates.Name ? "atsCandidateId" : "atsJobApplicationId"),
                ["atsLastModifiedAt"] = json.Long("atsLastModifiedAt"),
                ["atsCandidateId"] = json.Str("atsCandidateId"),
                ["atsJobPostingId"] = json.Str("atsJobPostingId"),
                ["stages"] = subs.GetValueOrDefault((entity.Key, "stages")),
                ["notes"] = subs.GetValueOrDefault((entity.Key, "notes")),
                ["interviewFeedback"] = subs.GetValueOrDefault((entity.Key, "interviewFeedback")),
            });
        }
        return RestLi.Json(list);
    });
}
