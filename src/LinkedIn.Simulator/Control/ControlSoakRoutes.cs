using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using LinkedIn.Simulator.Api.Sync;

namespace LinkedIn.Simulator.Control;

/// <summary>
/// What the soak harness (<c>bench/Attract.Soak</c>) reads back: every candidate and application a partner synced, with
/// its sub-resource counts, page by page (<c>GET /_sim/soak/entities?clientId=&amp;after=&amp;count=</c>), and the stale writes seen so far
/// (<c>GET /_sim/soak/stats</c>): an upsert whose <c>atsLastModifiedAt</c> is older than the stored record's, i.e. an older
/// version arriving after a newer one. Not part of LinkedIn.
/// </summary>
internal static class ControlSoakRoutes
{
    private const int MaxSamples = 20;
    private const int DefaultPageSize = 1000;
    private const int MaxPageSize = 5000;

    /// <summary>What <c>/_sim/soak/entities</c> lists, in this order.</summary>
    private static readonly string[] PagedResources = [SyncResources.Candidates.Name, SyncResources.Applications.Name];

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
        app.MapGet("/_sim/soak/entities", (string clientId, string? after, int? count) => Entities(simulation, clientId, after, count));
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

    /// <summary>
    /// One page of the candidates (first) and applications the partner synced, in key order, read from the store page by page:
    /// <c>{"elements":[…],"next":cursor}</c>; pass <c>next</c> back as <c>after</c> until it is null.
    /// </summary>
    private static IResult Entities(Simulation simulation, string clientId, string? after, int? count)
    {
        var size = Math.Clamp(count ?? DefaultPageSize, 1, MaxPageSize);
        var first = after is null ? 0 : Array.FindIndex(PagedResources, r => after.StartsWith($"{clientId}|{r}|", StringComparison.Ordinal));
        if (first < 0)
        {
            return RestLi.BadRequest("after is not a cursor of this listing");
        }
        return simulation.State.Read(state =>
        {
            var elements = new JsonArray();
            string? last = null;
            for (var i = first; i < PagedResources.Length && elements.Count < size; i++)
            {
                var page = state.Entities.Page(clientId, PagedResources[i], i == first ? after : null, size - elements.Count);
                if (page.Count == 0)
                {
                    continue;
                }
                var subs = state.Subs.CountsBetween(page[0].Key, page[^1].Key);
                foreach (var entity in page)
                {
                    elements.Add(Element(entity, subs));
                }
                last = page[^1].Key;
            }
            return RestLi.Json(new JsonObject { ["elements"] = elements, ["next"] = elements.Count == size ? last : null });
        });
    }

    private static JsonObject Element(EntityRec entity, Dictionary<(string ParentKey, string SubResource), int> subs)
    {
        var json = JsonExt.Obj(entity.Json);
        return new JsonObject
        {
            ["resource"] = entity.Resource,
            ["id"] = entity.KeyFields.GetValueOrDefault(entity.Resource == SyncResources.Candidates.Name ? "atsCandidateId" : "atsJobApplicationId"),
            ["atsLastModifiedAt"] = json.Long("atsLastModifiedAt"),
            ["atsCandidateId"] = json.Str("atsCandidateId"),
            ["atsJobPostingId"] = json.Str("atsJobPostingId"),
            ["stages"] = subs.GetValueOrDefault((entity.Key, "stages")),
            ["notes"] = subs.GetValueOrDefault((entity.Key, "notes")),
            ["interviewFeedback"] = subs.GetValueOrDefault((entity.Key, "interviewFeedback")),
        };
    }
}
