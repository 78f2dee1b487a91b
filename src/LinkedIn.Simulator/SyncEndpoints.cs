using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LinkedIn.Simulator;

internal sealed record ResourceDef(string Name, string[] KeyFields, string[] GateTypes, Func<JsonObject, string?> Validate, string[] SubResources, Func<Dictionary<string, string>, string?>? ValidateKey = null);

/// <summary>The Rest.li sync resources: jobs, candidates, applications and their sub-resources, ACLs.</summary>
internal static partial class SyncEndpoints
{
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    public static partial Regex EmailRegex();

    public static readonly ResourceDef Candidates = new("atsCandidates", ["atsCandidateId", "dataProvider", "integrationContext"],
        ["IN_ATS_INDICATOR", "PROFILE_PLUGIN"], ValidateCandidate, ["notes"]);
    public static readonly ResourceDef Applications = new("atsApplications", ["atsJobApplicationId", "dataProvider", "integrationContext"],
        ["IN_ATS_INDICATOR"], ValidateApplication, ["stages", "notes", "interviewFeedback"]);
    public static readonly ResourceDef Acls = new("atsEntityAcls", ["atsEntityAclId", "dataProvider", "integrationContext", "atsEntityId", "atsEntityType"],
        ["IN_ATS_INDICATOR", "ONE_CLICK_EXPORT"], _ => null, [], k => k["atsEntityType"] == "JOB_POSTING" ? null : "atsEntityType must be JOB_POSTING");
    public static readonly ResourceDef AclAssignees = new("atsEntityAclAssignees", ["atsEntityAclId", "dataProvider", "integrationContext", "assignee", "atsEntityType"],
        ["IN_ATS_INDICATOR", "ONE_CLICK_EXPORT"], _ => null, [],
        k => k["atsEntityType"] != "JOB_POSTING" ? "atsEntityType must be JOB_POSTING" : !k["assignee"].StartsWith("urn:li:person:", StringComparison.Ordinal) ? "assignee must be a person URN" : null);

    public static void Map(WebApplication app, Sim sim)
    {
        ApiEndpoints.MapApi(app, ["POST"], "simpleJobPostings", ctx => Jobs(ctx, sim));
        ApiEndpoints.MapApi(app, ["GET"], "simpleJobPostingTasks", ctx => Task.FromResult(JobTasks(ctx, sim)));
        foreach (var def in new[] { Candidates, Applications, Acls, AclAssignees })
        {
            ApiEndpoints.MapApi(app, ["GET", "PUT", "POST", "DELETE"], def.Name, ctx => Collection(ctx, sim, def));
            foreach (var sub in def.SubResources)
            {
                ApiEndpoints.MapApi(app, ["GET", "PUT", "DELETE"], def.Name + "/{key}/" + sub, ctx => SubResource(ctx, sim, def, sub));
            }
        }
    }

    // ---------------- validation ----------------
    private static string? Created(JsonObject o, bool lastModifiedRequired)
    {
        var created = o.Long("atsCreatedAt");
        if (created is null or <= 0)
        {
            return "atsCreatedAt is required and must be > 0";
        }
        var modified = o.Long("atsLastModifiedAt");
        if (modified is null && lastModifiedRequired)
        {
            return "atsLastModifiedAt is required";
        }
        if (modified is not null && (modified <= 0 || modified < created))
        {
            return "atsLastModifiedAt must be > 0 and >= atsCreatedAt";
        }
        return null;
    }

