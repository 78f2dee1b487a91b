using System.Text.Json.Nodes;

namespace LinkedIn.Simulator;

/// <summary>Provisioning and atsIntegrations (+ configurations).</summary>
internal static class ApiEndpoints
{
    public static readonly string[] ConfigIds = ["CALLBACK_URL", "JOB_POSTING_VIEWERS", "APPLICATION_VIEWERS"];
    public static readonly string[] KnownTypes = ["IN_ATS_INDICATOR", "ONE_CLICK_EXPORT", "PROFILE_PLUGIN", "CSA_API", "RECOMMENDED_MATCHES", "UNIFIED_SEARCH", "APPLY_CONNECT", "APPLY_WITH_LINKEDIN"];

    /// <summary>
    /// Maps a handler on /v2/{path} and /rest/{path}. Before the handler: authentication (401 whatever the headers), then for /rest
    /// LinkedIn-Version, then the Rest.li protocol version and its URL syntax (<see cref="RestLiRequest"/>).
    /// </summary>
    public static void MapApi(WebApplication app, string[] methods, string path, Func<HttpContext, Task<IResult>> handler)
    {
        app.MapMethods("/v2/" + path, methods, (Delegate)((HttpContext ctx) => Guard(ctx, false, handler)));
        app.MapMethods("/rest/" + path, methods, (Delegate)((HttpContext ctx) => Guard(ctx, true, handler)));
    }

    private static Task<IResult> Guard(HttpContext ctx, bool rest, Func<HttpContext, Task<IResult>> handler)
    {
        if (ctx.RequestServices.GetRequiredService<Sim>().Authenticate(ctx).Error is { } unauthenticated)
        {
            return Task.FromResult(unauthenticated);
        }
        if (rest && string.IsNullOrWhiteSpace(ctx.Request.Headers["LinkedIn-Version"]))
        {
            return Task.FromResult(RestLi.Error(400, "VERSION_MISSING", "A version must be present. Please specify a version by adding the LinkedIn-Version header."));
        }
        return RestLiRequest.Parse(ctx).Error is { } protocolError ? Task.FromResult(protocolError) : handler(ctx);
    }

    public static void Map(WebApplication app, Sim sim)
    {
        MapApi(app, ["POST"], "provisionedApplications", ctx => CreateApp(ctx, sim));
        MapApi(app, ["GET"], "provisionedApplications", ctx => Task.FromResult(FindApp(ctx, sim)));
        MapApi(app, ["POST"], "provisionedApplications/{urn}", ctx => UpdateApp(ctx, sim));
        MapApi(app, ["GET"], "provisionedApplications/{urn}", ctx => Task.FromResult(GetApp(ctx, sim)));

        MapApi(app, ["POST"], "atsIntegrations", ctx => NameIntegrations(ctx, sim));
        MapApi(app, ["GET"], "atsIntegrations", ctx => Task.FromResult(GetIntegrations(ctx, sim)));
        MapApi(app, ["PUT", "GET", "DELETE"], "atsIntegrations/{key}/configurations", ctx => Configurations(ctx, sim));
    }

    // ---------------- provisioning ----------------
    private static (Caller? C, IResult? E) Parent(HttpContext ctx, Sim sim)
    {
        var (c, e) = sim.Authenticate(ctx);
        if (c is null)
        {
            return (null, e);
        }
        if (!c.App.IsParent || c.Token.ThreeLegged)
        {
            return (null, RestLi.Forbidden("Not enough permissions to access provisionedApplications: a partner (parent) application token is required"));
        }
        return (c, null);
    }

    public static JsonObject AppJson(AppRec a, bool withCredentials = true)
    {
        var o = new JsonObject
        {
            ["key"] = a.Urn,
            ["uniqueForeignId"] = a.UniqueForeignId,
            ["name"] = a.Name,
            ["description"] = a.Description,
            ["oauth2AuthorizedCallbackUrls"] = new JsonArray(a.CallbackUrls.Select(x => (JsonNode)x).ToArray()),
            ["validJsSdkDomains"] = new JsonArray(a.JsSdkDomains.Select(x => (JsonNode)x).ToArray()),
        };
        if (withCredentials)
        {
            o["credentials"] = new JsonObject { ["clientId"] = a.ClientId, ["clientSecret"] = a.ClientSecret };
        }
        return o;
    }

