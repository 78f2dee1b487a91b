using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static LinkedIn.Simulator.Html;

namespace LinkedIn.Simulator;

/// <summary>Test-support control endpoints under /_sim (not part of LinkedIn).</summary>
internal static class Control
{
    public static void Map(WebApplication app, Sim sim, SimActions actions, PushDispatcher pushes)
    {
        app.MapGet("/_sim", (HttpContext ctx) =>
        {
            var sb = new StringBuilder("<h1>LinkedIn RSC simulator</h1><p class=\"muted\">A local stand-in for LinkedIn Recruiter System Connect. Every account's password is <code>Passw0rd!</code>.</p><h2>Accounts</h2><table id=\"accounts\"><tr><th>Email</th><th>Seat</th><th>Contract</th><th>Admin</th></tr>");
            foreach (var s in sim.World.Seats)
            {
                sb.Append($"<tr><td>{E(sim.World.ById[s.MemberId].Email)}</td><td>{E(s.Urn)}</td><td>{E(sim.World.ContractByUrn(s.Contract)?.Name)}</td><td>{(s.Admin ? "yes" : "")}</td></tr>");
            }
            sb.Append("</table><h2>Partner instances (child apps)</h2><table><tr><th>Name</th><th>Client id</th><th>URN</th><th>Integrations</th></tr>");
            lock (sim.Store.Gate)
            {
                foreach (var a in sim.Store.Apps.All.Where(a => !a.IsParent).OrderBy(a => a.Id))
                {
                    var ints = sim.Store.Integrations.All.Where(i => i.ClientId == a.ClientId).Select(i => $"{i.Type}@{i.Context.Split(':')[^1]}: {i.Status}");
                    sb.Append($"<tr><td>{E(a.Name)}</td><td><code>{E(a.ClientId)}</code></td><td>{E(a.Urn)}</td><td><small>{E(string.Join(", ", ints))}</small></td></tr>");
                }
            }
            sb.Append("</table><h2>Links</h2><ul><li><a href=\"/recruiter/search\">LinkedIn Recruiter</a></li><li><a href=\"/recruiter/admin/ats\">Admin Settings → ATS</a></li><li><a href=\"/messaging\">Member messaging</a></li><li><a href=\"/_sim/requests/view\">Request log</a></li><li><a href=\"/_sim/pushes\">Pushes (JSON)</a></li><li><a href=\"/_sim/faults\">Faults (JSON)</a></li></ul>");
            return Page("Simulator", sb.ToString(), ctx, sim.CurrentMember(ctx)?.Member);
        });
        app.MapPost("/_sim/reset", () =>
        {
            sim.Reset();
            return RestLi.Json(new JsonObject { ["reset"] = true, ["nowMs"] = sim.NowMs });
        });
        app.MapGet("/_sim/faults", () => Results.Json(sim.Faults, SimStore.Json));
        app.MapPost("/_sim/faults", async (HttpContext ctx) =>
        {
            var f = await JsonSerializer.DeserializeAsync<FaultSettings>(ctx.Request.Body, SimStore.Json) ?? new FaultSettings();
            if (f.ErrorRate is < 0 or > 1 || f.TooManyRequestsRate is < 0 or > 1 || f.LatencyMs < 0 || f.CallbackDelayMs < 0)
            {
                return RestLi.BadRequest("rates must be within [0,1] and delays >= 0");
            }
            sim.Faults = f;
            return Results.Json(sim.Faults, SimStore.Json);
        });
        app.MapDelete("/_sim/faults", () =>
        {
            sim.Faults = new FaultSettings();
            return Results.Json(sim.Faults, SimStore.Json);
        });

        app.MapGet("/_sim/clock", () => RestLi.Json(new JsonObject { ["nowMs"] = sim.NowMs, ["offsetMs"] = (long)sim.Clock.Offset.TotalMilliseconds }));
        app.MapPost("/_sim/clock", async (HttpContext ctx) =>
        {
            var (b, e) = await RestLi.ReadBody(ctx);
            if (b is null)
            {
                return e!;
            }
            if (b.Long("nowMs") is { } now)
            {
                sim.Clock.SetNow(DateTimeOffset.FromUnixTimeMilliseconds(now));
            }
            if (b.Long("advanceMs") is { } ms)
            {
                sim.Clock.Advance(TimeSpan.FromMilliseconds(ms));
            }
            if (b.Long("advanceSeconds") is { } s)
            {
                sim.Clock.Advance(TimeSpan.FromSeconds(s));
            }
            return RestLi.Json(new JsonObject { ["nowMs"] = sim.NowMs, ["offsetMs"] = (long)sim.Clock.Offset.TotalMilliseconds });
        });

        app.MapGet("/_sim/settings", () => RestLi.Json(Settings(sim)));
        app.MapPost("/_sim/settings", async (HttpContext ctx) =>
        {
            var (b, e) = await RestLi.ReadBody(ctx);
            if (b is null)
            {
                return e!;
            }
            if (b.Long("notifyPartnerDelaySeconds") is { } s)
            {
                sim.NotifyPartnerDelay = TimeSpan.FromSeconds(s);
            }
            if (b.Long("notifyPartnerDelayMs") is { } ms)
            {
                sim.NotifyPartnerDelay = TimeSpan.FromMilliseconds(ms);
            }
            if (b.Long("jobTaskProcessingMs") is { } processing)
            {
                sim.JobTaskProcessingTime = TimeSpan.FromMilliseconds(processing);
            }
            return RestLi.Json(Settings(sim));
        });

        app.MapGet("/_sim/requests", (string? clientId, int? limit) =>
        {
            var items = sim.RequestLog.Where(r => clientId is null || r.ClientId == clientId).Reverse().Take(limit ?? 200);
            return Results.Json(items, SimStore.Json);
        });
        app.MapDelete("/_sim/requests", () =>
        {
            sim.ClearRequestLog();
            return Results.StatusCode(204);
        });
        app.MapGet("/_sim/requests/view", (HttpContext ctx) =>
        {
            var sb = new StringBuilder("<h1>Partner request log</h1><p class=\"muted\">Calls to /v2, /rest and /oauth/v2/accessToken (secrets redacted). JSON: <a href=\"/_sim/requests\">/_sim/requests</a></p><table id=\"request-log\"><tr><th>Time (UTC)</th><th>Method</th><th>Path</th><th>App</th><th>Status</th><th>ms</th><th>Headers</th></tr>");
            foreach (var r in sim.RequestLog.Reverse().Take(300))
            {
                sb.Append($"<tr><td>{E(DateTimeOffset.FromUnixTimeMilliseconds(r.At).ToString("HH:mm:ss.fff"))}</td><td>{E(r.Method)}</td><td><code>{E(r.Path)}</code></td><td>{E(r.ClientId)}</td><td>{r.Status}</td><td>{r.DurationMs}</td><td><small>{E(string.Join("; ", r.Headers.Select(h => h.Key + ": " + h.Value)))}</small></td></tr>");
            }
            sb.Append("</table>");
            return Page("Request log", sb.ToString(), ctx, sim.CurrentMember(ctx)?.Member);
        });

        app.MapGet("/_sim/integrations", (string? clientId) =>
        {
            lock (sim.Store.Gate)
            {
                var arr = new JsonArray(sim.Store.Integrations.All.Where(i => clientId is null || i.ClientId == clientId)
                    .Select(i => { var o = sim.IntegrationJson(i); o["clientId"] = i.ClientId; o["configurations"] = JsonSerializer.SerializeToNode(i.Configurations); return (JsonNode)o; }).ToArray());
                return RestLi.Json(arr);
            }
        });
        app.MapPost("/_sim/integrations", async (HttpContext ctx) =>
        {
            var (b, child, e) = await ReadBodyAndApp(ctx, sim);
            if (b is null)
            {
                return e!;
            }
            if (child is null)
            {
                return RestLi.NotFound("clientId unknown");
            }
            var context = b.Str("integrationContext") ?? World.Organization;
            var types = (b["integrationTypes"] as JsonArray)?.Select(x => x!.GetValue<string>()).ToList()
                ?? (context.StartsWith("urn:li:contract:", StringComparison.Ordinal) ? [Sim.CsaApi] : [.. Sim.OrgTypes]);
            var status = b.Str("status") ?? "ENABLED";
            var push = b["push"] is JsonValue pv && pv.TryGetValue<bool>(out var pb) && pb;
            var list = actions.ForceStatus(child, context, types, status, b.Str("integrationName"), push);
            return RestLi.Json(new JsonArray(list.Select(i => (JsonNode)sim.IntegrationJson(i)).ToArray()));
        });

        app.MapPost("/_sim/exports", async (HttpContext ctx) =>
        {
            var (b, child, e) = await ReadBodyAndApp(ctx, sim);
            if (b is null)
            {
                return e!;
            }
            var member = sim.World.ById.GetValueOrDefault(b.Str("memberId") ?? "") ?? sim.World.FindByUrn(b.Str("member"));
            var seat = sim.World.SeatByUrn(b.Str("seat") ?? "urn:li:seat:9002");
            if (child is null || member is null || seat is null)
            {
                return RestLi.NotFound("clientId, memberId or seat unknown");
            }
            var (x, err) = actions.Export(seat, member, child, b.Str("externalJobPostingId") ?? "");
            return x is null ? RestLi.BadRequest(err!) : RestLi.Json(new JsonObject { ["requestId"] = x.RequestId, ["exportId"] = x.Id });
        });
        app.MapGet("/_sim/pushes", (string? clientId) =>
        {
            lock (sim.Store.Gate)
            {
                return Results.Json(sim.Store.Pushes.All.Where(p => clientId is null || p.ClientId == clientId).OrderBy(p => p.CreatedAt).ToList(), SimStore.Json);
            }
        });
        app.MapGet("/_sim/members", (string? q, int? count) =>
        {
            var arr = new JsonArray(sim.World.Search(q).Take(count ?? 50).Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Id,
                ["urn"] = m.Urn,
                ["firstName"] = m.FirstName,
                ["lastName"] = m.LastName,
                ["headline"] = m.Headline,
                ["company"] = m.Company,
                ["title"] = m.Title,
                ["city"] = m.City,
                ["profileUrl"] = m.ProfileUrl,
                ["email"] = m.Email,
                ["phone"] = m.Phone,
                ["sharesEmail"] = m.SharesEmail,
                ["sharesPhone"] = m.SharesPhone,
            }).ToArray());
            return RestLi.Json(arr);
        });
        app.MapGet("/_sim/accounts", () => RestLi.Json(new JsonArray(sim.World.Seats.Select(s => (JsonNode)new JsonObject
        {
            ["seat"] = s.Urn,
            ["contract"] = s.Contract,
            ["member"] = $"urn:li:person:{s.MemberId}",
            ["email"] = sim.World.ById[s.MemberId].Email,
            ["admin"] = s.Admin,
            ["password"] = World.Password,
        }).ToArray())));
        app.MapPost("/_sim/members/{id}/purge", async (HttpContext ctx, string id) =>
        {
            var (b, e) = await RestLi.ReadBody(ctx);
            if (b is null)
            {
                return e!;
            }
            lock (sim.Store.Gate)
            {
                var exports = sim.Store.Exports.All.Where(x => x.MemberId == id && (b.Str("clientId") is not { } cid || x.ClientId == cid)).ToList();
                foreach (var x in exports)
                {
                    sim.Store.Purges.Put(new PurgeRec { Id = "purge-" + Sim.NewId(6), ClientId = x.ClientId, Context = x.Context, MemberId = id, RequestId = x.RequestId, PurgedAt = sim.NowMs });
                }
                return RestLi.Json(new JsonObject { ["purged"] = exports.Count });
            }
        });
        app.MapPost("/_sim/inmails", async (HttpContext ctx) =>
        {
            var (sm, e) = await ReadSeatAndMember(ctx, sim);
            if (sm is null)
            {
                return e!;
            }
            var (b, seat, member) = sm;
            var conv = actions.SendInMail(seat, member, b.Str("subject") ?? "Hello", b.Str("body") ?? "Hi!");
            var respond = b.Str("respond");
            StubRec? stub = null;
            if (respond is not null)
            {
                stub = actions.Respond(conv, member, respond, b.Str("reply"), b["shareProfile"]?.GetValue<bool>() ?? false, b["shareEmail"]?.GetValue<bool>() ?? false, b["sharePhone"]?.GetValue<bool>() ?? false);
            }
            return RestLi.Json(new JsonObject { ["conversationId"] = conv.Id, ["stubId"] = stub?.Id });
        });
        app.MapPost("/_sim/notes", async (HttpContext ctx) =>
        {
            var (sm, e) = await ReadSeatAndMember(ctx, sim);
            if (sm is null)
            {
                return e!;
            }
            var (b, seat, member) = sm;
            var n = actions.AddNote(seat, member, b.Str("note") ?? "note", b.Str("visibility") ?? "PUBLIC");
            return RestLi.Json(new JsonObject { ["id"] = n.Id });
        });
        app.MapPost("/_sim/notes/{id}/delete", (string id) =>
        {
            lock (sim.Store.Gate)
            {
                var n = sim.Store.ProspectNotes.Get(id);
                if (n is null)
                {
                    return RestLi.NotFound("note unknown");
                }
                n.Active = false;
                n.LastModifiedAt = sim.NowMs;
                sim.Store.ProspectNotes.Put(n);
                return Results.StatusCode(204);
            }
        });
        app.MapPost("/_sim/challenge", async (HttpContext ctx) =>
        {
            var (b, e) = await RestLi.ReadBody(ctx);
            if (b is null)
            {
                return e!;
            }
            AppRec? child;
            string? url;
            lock (sim.Store.Gate)
            {
                child = sim.Store.Apps.Get(b.Str("clientId") ?? "");
                url = b.Str("url") ?? (child is null ? null : sim.CallbackUrl(child.ClientId));
            }
            if (child is null || url is null)
            {
                return RestLi.NotFound("clientId unknown or no CALLBACK_URL configured");
            }
            return RestLi.Json(await pushes.ChallengeAsync(child, url));
        });
        app.MapPost("/_sim/resync-jobs", async (HttpContext ctx) =>
        {
            var (b, e) = await RestLi.ReadBody(ctx);
            if (b is null)
            {
                return e!;
            }
            PushRec push;
            lock (sim.Store.Gate)
            {
                var child = sim.Store.Apps.Get(b.Str("clientId") ?? "");
                if (child is null)
                {
                    return RestLi.NotFound("clientId unknown");
                }
                var ids = b["externalJobPostingIds"] as JsonArray;
                push = sim.CreatePush(child, "resync-" + Sim.NewId(8), "RESYNC_JOBS", new JsonObject
                {
                    ["developerApplicationUrn"] = child.Urn,
                    ["syncAllOpenJobs"] = ids is null || ids.Count == 0,
                    ["externalJobPostingIds"] = ids?.DeepClone() ?? new JsonArray(),
                });
            }
            pushes.Enqueue(push.Id);
            return RestLi.Json(new JsonObject { ["id"] = push.Id });
        });
    }

    /// <summary>Reads a control body and looks up the application its <c>clientId</c> names (null when unknown).</summary>
    private static async Task<(JsonObject? Body, AppRec? App, IResult? Error)> ReadBodyAndApp(HttpContext ctx, Sim sim)
    {
        var (b, e) = await RestLi.ReadBody(ctx);
        if (b is null)
        {
            return (null, null, e);
        }
        lock (sim.Store.Gate)
        {
            return (b, sim.Store.Apps.Get(b.Str("clientId") ?? ""), null);
        }
    }

    private sealed record SeatAndMember(JsonObject Body, Seat Seat, Member Member);

    /// <summary>Reads a control body that names a <c>seat</c> (URN) and a <c>memberId</c>; 404 when either is unknown.</summary>
    private static async Task<(SeatAndMember? Found, IResult? Error)> ReadSeatAndMember(HttpContext ctx, Sim sim)
    {
        var (b, e) = await RestLi.ReadBody(ctx);
        if (b is null)
        {
            return (null, e);
        }
        var seat = sim.World.SeatByUrn(b.Str("seat"));
        var member = sim.World.ById.GetValueOrDefault(b.Str("memberId") ?? "");
        if (seat is null || member is null)
        {
            return (null, RestLi.NotFound("seat or memberId unknown"));
        }
        return (new SeatAndMember(b, seat, member), null);
    }

    private static JsonObject Settings(Sim sim) => new()
    {
        ["notifyPartnerDelayMs"] = (long)sim.NotifyPartnerDelay.TotalMilliseconds,
        ["jobTaskProcessingMs"] = (long)sim.JobTaskProcessingTime.TotalMilliseconds,
        ["partnerClientId"] = sim.Options.PartnerClientId,
        ["exportsPerSeatPerMonth"] = sim.Options.ExportsPerSeatPerMonth,
        ["dailyRequestLimit"] = sim.Options.DailyRequestLimit,
        ["recordsPerMinuteLimit"] = sim.Options.RecordsPerMinuteLimit,
        ["maxBatchSize"] = sim.Options.MaxBatchSize,
    };
}