    private static string? ValidateCandidate(JsonObject o)
    {
        if (Created(o, false) is { } e)
        {
            return e;
        }
        if (string.IsNullOrWhiteSpace(o.Str("firstName")))
        {
            return "firstName is required";
        }
        if (o["addresses"] is not JsonArray)
        {
            return "addresses is required (an array, may be empty)";
        }
        if (o["phoneNumbers"] is not JsonArray phones)
        {
            return "phoneNumbers is required (an array, may be empty)";
        }
        if (phones.Any(p => p is not JsonObject po || string.IsNullOrWhiteSpace(po.Str("number"))))
        {
            return "phoneNumbers[].number is required";
        }
        if (o.TryGetPropertyValue("emailAddresses", out var en) && en is not null)
        {
            if (en is not JsonArray emails)
            {
                return "emailAddresses must be an array";
            }
            foreach (var x in emails)
            {
                var s = x is JsonValue v && v.TryGetValue<string>(out var str) ? str : (x as JsonObject)?.Str("emailAddress");
                if (s is null || !EmailRegex().IsMatch(s))
                {
                    return $"emailAddresses entry '{s}' is not a valid email (X@X.X)";
                }
            }
        }
        if (o.Str("currentJobTitle") is { Length: > 200 })
        {
            return "currentJobTitle must be at most 200 characters";
        }
        return null;
    }

    private static string? ValidateApplication(JsonObject o)
    {
        if (Created(o, true) is { } e)
        {
            return e;
        }
        if (string.IsNullOrWhiteSpace(o.Str("atsCandidateId")))
        {
            return "atsCandidateId is required";
        }
        if (string.IsNullOrEmpty(o.Str("atsJobPostingId")))
        {
            return "atsJobPostingId is required (at least 1 character)";
        }
        if (string.IsNullOrEmpty(o.Str("atsJobPostingName")))
        {
            return "atsJobPostingName is required (at least 1 character)";
        }
        if (string.IsNullOrWhiteSpace(o.Str("firstName")))
        {
            return "firstName is required";
        }
        if (o.Str("candidateEmail") is { } email && !EmailRegex().IsMatch(email))
        {
            return "candidateEmail is not a valid email (X@X.X)";
        }
        return null;
    }

    private static string? ValidateNote(JsonObject o) =>
        Created(o, false) ?? (string.IsNullOrWhiteSpace(o.Str("note")) ? "note is required" : null) ??
        (o.TryGetPropertyValue("author", out var a) && a is not null && a is not JsonObject ? "author must be an object {firstName,lastName}" : null);

    private static string? ValidateStage(JsonObject o)
    {
        if (Created(o, false) is { } e)
        {
            return e;
        }
        var stage = o.Str("stage");
        if (string.IsNullOrWhiteSpace(stage))
        {
            return "stage is required and must not be empty";
        }
        return string.Equals(stage.Trim(), "Not Available", StringComparison.OrdinalIgnoreCase) ? "stage must not be 'Not Available'" : null;
    }

    private static string? ValidateFeedback(JsonObject o)
    {
        if (Created(o, false) is { } e)
        {
            return e;
        }
        if (o.Str("interviewType") is { } t && t is not ("PHONE_SCREEN" or "ONSITE"))
        {
            return "interviewType must be PHONE_SCREEN or ONSITE";
        }
        if (o.TryGetPropertyValue("evaluations", out var ev) && ev is not null)
        {
            if (ev is not JsonArray arr || arr.Any(x => x is not JsonObject xo || string.IsNullOrWhiteSpace(xo.Str("attribute"))))
            {
                return "evaluations must be an array of {attribute, result}";
            }
        }
        return null;
    }

    private static string? ValidateSub(string sub, JsonObject o) => sub switch
    {
        "stages" => ValidateStage(o),
        "interviewFeedback" => ValidateFeedback(o),
        _ => ValidateNote(o),
    };