    private static string? ValidateName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "name is required";
        }
        if (name.Length > 50)
        {
            return "name must be at most 50 characters";
        }
        if (name.Contains("linkedin", StringComparison.OrdinalIgnoreCase))
        {
            return "name must not contain 'LinkedIn'";
        }
        return null;
    }

    private static (List<string>? Values, string? Error) Strings(JsonObject o, string field)
    {
        if (!o.TryGetPropertyValue(field, out var n) || n is null)
        {
            return ([], null);
        }
        if (n is not JsonArray arr)
        {
            return (null, $"{field} must be an array of strings");
        }
        var list = new List<string>();
        foreach (var x in arr)
        {
            if (x is not JsonValue v || !v.TryGetValue<string>(out var s))
            {
                return (null, $"{field} must be an array of strings");
            }
            list.Add(s);
        }
        return (list, null);
    }

    private static string? ValidateDomains(List<string> domains)
    {
        foreach (var d in domains)
        {
            if (!Uri.TryCreate(d, UriKind.Absolute, out var u) || (u.Scheme != "http" && u.Scheme != "https") || d.EndsWith('/') || u.AbsolutePath != "/" || u.Query.Length > 0 || u.Fragment.Length > 0)
            {
                return $"validJsSdkDomains entry '{d}' must be an origin (scheme://host[:port]) without a trailing '/'";
            }
        }
        return null;
    }

    private static string? ValidateUrls(List<string> urls)
    {
        foreach (var d in urls)
        {
            if (!Uri.TryCreate(d, UriKind.Absolute, out var u) || (u.Scheme != "http" && u.Scheme != "https"))
            {
                return $"oauth2AuthorizedCallbackUrls entry '{d}' must be an absolute http(s) URL";
            }
        }
        return null;
    }

    private static async Task<IResult> CreateApp(HttpContext ctx, Sim sim)
    {
        var (c, e) = Parent(ctx, sim);
        if (c is null)
        {
            return e!;
        }
        if (RestLiMethods.Require(ctx, false, "create") is { } me)
        {
            return me;
        }
        if (sim.Throttle(ctx, c, "provisionedApplications", sim.Options.DailyRequestLimit) is { } t)
        {
            return t;
        }
        var (body, be) = await RestLi.ReadBody(ctx);
        if (body is null)
        {
            return be!;
        }
        var ufid = body.Str("uniqueForeignId");
        if (string.IsNullOrWhiteSpace(ufid))
        {
            return RestLi.Validation("uniqueForeignId is required");
        }
        var name = body.Str("name");
        if (ValidateName(name) is { } ne)
        {
            return RestLi.Validation(ne);
        }
        var (urls, ue) = Strings(body, "oauth2AuthorizedCallbackUrls");
        if (urls is null)
        {
            return RestLi.Validation(ue!);
        }
        var (domains, de) = Strings(body, "validJsSdkDomains");
        if (domains is null)
        {
            return RestLi.Validation(de!);
        }
        if ((ValidateDomains(domains) ?? ValidateUrls(urls)) is { } ve)
        {
            return RestLi.Validation(ve);
        }
        lock (sim.Store.Gate)
        {
            if (sim.Store.Apps.All.Any(a => a.ParentClientId == c.App.ClientId && a.UniqueForeignId == ufid))
            {
                return RestLi.Error(409, "DUPLICATE", $"An application with uniqueForeignId '{ufid}' already exists");
            }
            var id = sim.Store.NextId("app", 5001);
            var child = new AppRec
            {
                Id = id,
                ClientId = "86" + Sim.NewId(6),
                ClientSecret = Sim.NewSecret(),
                ParentClientId = c.App.ClientId,
                UniqueForeignId = ufid,
                Name = name!,
                Description = body.Str("description"),
                CallbackUrls = urls,
                JsSdkDomains = domains,
                CreatedAt = sim.NowMs,
            };
            sim.Store.Apps.Put(child);
            // Rest.li names the created key X-RestLi-Id in protocol 2.0 and X-LinkedIn-Id in 1.0.
            ctx.Response.Headers[RestLiRequest.Of(ctx).Version == RestLiVersion.V1 ? "X-LinkedIn-Id" : "X-RestLi-Id"] = child.Urn;
            ctx.Response.Headers.Location = "/v2/provisionedApplications/" + Uri.EscapeDataString(child.Urn);
            return RestLi.Json(AppJson(child), 201);
        }
    }

    private static IResult FindApp(HttpContext ctx, Sim sim)
    {
        var (c, e) = Parent(ctx, sim);
        if (c is null)
        {
            return e!;
        }
        if (ctx.Request.Query["q"] != "credentialsByUniqueForeignId")
        {
            return RestLi.BadRequest("Unsupported finder; use q=credentialsByUniqueForeignId");
        }
        var ufid = ctx.Request.Query["uniqueForeignId"].ToString();
        if (string.IsNullOrEmpty(ufid))
        {
            return RestLi.BadRequest("uniqueForeignId is required");
        }
        if (sim.Throttle(ctx, c, "provisionedApplications", sim.Options.DailyRequestLimit) is { } t)
        {
            return t;
        }
        lock (sim.Store.Gate)
        {
            var found = sim.Store.Apps.All.Where(a => a.ParentClientId == c.App.ClientId && a.UniqueForeignId == ufid).Select(a => (JsonNode)AppJson(a));
            return RestLi.Json(RestLi.Collection(found, 0, 10));
        }
    }

    private static AppRec? ChildFromPath(HttpContext ctx, Sim sim, Caller c)
    {
        var urn = Uri.UnescapeDataString(RestLi.RawSegments(ctx)[^1]);
        return sim.Store.Apps.All.FirstOrDefault(a => a.Urn == urn && a.ParentClientId == c.App.ClientId);
    }

    private static IResult GetApp(HttpContext ctx, Sim sim)
    {
        var (c, e) = Parent(ctx, sim);
        if (c is null)
        {
            return e!;
        }
        lock (sim.Store.Gate)
        {
            var a = ChildFromPath(ctx, sim, c);
            return a is null ? RestLi.NotFound("No such provisioned application") : RestLi.Json(AppJson(a));
        }
    }

    private static async Task<IResult> UpdateApp(HttpContext ctx, Sim sim)
    {
        var (c, e) = Parent(ctx, sim);
        if (c is null)
        {
            return e!;
        }
        if (RestLiMethods.Require(ctx, true, "partial_update") is { } me)
        {
            return me;
        }
        var (body, be) = await RestLi.ReadBody(ctx);
        if (body is null)
        {
            return be!;
        }
        if (body["patch"]?["$set"] is not JsonObject set)
        {
            return RestLi.BadRequest("Body must be {\"patch\":{\"$set\":{...}}}");
        }
        foreach (var (k, _) in set)
        {
            if (k is not ("name" or "description" or "oauth2AuthorizedCallbackUrls" or "validJsSdkDomains"))
            {
                return RestLi.Validation($"Field '{k}' cannot be updated");
            }
        }
        string? name = null;
        if (set.ContainsKey("name") && ValidateName(name = set.Str("name")) is { } ne)
        {
            return RestLi.Validation(ne);
        }
        var (urls, ue) = Strings(set, "oauth2AuthorizedCallbackUrls");
        var (domains, de) = Strings(set, "validJsSdkDomains");
        if (urls is null || domains is null)
        {
            return RestLi.Validation(ue ?? de!);
        }
        if ((ValidateDomains(domains) ?? ValidateUrls(urls)) is { } ve)
        {
            return RestLi.Validation(ve);
        }
        lock (sim.Store.Gate)
        {
            var a = ChildFromPath(ctx, sim, c);
            if (a is null)
            {
                return RestLi.NotFound("No such provisioned application");
            }
            if (name is not null)
            {
                a.Name = name;
            }
            if (set.ContainsKey("description"))
            {
                a.Description = set.Str("description");
            }
            if (set.ContainsKey("oauth2AuthorizedCallbackUrls"))
            {
                a.CallbackUrls = urls;
            }
            if (set.ContainsKey("validJsSdkDomains"))
            {
                a.JsSdkDomains = domains;
            }
            sim.Store.Apps.Put(a);
        }
        return Results.StatusCode(204);
    }

    // ---------------- atsIntegrations ----------------
    private static string? ValidateIntegrationKey(Sim sim, Dictionary<string, string> k)
    {
        foreach (var f in new[] { "integrationContext", "integrationType", "tenantType", "dataProvider" })
        {
            if (!k.ContainsKey(f))
            {
                return $"key field {f} is required";
            }
        }
        if (k.Count != 4)
        {
            return "unexpected key fields: " + string.Join(",", k.Keys.Except(["integrationContext", "integrationType", "tenantType", "dataProvider"]));
        }
        if (k["tenantType"] != "RECRUITER")
        {
            return "tenantType must be RECRUITER";
        }
        if (k["dataProvider"] != "ATS")
        {
            return "dataProvider must be ATS";
        }
        if (!KnownTypes.Contains(k["integrationType"]))
        {
            return $"unknown integrationType {k["integrationType"]}";
        }
        var ctxUrn = k["integrationContext"];
        if (k["integrationType"] == Sim.CsaApi)
        {
            if (sim.World.ContractByUrn(ctxUrn) is null)
            {
                return $"CSA_API requires a contract integrationContext; unknown {ctxUrn}";
            }
        }
        else if (ctxUrn != World.Organization)
        {
            return $"unknown organization integrationContext {ctxUrn}";
        }
        return null;
    }

    private static async Task<IResult> NameIntegrations(HttpContext ctx, Sim sim)
    {
        var (c, e) = sim.AuthenticateChild(ctx);
        if (c is null)
        {
            return e!;
        }
        var (entities, be) = await RestLi.ReadBatch<JsonObject>(ctx, "entities", "batch_partial_update");
        if (entities is null)
        {
            return be!;
        }
        var rl = RestLiRequest.Of(ctx);
        var urlKeys = rl.CompoundKeys();
        if (Math.Max(urlKeys.Count, entities.Count) > sim.Options.MaxBatchSize)
        {
            return RestLi.Error(400, "BATCH_TOO_LARGE", $"At most {sim.Options.MaxBatchSize} keys per batch");
        }
        if (sim.Throttle(ctx, c, "atsIntegrations", sim.Options.IntegrationsDailyLimit) is { } t)
        {
            return t;
        }
        var results = new JsonObject();
        var errors = new JsonObject();
        lock (sim.Store.Gate)
        {
            foreach (var (keyString, val) in entities)
            {
                var k = rl.Key(keyString);
                string? err = k is null ? "malformed key" : ValidateIntegrationKey(sim, k);
                if (err is null && urlKeys.Count > 0 && !urlKeys.Any(u => RestLi.SameMap(u, k!)))
                {
                    err = "key is not among the ids in the URL";
                }
                var name = (val?["patch"]?["$set"] as JsonObject)?.Str("integrationName");
                if (err is null && string.IsNullOrWhiteSpace(name))
                {
                    err = "patch.$set.integrationName is required";
                }
                if (err is null && name!.Length > 200)
                {
                    err = "integrationName must be at most 200 characters";
                }
                if (err is not null)
                {
                    errors[keyString] = RestLi.ErrorBody(400, "VALIDATION_FAILED", err);
                    continue;
                }
                var i = sim.GetIntegration(c.App.ClientId, k!["integrationContext"], k["integrationType"]);
                i.Name = name;
                if (i.Status == "REQUESTED")
                {
                    i.Status = "PARTNER_READY";
                }
                i.LastModifiedAt = sim.NowMs;
                sim.Store.Integrations.Put(i);
                results[keyString] = new JsonObject { ["status"] = 204 };
            }
        }
        return RestLi.Json(new JsonObject { ["results"] = results, ["errors"] = errors });
    }

    private static IResult GetIntegrations(HttpContext ctx, Sim sim)
    {
        var (c, e) = sim.AuthenticateChild(ctx);
        if (c is null)
        {
            return e!;
        }
        if (sim.Throttle(ctx, c, "atsIntegrations", sim.Options.IntegrationsDailyLimit) is { } t)
        {
            return t;
        }
        var q = ctx.Request.Query["q"].ToString();
        if (q == "request")
        {
            var requestId = ctx.Request.Query["requestId"].ToString();
            if (string.IsNullOrEmpty(requestId))
            {
                return RestLi.BadRequest("requestId is required");
            }
            var (start, count, pe) = RestLi.Paging(ctx, 100);
            if (pe is not null)
            {
                return pe;
            }
            lock (sim.Store.Gate)
            {
                var req = sim.Store.Requests.Get(requestId);
                var els = req is null || req.ClientId != c.App.ClientId
                    ? []
                    : req.IntegrationKeys.Select(k => sim.Store.Integrations.Get(k)).OfType<IntegrationRec>().Select(i => (JsonNode)sim.IntegrationJson(i)).ToList();
                return RestLi.Json(RestLi.Collection(els, start, count));
            }
        }
        if (q.Length > 0)
        {
            return RestLi.BadRequest($"Unsupported finder q={q}");
        }
        var rl = RestLiRequest.Of(ctx);
        var keys = rl.CompoundKeys();
        if (keys.Count == 0)
        {
            return RestLi.BadRequest("ids are required");
        }
        if (keys.Count > sim.Options.MaxBatchSize)
        {
            return RestLi.Error(400, "BATCH_TOO_LARGE", $"At most {sim.Options.MaxBatchSize} keys per batch");
        }
        var results = new JsonObject();
        var statuses = new JsonObject();
        var errors = new JsonObject();
        lock (sim.Store.Gate)
        {
            foreach (var k in keys)
            {
                var ks = rl.KeyString(k);
                if (ValidateIntegrationKey(sim, k) is { } err)
                {
                    errors[ks] = RestLi.ErrorBody(400, "VALIDATION_FAILED", err);
                    statuses[ks] = 400;
                    continue;
                }
                results[ks] = sim.IntegrationJson(sim.GetIntegration(c.App.ClientId, k["integrationContext"], k["integrationType"]));
                statuses[ks] = 200;
            }
        }
        return RestLi.Json(new JsonObject { ["results"] = results, ["statuses"] = statuses, ["errors"] = errors });
    }

    private static async Task<IResult> Configurations(HttpContext ctx, Sim sim)
    {
        var (c, e) = sim.AuthenticateChild(ctx);
        if (c is null)
        {
            return e!;
        }
        var rl = RestLiRequest.Of(ctx);
        var k = rl.Key(RestLi.RawSegments(ctx)[^2]);
        if (k is null || ValidateIntegrationKey(sim, k) is { } kerr && kerr.Length > 0)
        {
            return RestLi.Validation(k is null ? "malformed integration key in path" : ValidateIntegrationKey(sim, k)!);
        }
        if (sim.Throttle(ctx, c, "atsIntegrations", sim.Options.IntegrationsDailyLimit) is { } t)
        {
            return t;
        }
        var ids = rl.SimpleKeys();
        var type = k["integrationType"];
        var method = ctx.Request.Method;
        JsonObject? entities = null;
        if (method == "PUT")
        {
            (entities, var be) = await RestLi.ReadBatch<JsonObject>(ctx, "entities", "batch_update");
            if (entities is null)
            {
                return be!;
            }
        }
        var results = new JsonObject();
        var errors = new JsonObject();
        lock (sim.Store.Gate)
        {
            var i = sim.GetIntegration(c.App.ClientId, k["integrationContext"], type);
            switch (method)
            {
                case "PUT":
                    foreach (var (id, val) in entities!)
                    {
                        var value = (val?["configurationValue"] as JsonObject)?.Str("string");
                        string? err = !ConfigIds.Contains(id) ? $"unknown configuration {id}"
                            : ids.Count > 0 && !ids.Contains(id) ? "configuration id is not among the ids in the URL"
                            : string.IsNullOrWhiteSpace(value) ? "configurationValue.string is required"
                            : id == "CALLBACK_URL" && (!Uri.TryCreate(value, UriKind.Absolute, out var u) || (u.Scheme != "https" && u.Scheme != "http")) ? "CALLBACK_URL must be an absolute https URL"
                            : id == "JOB_POSTING_VIEWERS" && type != "ONE_CLICK_EXPORT" ? "JOB_POSTING_VIEWERS is a ONE_CLICK_EXPORT configuration"
                            : id == "APPLICATION_VIEWERS" && type != "IN_ATS_INDICATOR" ? "APPLICATION_VIEWERS is an IN_ATS_INDICATOR configuration"
                            : null;
                        if (err is not null)
                        {
                            errors[id] = RestLi.ErrorBody(400, "VALIDATION_FAILED", err);
                            continue;
                        }
                        i.Configurations[id] = value!;
                        if (id == "CALLBACK_URL")
                        {
                            var dispatcher = ctx.RequestServices.GetRequiredService<PushDispatcher>();
                            var app = c.App;
                            _ = Task.Run(() => dispatcher.ChallengeAsync(app, value!));
                        }
                        results[id] = new JsonObject { ["status"] = 204 };
                    }
                    i.LastModifiedAt = sim.NowMs;
                    sim.Store.Integrations.Put(i);
                    return RestLi.Json(new JsonObject { ["results"] = results, ["errors"] = errors });
                case "GET":
                    foreach (var id in ids.Count > 0 ? ids : [.. i.Configurations.Keys])
                    {
                        if (i.Configurations.TryGetValue(id, out var v))
                        {
                            results[id] = new JsonObject { ["configurationValue"] = new JsonObject { ["string"] = v } };
                        }
                        else
                        {
                            errors[id] = RestLi.ErrorBody(404, "NOT_FOUND", $"configuration {id} is not set");
                        }
                    }
                    return RestLi.Json(new JsonObject { ["results"] = results, ["errors"] = errors });
                default:
                    foreach (var id in ids.Count > 0 ? ids : [.. i.Configurations.Keys])
                    {
                        i.Configurations.Remove(id);
                    }
                    if (sim.Store.Integrations.Get(i.Key) is not null)
                    {
                        sim.Store.Integrations.Put(i);
                    }
                    return Results.StatusCode(204);
            }
        }
    }
}