    private static string? ValidateJob(Sim sim, JsonObject o)
    {
        var ctx = o.Str("integrationContext");
        if (string.IsNullOrEmpty(ctx))
        {
            return "integrationContext is required";
        }
        if (ctx != World.Organization)
        {
            return $"unknown integrationContext {ctx}";
        }
        if (string.IsNullOrWhiteSpace(o.Str("externalJobPostingId")))
        {
            return "externalJobPostingId is required";
        }
        var title = o.Str("title");
        if (string.IsNullOrWhiteSpace(title))
        {
            return "title is required";
        }
        if (title.Length > 200)
        {
            return "title must be at most 200 characters";
        }
        var op = o.Str("jobPostingOperationType") ?? "CREATE";
        if (op is not ("CREATE" or "UPDATE" or "RENEW" or "CLOSE"))
        {
            return "jobPostingOperationType must be CREATE, UPDATE, RENEW or CLOSE";
        }
        if (op is "CREATE" or "UPDATE")
        {
            if (string.IsNullOrWhiteSpace(o.Str("description")))
            {
                return "description is required";
            }
            if (string.IsNullOrWhiteSpace(o.Str("location")) && string.IsNullOrWhiteSpace(o.Str("countryCode")))
            {
                return "location is required";
            }
            if (o.Long("listedAt") is null or <= 0)
            {
                return "listedAt is required and must be > 0";
            }
        }
        if (o.Str("availability") is { } av && av is not ("PUBLIC" or "PRIVATE_TO_ATS_INTEGRATION"))
        {
            return "availability must be PUBLIC or PRIVATE_TO_ATS_INTEGRATION";
        }
        if (o.Str("state") is { } st && st is not ("LISTED" or "CLOSED"))
        {
            return "state must be LISTED or CLOSED";
        }
        if (o.Str("companyApplyUrl") is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return "companyApplyUrl must be an absolute URL";
        }
        _ = sim;
        return null;
    }

    // ---------------- jobs ----------------
    private static async Task<IResult> Jobs(HttpContext ctx, Sim sim)
    {
        var (c, e) = sim.AuthenticateChild(ctx);
        if (c is null)
        {
            return e!;
        }
        var (elements, be) = await RestLi.ReadBatch<JsonArray>(ctx, "elements", "batch_create");
        if (elements is null)
        {
            return be!;
        }
        if (elements.Count > sim.Options.MaxBatchSize)
        {
            return RestLi.Error(400, "BATCH_TOO_LARGE", $"At most {sim.Options.MaxBatchSize} elements per batch");
        }
        foreach (var context in elements.OfType<JsonObject>().Select(x => x.Str("integrationContext")).OfType<string>().Distinct())
        {
            if (context == World.Organization && sim.Gate(c, context, "ONE_CLICK_EXPORT", "IN_ATS_INDICATOR") is { } g)
            {
                return g;
            }
        }
        if (sim.Throttle(ctx, c, "simpleJobPostings", sim.Options.DailyRequestLimit, elements.Count) is { } t)
        {
            return t;
        }
        var outEls = new JsonArray();
        lock (sim.Store.Gate)
        {
            foreach (var el in elements)
            {
                if (el is not JsonObject o)
                {
                    outEls.Add(new JsonObject { ["status"] = 400, ["error"] = RestLi.ErrorBody(400, "VALIDATION_FAILED", "element must be an object") });
                    continue;
                }
                if (ValidateJob(sim, o) is { } err)
                {
                    outEls.Add(new JsonObject { ["status"] = 400, ["error"] = RestLi.ErrorBody(400, "VALIDATION_FAILED", err) });
                    continue;
                }
                var ext = o.Str("externalJobPostingId")!;
                var key = $"{c.App.ClientId}|{World.Organization}|{ext}";
                var existing = sim.Store.Jobs.Get(key);
                var op = o.Str("jobPostingOperationType") ?? "CREATE";
                var task = new TaskRec { Id = "task-" + Sim.NewId(8), ClientId = c.App.ClientId, ExternalJobPostingId = ext, CreatedAt = sim.NowMs, Status = "SUCCEEDED" };
                if (op != "CREATE" && existing is null)
                {
                    task.Status = "FAILED";
                    task.Error = $"Job posting {ext} does not exist; create it first";
                }
                else
                {
                    var job = existing ?? new JobRec { ClientId = c.App.ClientId, Context = World.Organization, ExternalJobPostingId = ext };
                    if (op is "CREATE" or "UPDATE" || existing is null)
                    {
                        job.Json = o.ToJsonString();
                        job.Title = o.Str("title")!;
                        job.CompanyJobCode = o.Str("companyJobCode");
                        job.Location = o.Str("location");
                    }
                    job.State = op == "CLOSE" ? "CLOSED" : o.Str("state") ?? (op == "RENEW" ? "LISTED" : job.State);
                    job.LastModifiedAt = sim.NowMs;
                    sim.Store.Jobs.Put(job);
                }
                sim.Store.Tasks.Put(task);
                outEls.Add(new JsonObject { ["status"] = 202, ["id"] = task.Id });
            }
        }
        return RestLi.Json(new JsonObject { ["elements"] = outEls });
    }

    private static IResult JobTasks(HttpContext ctx, Sim sim)
    {
        var (c, e) = sim.AuthenticateChild(ctx);
        if (c is null)
        {
            return e!;
        }
        var ids = RestLiRequest.Of(ctx).SimpleKeys();
        if (ids.Count == 0)
        {
            return RestLi.BadRequest("ids are required");
        }
        if (ids.Count > sim.Options.MaxBatchSize)
        {
            return RestLi.Error(400, "BATCH_TOO_LARGE", $"At most {sim.Options.MaxBatchSize} keys per batch");
        }
        if (sim.Throttle(ctx, c, "simpleJobPostingTasks", sim.Options.DailyRequestLimit) is { } t)
        {
            return t;
        }
        var results = new JsonObject();
        var statuses = new JsonObject();
        var errors = new JsonObject();
        lock (sim.Store.Gate)
        {
            foreach (var id in ids)
            {
                var task = sim.Store.Tasks.Get(id);
                if (task is null || task.ClientId != c.App.ClientId || task.CreatedAt < sim.NowMs - 30L * 86_400_000)
                {
                    errors[id] = RestLi.ErrorBody(404, "NOT_FOUND", $"task {id} not found");
                    statuses[id] = 404;
                    continue;
                }
                var processing = sim.NowMs - task.CreatedAt < (long)sim.JobTaskProcessingTime.TotalMilliseconds;
                results[id] = new JsonObject
                {
                    ["id"] = task.Id,
                    ["externalJobPostingId"] = task.ExternalJobPostingId,
                    ["status"] = processing ? "IN_PROGRESS" : task.Status,
                    ["error"] = processing || task.Error is null ? null : RestLi.ErrorBody(404, "NOT_FOUND", task.Error),
                };
                statuses[id] = 200;
            }
        }
        return RestLi.Json(new JsonObject { ["results"] = results, ["statuses"] = statuses, ["errors"] = errors });
    }

    // ---------------- compound-key collections ----------------
    private static (Dictionary<string, string>? Map, string? Error) NormalizeKey(HttpContext ctx, ResourceDef def, Dictionary<string, string>? map)
    {
        if (map is null)
        {
            return (null, "malformed key");
        }
        var m = new Dictionary<string, string>(map, StringComparer.Ordinal);
        if (ctx.Request.Path.StartsWithSegments("/rest") && !m.ContainsKey("dataProvider"))
        {
            m["dataProvider"] = "ATS";
        }
        foreach (var f in def.KeyFields)
        {
            if (!m.TryGetValue(f, out var v) || string.IsNullOrEmpty(v))
            {
                return (null, $"key field {f} is required");
            }
        }
        var extra = m.Keys.Except(def.KeyFields).ToList();
        if (extra.Count > 0)
        {
            return (null, "unexpected key fields: " + string.Join(",", extra));
        }
        if (m["dataProvider"] != "ATS")
        {
            return (null, "dataProvider must be ATS");
        }
        if (m["integrationContext"] != World.Organization)
        {
            return (null, $"unknown integrationContext {m["integrationContext"]}");
        }
        return def.ValidateKey?.Invoke(m) is { } ke ? (null, ke) : (m, null);
    }

    /// <summary>A keyed batch must name at least one and at most MaxBatchSize keys.</summary>
    private static IResult? BatchSizeError(Sim sim, int n) =>
        n == 0 ? RestLi.BadRequest("ids are required")
        : n > sim.Options.MaxBatchSize ? RestLi.Error(400, "BATCH_TOO_LARGE", $"At most {sim.Options.MaxBatchSize} keys per batch; got {n}")
        : null;

    private static IResult? GateContexts(Sim sim, Caller c, ResourceDef def, IEnumerable<Dictionary<string, string>?> keys)
    {
        foreach (var context in keys.OfType<Dictionary<string, string>>().Select(k => k.GetValueOrDefault("integrationContext")).OfType<string>().Distinct())
        {
            if (sim.Gate(c, context, def.GateTypes) is { } g)
            {
                return g;
            }
        }
        return null;
    }

    private static async Task<IResult> Collection(HttpContext ctx, Sim sim, ResourceDef def)
    {
        var (c, e) = sim.AuthenticateChild(ctx);
        if (c is null)
        {
            return e!;
        }
        var method = ctx.Request.Method;
        if (method == "GET" && ctx.Request.Query.ContainsKey("q"))
        {
            return Finder(ctx, sim, c, def);
        }
        var rl = RestLiRequest.Of(ctx);
        var urlKeys = rl.CompoundKeys();
        JsonObject? entities = null;
        if (method is "PUT" or "POST")
        {
            if (RestLiMethods.Require(ctx, false, method == "PUT" ? "batch_update" : "batch_partial_update") is { } me)
            {
                return me;
            }
            if (method == "POST" && def != Candidates)
            {
                return RestLi.BadRequest($"{def.Name} does not support batch_partial_update");
            }
            (entities, var be) = await RestLi.ReadBatch<JsonObject>(ctx, "entities");
            if (entities is null)
            {
                return be!;
            }
        }
        else if (method == "DELETE" && RestLiMethods.Sent(ctx) is { } dm && dm != "batch_delete")
        {
            return RestLi.BadRequest($"Unsupported X-RestLi-Method '{dm}'");
        }
        var n = Math.Max(urlKeys.Count, entities?.Count ?? 0);
        if (BatchSizeError(sim, n) is { } ne)
        {
            return ne;
        }
        var normalizedUrl = urlKeys.Select(k => NormalizeKey(ctx, def, k).Map).ToList();
        var bodyKeys = entities?.Select(kv => (kv.Key, Map: NormalizeKey(ctx, def, rl.Key(kv.Key)))).ToList();
        if (GateContexts(sim, c, def, bodyKeys?.Select(b => b.Map.Map) ?? normalizedUrl) is { } g)
        {
            return g;
        }
        if (sim.Throttle(ctx, c, def.Name, sim.Options.DailyRequestLimit, method == "GET" ? 0 : n) is { } t)
        {
            return t;
        }
        var results = new JsonObject();
        var errors = new JsonObject();
        lock (sim.Store.Gate)
        {
            if (method is "GET" or "DELETE")
            {
                var statuses = new JsonObject();
                for (var i = 0; i < urlKeys.Count; i++)
                {
                    var (map, err) = NormalizeKey(ctx, def, urlKeys[i]);
                    var ks = rl.KeyString(map ?? urlKeys[i]);
                    if (map is null)
                    {
                        errors[ks] = RestLi.ErrorBody(400, "VALIDATION_FAILED", err!);
                        statuses[ks] = 400;
                        continue;
                    }
                    var rec = sim.Store.Entities.Get($"{c.App.ClientId}|{def.Name}|{RestLi.Canonical(map)}");
                    if (rec is null)
                    {
                        errors[ks] = RestLi.ErrorBody(404, "NOT_FOUND", $"{def.Name} entity not found");
                        statuses[ks] = 404;
                        continue;
                    }
                    if (method == "GET")
                    {
                        results[ks] = EntityJson(sim, def, rec);
                        statuses[ks] = 200;
                    }
                    else
                    {
                        DeleteEntity(sim, def, rec);
                        results[ks] = new JsonObject { ["status"] = 204 };
                    }
                }
                var resp = new JsonObject { ["results"] = results, ["errors"] = errors };
                if (method == "GET")
                {
                    resp["statuses"] = statuses;
                }
                return RestLi.Json(resp);
            }
            foreach (var (keyString, (map, err)) in bodyKeys!)
            {
                var val = entities![keyString];
                if (map is null)
                {
                    errors[keyString] = RestLi.ErrorBody(400, "VALIDATION_FAILED", err!);
                    continue;
                }
                if (urlKeys.Count > 0 && !normalizedUrl.Any(u => u is not null && RestLi.SameMap(u, map)))
                {
                    errors[keyString] = RestLi.ErrorBody(400, "VALIDATION_FAILED", "key is not among the ids in the URL");
                    continue;
                }
                if (val is not JsonObject entity)
                {
                    errors[keyString] = RestLi.ErrorBody(400, "VALIDATION_FAILED", "entity must be an object");
                    continue;
                }
                var canonical = RestLi.Canonical(map);
                var storeKey = $"{c.App.ClientId}|{def.Name}|{canonical}";
                if (method == "PUT")
                {
                    if (def.Validate(entity) is { } ve)
                    {
                        errors[keyString] = RestLi.ErrorBody(400, "VALIDATION_FAILED", ve);
                        continue;
                    }
                    if (def == AclAssignees && sim.Store.Entities.All.Count(x => x.ClientId == c.App.ClientId && x.Resource == def.Name && x.KeyFields["assignee"] == map["assignee"] && x.CanonicalKey != canonical) >= 10)
                    {
                        errors[keyString] = RestLi.ErrorBody(400, "VALIDATION_FAILED", "an assignee may hold at most 10 ACLs");
                        continue;
                    }
                    var existing = sim.Store.Entities.Get(storeKey);
                    SoakProbe.ObserveUpsert(sim, existing, entity);
                    var rec = new EntityRec
                    {
                        Resource = def.Name,
                        ClientId = c.App.ClientId,
                        CanonicalKey = canonical,
                        KeyFields = map,
                        Json = entity.ToJsonString(),
                        LastModifiedAt = sim.NowMs,
                        ManualMatchedMember = entity.Str("manualMatchedMember") ?? existing?.ManualMatchedMember,
                    };
                    sim.Store.Entities.Put(rec);
                    results[keyString] = new JsonObject { ["status"] = 204 };
                }
                else
                {
                    var rec = sim.Store.Entities.Get(storeKey);
                    if (rec is null)
                    {
                        errors[keyString] = RestLi.ErrorBody(404, "NOT_FOUND", "candidate not found; sync it with batch_update first");
                        continue;
                    }
                    var patch = entity["patch"] as JsonObject;
                    var set = patch?["$set"] as JsonObject;
                    var del = patch?["$delete"] as JsonArray;
                    if (patch is null || (set is null && del is null))
                    {
                        errors[keyString] = RestLi.ErrorBody(400, "VALIDATION_FAILED", "patch with $set or $delete is required");
                        continue;
                    }
                    string? perr = null;
                    if (set is not null)
                    {
                        foreach (var (f, _) in set)
                        {
                            if (f != "manualMatchedMember")
                            {
                                perr = $"field {f} cannot be partially updated";
                            }
                        }
                        var urn = set.Str("manualMatchedMember");
                        if (perr is null && set.ContainsKey("manualMatchedMember") && sim.World.FindByUrn(urn) is null)
                        {
                            perr = $"manualMatchedMember '{urn}' is not a known member URN";
                        }
                        if (perr is null && urn is not null)
                        {
                            rec.ManualMatchedMember = urn;
                        }
                    }
                    if (perr is null && del is not null)
                    {
                        foreach (var f in del.Select(x => x?.GetValue<string>()))
                        {
                            if (f == "manualMatchedMember")
                            {
                                rec.ManualMatchedMember = null;
                            }
                            else
                            {
                                perr = $"field {f} cannot be deleted";
                            }
                        }
                    }
                    if (perr is not null)
                    {
                        errors[keyString] = RestLi.ErrorBody(400, "VALIDATION_FAILED", perr);
                        continue;
                    }
                    rec.LastModifiedAt = sim.NowMs;
                    sim.Store.Entities.Put(rec);
                    results[keyString] = new JsonObject { ["status"] = 204 };
                }
            }
        }
        return RestLi.Json(new JsonObject { ["results"] = results, ["errors"] = errors });
    }

    public static JsonObject EntityJson(Sim sim, ResourceDef def, EntityRec rec)
    {
        var o = JsonExt.Obj(rec.Json);
        foreach (var (k, v) in rec.KeyFields)
        {
            o[k] = v;
        }
        if (def == Candidates)
        {
            o["matchedMember"] = sim.AutoMatch(o)?.Urn;
            o["manualMatchedMember"] = rec.ManualMatchedMember;
        }
        return o;
    }

    private static void DeleteEntity(Sim sim, ResourceDef def, EntityRec rec)
    {
        sim.Store.Entities.Delete(rec.Key);
        foreach (var s in sim.Store.Subs.All.Where(s => s.ParentKey == rec.Key).ToList())
        {
            sim.Store.Subs.Delete(s.Key);
        }
        if (def == Candidates)
        {
            var candidateId = rec.KeyFields["atsCandidateId"];
            var context = rec.KeyFields["integrationContext"];
            foreach (var app in sim.Store.Entities.All.Where(a => a.ClientId == rec.ClientId && a.Resource == Applications.Name && a.KeyFields["integrationContext"] == context && JsonExt.Obj(a.Json).Str("atsCandidateId") == candidateId).ToList())
            {
                DeleteEntity(sim, Applications, app);
            }
        }
    }

    /// <summary>The answer to a sub-resource DELETE whose parent is gone: each id reports 204, as its deletion already happened.</summary>
    private static IResult AlreadyDeleted(List<string> ids) => RestLi.Json(new JsonObject
    {
        ["results"] = new JsonObject(ids.Distinct().Select(id => KeyValuePair.Create(id, (JsonNode?)new JsonObject { ["status"] = 204 }))),
        ["errors"] = new JsonObject(),
    });

    private static IResult Finder(HttpContext ctx, Sim sim, Caller c, ResourceDef def)
    {
        var q = ctx.Request.Query;
        if (q["q"] != "criteria" || (def != Acls && def != AclAssignees))
        {
            return RestLi.BadRequest($"Unsupported finder q={q["q"]}");
        }
        var context = q["integrationContext"].ToString();
        if (string.IsNullOrEmpty(context))
        {
            return RestLi.BadRequest("integrationContext is required");
        }
        if (q.TryGetValue("dataProvider", out var dp) && dp != "ATS")
        {
            return RestLi.BadRequest("dataProvider must be ATS");
        }
        if (sim.Gate(c, context, def.GateTypes) is { } g)
        {
            return g;
        }
        var (start, count, pe) = RestLi.Paging(ctx, 10);
        if (pe is not null)
        {
            return pe;
        }
        if (sim.Throttle(ctx, c, def.Name, sim.Options.DailyRequestLimit) is { } t)
        {
            return t;
        }
        lock (sim.Store.Gate)
        {
            var els = sim.Store.Entities.All
                .Where(x => x.ClientId == c.App.ClientId && x.Resource == def.Name && x.KeyFields["integrationContext"] == context)
                .Where(x => def == Acls
                    ? (!q.ContainsKey("atsEntityId") || x.KeyFields["atsEntityId"] == q["atsEntityId"]) && (!q.ContainsKey("atsEntityType") || x.KeyFields["atsEntityType"] == q["atsEntityType"])
                    : (!q.ContainsKey("assignee") || x.KeyFields["assignee"] == q["assignee"]) && (!q.ContainsKey("atsEntityAclId") || x.KeyFields["atsEntityAclId"] == q["atsEntityAclId"]))
                .OrderBy(x => x.CanonicalKey, StringComparer.Ordinal)
                .Select(x => (JsonNode)EntityJson(sim, def, x));
            return RestLi.Json(RestLi.Collection(els, start, count));
        }
    }

    // ---------------- sub-resources ----------------
    private static async Task<IResult> SubResource(HttpContext ctx, Sim sim, ResourceDef def, string sub)
    {
        var (c, e) = sim.AuthenticateChild(ctx);
        if (c is null)
        {
            return e!;
        }
        var rl = RestLiRequest.Of(ctx);
        var (parentMap, kerr) = NormalizeKey(ctx, def, rl.Key(RestLi.RawSegments(ctx)[^2]));
        if (parentMap is null)
        {
            return RestLi.Validation("parent key: " + kerr);
        }
        if (GateContexts(sim, c, def, [parentMap]) is { } g)
        {
            return g;
        }
        var ids = rl.SimpleKeys();
        JsonObject? entities = null;
        var method = ctx.Request.Method;
        if (method == "PUT")
        {
            (entities, var be) = await RestLi.ReadBatch<JsonObject>(ctx, "entities", "batch_update");
            if (entities is null)
            {
                return be!;
            }
        }
        var n = Math.Max(ids.Count, entities?.Count ?? 0);
        if (BatchSizeError(sim, n) is { } ne)
        {
            return ne;
        }
        if (sim.Throttle(ctx, c, $"{def.Name}/{sub}", sim.Options.DailyRequestLimit, method == "GET" ? 0 : n) is { } t)
        {
            return t;
        }
        var results = new JsonObject();
        var errors = new JsonObject();
        lock (sim.Store.Gate)
        {
            var parentKey = $"{c.App.ClientId}|{def.Name}|{RestLi.Canonical(parentMap)}";
            if (sim.Store.Entities.Get(parentKey) is null)
            {
                // Deleting the parent deleted these (LinkedIn documents the cascade): a later DELETE of them is done, not an error.
                return method == "DELETE" ? AlreadyDeleted(ids) : RestLi.NotFound($"parent {def.Name} entity not found; sync it first");
            }
            if (method == "PUT")
            {
                foreach (var (id, val) in entities!)
                {
                    if (ids.Count > 0 && !ids.Contains(id))
                    {
                        errors[id] = RestLi.ErrorBody(400, "VALIDATION_FAILED", "id is not among the ids in the URL");
                        continue;
                    }
                    if (val is not JsonObject o || ValidateSub(sub, o) is { } ve && ve.Length > 0)
                    {
                        errors[id] = RestLi.ErrorBody(400, "VALIDATION_FAILED", val is JsonObject o2 ? ValidateSub(sub, o2)! : "entity must be an object");
                        continue;
                    }
                    sim.Store.Subs.Put(new SubRec { ParentKey = parentKey, SubResource = sub, Id = id, Json = o.ToJsonString() });
                    results[id] = new JsonObject { ["status"] = 204 };
                }
                return RestLi.Json(new JsonObject { ["results"] = results, ["errors"] = errors });
            }
            var statuses = new JsonObject();
            foreach (var id in ids)
            {
                var key = $"{parentKey}|{sub}|{id}";
                var rec = sim.Store.Subs.Get(key);
                if (rec is null)
                {
                    errors[id] = RestLi.ErrorBody(404, "NOT_FOUND", $"{sub} {id} not found");
                    statuses[id] = 404;
                    continue;
                }
                if (method == "GET")
                {
                    results[id] = JsonExt.Obj(rec.Json);
                    statuses[id] = 200;
                }
                else
                {
                    sim.Store.Subs.Delete(key);
                    results[id] = new JsonObject { ["status"] = 204 };
                }
            }
            var resp = new JsonObject { ["results"] = results, ["errors"] = errors };
            if (method == "GET")
            {
                resp["statuses"] = statuses;
            }
            return RestLi.Json(resp);
        }
    }
}
