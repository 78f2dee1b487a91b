using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator;

internal sealed class FaultSettings
{
    public int LatencyMs { get; set; }
    public double ErrorRate { get; set; }
    public double TooManyRequestsRate { get; set; }
    public bool DropCallbacks { get; set; }
    public int CallbackDelayMs { get; set; }
    public bool LiftRateLimits { get; set; }
}

internal sealed record LoggedRequest(long Id, long At, string Method, string Path, string? ClientId, Dictionary<string, string> Headers, int Status, long DurationMs);

internal sealed record Caller(AppRec App, TokenRec Token);

/// <summary>The simulator's services: store, world, clock, faults, limits, request log.</summary>
internal sealed class Sim
{
    public static readonly string[] OrgTypes = ["IN_ATS_INDICATOR", "ONE_CLICK_EXPORT", "PROFILE_PLUGIN"];
    public const string CsaApi = "CSA_API";

    public SimulatorOptions Options { get; }
    public SimStore Store { get; }
    public World World { get; }
    public SimClock Clock { get; }
    public FaultSettings Faults { get; set; } = new();
    public TimeSpan NotifyPartnerDelay { get; set; }

    public TimeSpan JobTaskProcessingTime { get; set; }
    private readonly ConcurrentQueue<LoggedRequest> _log = new();
    private long _logId;

    public Sim(SimulatorOptions options)
    {
        Options = options;
        Clock = new SimClock(options.TimeProvider);
        NotifyPartnerDelay = options.NotifyPartnerDelay;
        JobTaskProcessingTime = options.JobTaskProcessingTime;
        World = new World(options.MemberCount);
        Store = new SimStore(options.ResolveDatabasePath());
        lock (Store.Gate)
        {
            if (Store.IsEmpty)
            {
                Seed();
            }
            EnsurePartnerApp();
        }
    }

    public long NowMs => Clock.NowMs;

    public static string NewId(int bytes = 12) =>
        Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();

    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', 'A').Replace('/', 'B').TrimEnd('=');

    public void Reset()
    {
        lock (Store.Gate)
        {
            Store.Clear();
            Clock.Reset();
            Faults = new FaultSettings();
            NotifyPartnerDelay = Options.NotifyPartnerDelay;
            JobTaskProcessingTime = Options.JobTaskProcessingTime;
            _log.Clear();
            Seed();
            EnsurePartnerApp();
        }
    }

    private void EnsurePartnerApp()
    {
        var app = Store.Apps.Get(Options.PartnerClientId);
        if (app is null || app.ClientSecret != Options.PartnerClientSecret || !app.IsParent)
        {
            Store.Apps.Put(new AppRec
            {
                ClientId = Options.PartnerClientId,
                ClientSecret = Options.PartnerClientSecret,
                Id = 4001,
                IsParent = true,
                Name = "Attract (partner)",
                CallbackUrls = [.. Options.PartnerRedirectUris],
                CreatedAt = NowMs,
            });
        }
    }

    private void Seed()
    {
        Store.InTransaction(() =>
        {
            Store.Settings.Put(new SettingRec { Key = "seededAt", Value = NowMs.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (!Options.SeedSampleData)
            {
                return;
            }
            // Colleagues' InMails and notes, so that pulls return data from "others".
            var now = NowMs;
            var colleagues = new[] { "urn:li:seat:9004", "urn:li:seat:9005" };
            for (var i = 0; i < 6; i++)
            {
                var seat = colleagues[i % 2];
                var member = World.Members[10 + i * 7];
                var at = now - (i + 1) * 3_600_000L;
                var conv = new ConversationRec { Id = $"conv-seed-{i}", Seat = seat, MemberId = member.Id, Subject = $"Opportunity at Contoso for {member.FirstName}", CreatedAt = at, State = i % 3 == 0 ? "ACCEPTED" : "PENDING" };
                Store.Conversations.Put(conv);
                AddEvent(conv, "INMAIL_SENT", seat, $"Hi {member.FirstName}, we are hiring at Contoso. Interested in a chat?", at);
                if (conv.State == "ACCEPTED")
                {
                    AddEvent(conv, "INMAIL_ACCEPTED", member.Urn, "Sounds interesting, happy to talk.", at + 600_000);
                    Store.Stubs.Put(new StubRec { Id = $"stub-seed-{i}", MemberId = member.Id, FirstName = member.FirstName, LastName = member.LastName, EmailAddress = member.Email, Owner = seat, Contract = World.GlobalContract, CreatedAt = at + 600_000 });
                }
                Store.ProspectNotes.Put(new ProspectNoteRec
                {
                    Id = $"pn-seed-{i}",
                    MemberId = member.Id,
                    Owner = seat,
                    Contract = World.GlobalContract,
                    Note = $"Spoke with {member.FirstName}; strong {member.Title} background.",
                    Visibility = i % 2 == 0 ? "PUBLIC" : "PRIVATE",
                    CreatedAt = at,
                    LastModifiedAt = at,
                });
            }
            Store.Projects.Put(new ProjectRec { Id = "proj-seed-1", Name = "Backend hiring 2026", Seat = "urn:li:seat:9004", Members = [World.Members[12].Id], CreatedAt = now });
        });
    }

    public EventRec AddEvent(ConversationRec conv, string type, string sender, string body, long at)
    {
        var e = new EventRec
        {
            Id = "ev-" + NewId(8),
            ConversationId = conv.Id,
            EventType = type,
            Sender = sender,
            Seat = conv.Seat,
            Prospect = $"urn:li:person:{conv.MemberId}",
            Subject = conv.Subject,
            Body = body,
            CreatedAt = at,
        };
        Store.Events.Put(e);
        return e;
    }

    // ---------- request log ----------
    public void LogRequest(HttpContext ctx, string? clientId, long durationMs)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in ctx.Request.Headers)
        {
            headers[k] = Redact(k, v.ToString());
        }
        var path = ctx.Request.Path + RedactQuery(ctx.Request.QueryString.Value);
        _log.Enqueue(new LoggedRequest(Interlocked.Increment(ref _logId), NowMs, ctx.Request.Method, path, clientId, headers, ctx.Response.StatusCode, durationMs));
        while (_log.Count > 2000 && _log.TryDequeue(out _))
        {
        }
    }

    public IEnumerable<LoggedRequest> RequestLog => _log.ToArray();

    public void ClearRequestLog() => _log.Clear();

    private static string Redact(string name, string value)
    {
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
        {
            var sp = value.IndexOf(' ');
            return sp > 0 ? value[..sp] + " ***" : "***";
        }
        if (name.Equals("Cookie", StringComparison.OrdinalIgnoreCase) || name.Contains("secret", StringComparison.OrdinalIgnoreCase) || name.Contains("token", StringComparison.OrdinalIgnoreCase))
        {
            return "***";
        }
        return value;
    }

    private static string RedactQuery(string? qs)
    {
        if (string.IsNullOrEmpty(qs))
        {
            return "";
        }
        var parts = qs.TrimStart('?').Split('&').Select(p =>
        {
            var i = p.IndexOf('=');
            var k = i < 0 ? p : p[..i];
            return k.Contains("secret", StringComparison.OrdinalIgnoreCase) || k.Contains("token", StringComparison.OrdinalIgnoreCase) || k == "code" || k == "code_verifier" ? k + "=***" : p;
        });
        return "?" + string.Join('&', parts);
    }

    // ---------- authentication of API callers ----------
    private const string CallerItem = "sim.caller";

    /// <summary>The caller of an API request (the API guard authenticates first; handlers then get the same answer).</summary>
    public (Caller? Caller, IResult? Error) Authenticate(HttpContext ctx)
    {
        if (ctx.Items.TryGetValue(CallerItem, out var known) && known is Caller caller)
        {
            return (caller, null);
        }
        var auth = ctx.Request.Headers.Authorization.ToString();
        if (!auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, RestLi.Error(401, "INVALID_ACCESS_TOKEN", "Empty oauth2 access token"));
        }
        var token = auth[7..].Trim();
        lock (Store.Gate)
        {
            var t = Store.Tokens.Get(token);
            if (t is null || t.IsRefresh)
            {
                return (null, RestLi.Error(401, "INVALID_ACCESS_TOKEN", "Invalid access token"));
            }
            if (t.ExpiresAt <= NowMs)
            {
                return (null, RestLi.Error(401, "EXPIRED_ACCESS_TOKEN", "The token used in the request has expired"));
            }
            var app = Store.Apps.Get(t.ClientId);
            if (app is null)
            {
                return (null, RestLi.Error(401, "INVALID_ACCESS_TOKEN", "The application of this token no longer exists"));
            }
            ctx.Items["sim.clientId"] = app.ClientId;
            var c = new Caller(app, t);
            ctx.Items[CallerItem] = c;
            return (c, null);
        }
    }

    /// <summary>A 2-legged child-app token (RSC calls).</summary>
    public (Caller? Caller, IResult? Error) AuthenticateChild(HttpContext ctx)
    {
        var (c, e) = Authenticate(ctx);
        if (c is null)
        {
            return (null, e);
        }
        if (c.App.IsParent)
        {
            return (null, RestLi.Forbidden("The partner (parent) application may only call provisionedApplications; use the child application's token"));
        }
        return (c, null);
    }

    // ---------- integrations / gating ----------
    public IntegrationRec GetIntegration(string clientId, string context, string type)
    {
        return Store.Integrations.Get($"{clientId}|{context}|{type}") ?? new IntegrationRec { ClientId = clientId, Context = context, Type = type };
    }

    public bool IsEnabled(string clientId, string context, string type) =>
        Store.Integrations.Get($"{clientId}|{context}|{type}")?.Status == "ENABLED";

    public IResult? Gate(Caller c, string context, params string[] anyOfTypes)
    {
        lock (Store.Gate)
        {
            if (anyOfTypes.Any(t => IsEnabled(c.App.ClientId, context, t)))
            {
                return null;
            }
        }
        return RestLi.Forbidden($"Integration {string.Join(" or ", anyOfTypes)} is not enabled for {context}");
    }

    // ---------- limits ----------
    /// <summary>Counts one request of <paramref name="bucket"/> (daily) and <paramref name="records"/> records (per minute, when &gt; 0).</summary>
    public IResult? Throttle(HttpContext ctx, Caller c, string bucket, int dailyLimit, int records = 0)
    {
        if (Faults.LiftRateLimits)
        {
            return null;
        }
        var now = Clock.GetUtcNow();
        var day = now.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var minute = now.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);
        lock (Store.Gate)
        {
            var dayKey = $"{c.App.ClientId}|{bucket}|{day}";
            var d = Store.Counters.Get(dayKey) ?? new CounterRec { Key = dayKey };
            if (d.Count >= dailyLimit)
            {
                return RestLi.Error(429, "TOO_MANY_REQUESTS", $"Daily limit of {dailyLimit} requests for {bucket} reached; resets at midnight UTC");
            }
            if (records > 0)
            {
                var minKey = $"{c.App.ClientId}|records|{minute}";
                var m = Store.Counters.Get(minKey) ?? new CounterRec { Key = minKey };
                if (m.Count + records > Options.RecordsPerMinuteLimit)
                {
                    var retry = 60 - now.Second;
                    ctx.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return RestLi.Error(429, "TOO_MANY_REQUESTS", $"Limit of {Options.RecordsPerMinuteLimit} records per minute reached");
                }
                m.Count += records;
                Store.Counters.Put(m);
            }
            d.Count++;
            Store.Counters.Put(d);
        }
        return null;
    }

    // ---------- pushes ----------
    public static string Sign(string secret, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("hmacsha256=" + body));
        return Convert.ToHexString(mac).ToLowerInvariant();
    }

    public string? CallbackUrl(string clientId)
    {
        foreach (var type in new[] { "ONE_CLICK_EXPORT", "IN_ATS_INDICATOR", "PROFILE_PLUGIN" })
        {
            var i = Store.Integrations.Get($"{clientId}|{World.Organization}|{type}");
            if (i is not null && i.Configurations.TryGetValue("CALLBACK_URL", out var url))
            {
                return url;
            }
        }
        return Store.Integrations.All.Where(i => i.ClientId == clientId && i.Configurations.ContainsKey("CALLBACK_URL"))
            .Select(i => i.Configurations["CALLBACK_URL"]).FirstOrDefault();
    }

    /// <summary>Creates a push record (caller holds the lock). The dispatcher sends it.</summary>
    public PushRec CreatePush(AppRec app, string id, string type, JsonObject? extra = null)
    {
        var node = new JsonObject { ["id"] = id, ["type"] = type, ["expiresAt"] = NowMs + 7L * 24 * 3_600_000 };
        foreach (var (k, v) in extra ?? [])
        {
            node[k] = v?.DeepClone();
        }
        var body = node.ToJsonString();
        var push = new PushRec
        {
            Id = id,
            ClientId = app.ClientId,
            Type = type,
            Url = CallbackUrl(app.ClientId),
            Body = body,
            Signature = Sign(app.ClientSecret, body),
            CreatedAt = NowMs,
            Status = "PENDING",
        };
        Store.Pushes.Put(push);
        return push;
    }

    public JsonObject IntegrationJson(IntegrationRec i) => new()
    {
        ["integrationContext"] = i.Context,
        ["integrationType"] = i.Type,
        ["tenantType"] = "RECRUITER",
        ["dataProvider"] = "ATS",
        ["integrationName"] = i.Name,
        ["status"] = i.Status,
        ["lastModifiedAt"] = i.LastModifiedAt,
    };

    public static string IntegrationKeyString(string context, string type) =>
        RestLi.Canonical(new Dictionary<string, string> { ["integrationContext"] = context, ["integrationType"] = type, ["tenantType"] = "RECRUITER", ["dataProvider"] = "ATS" });

    // ---------- member sessions ----------
    public const string SessionCookie = "li_sim_session";

    public (Member Member, SessionRec Session)? CurrentMember(HttpContext ctx)
    {
        var id = ctx.Request.Cookies[SessionCookie];
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }
        lock (Store.Gate)
        {
            var s = Store.Sessions.Get(id);
            if (s is null || !World.ById.TryGetValue(s.MemberId, out var m))
            {
                return null;
            }
            return (m, s);
        }
    }

    public SessionRec SignIn(HttpContext ctx, Member m)
    {
        var s = new SessionRec { Id = NewId(16), MemberId = m.Id, Seat = World.SeatsOf(m.Id).FirstOrDefault()?.Urn, CreatedAt = NowMs };
        lock (Store.Gate)
        {
            Store.Sessions.Put(s);
        }
        ctx.Response.Cookies.Append(SessionCookie, s.Id, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/", IsEssential = true });
        return s;
    }

    public void SignOut(HttpContext ctx)
    {
        var id = ctx.Request.Cookies[SessionCookie];
        if (id is not null)
        {
            lock (Store.Gate)
            {
                Store.Sessions.Delete(id);
            }
        }
        ctx.Response.Cookies.Delete(SessionCookie, new CookieOptions { Path = "/", SameSite = SameSiteMode.Lax });
    }

    // ---------- matching ----------
    /// <summary>The automatic match: email, then profile URL, then phone, then name + company.</summary>
    public Member? AutoMatch(JsonObject candidate)
    {
        if (candidate["emailAddresses"] is JsonArray emails)
        {
            foreach (var e in emails)
            {
                var s = e is JsonValue v && v.TryGetValue<string>(out var str) ? str : (e as JsonObject)?.Str("emailAddress");
                if (!string.IsNullOrWhiteSpace(s) && World.FindByEmail(s) is { } m)
                {
                    return m;
                }
            }
        }
        var url = World.NormalizeProfileUrl(candidate.Str("linkedInProfileUrl"));
        if (url.Length > 0 && World.FindByProfileUrl(url) is { } byUrl)
        {
            return byUrl;
        }
        if (candidate["phoneNumbers"] is JsonArray phones)
        {
            foreach (var p in phones.OfType<JsonObject>())
            {
                var d = World.Digits(p.Str("number"));
                if (d.Length >= 7 && World.FindByPhone(d) is { } byPhone)
                {
                    return byPhone;
                }
            }
        }
        var first = candidate.Str("firstName");
        var last = candidate.Str("lastName");
        var company = candidate.Str("currentCompanyName");
        if (!string.IsNullOrWhiteSpace(first) && !string.IsNullOrWhiteSpace(last) && !string.IsNullOrWhiteSpace(company))
        {
            return World.FindByNameAndCompany(first, last, company);
        }
        return null;
    }

    public Member? EffectiveMatch(EntityRec cand) =>
        cand.ManualMatchedMember is not null ? World.FindByUrn(cand.ManualMatchedMember) : AutoMatch(JsonExt.Obj(cand.Json));

    /// <summary>
    /// Job visibility (ours): when the viewers configuration (JOB_POSTING_VIEWERS on ONE_CLICK_EXPORT, APPLICATION_VIEWERS on IN_ATS_INDICATOR)
    /// is set to anything but ALL_PRODUCT_USERS, a job is visible only to members assigned to one of the job's ACLs.
    /// </summary>
    public bool JobVisible(string clientId, string jobId, string memberUrn, string integrationType, string configuration)
    {
        var i = Store.Integrations.Get($"{clientId}|{World.Organization}|{integrationType}");
        if (i is null || !i.Configurations.TryGetValue(configuration, out var v) || v == "ALL_PRODUCT_USERS")
        {
            return true;
        }
        var aclIds = Store.Entities.All.Where(e => e.ClientId == clientId && e.Resource == SyncEndpoints.Acls.Name && e.KeyFields["atsEntityId"] == jobId)
            .Select(e => e.KeyFields["atsEntityAclId"]).ToHashSet();
        return Store.Entities.All.Any(e => e.ClientId == clientId && e.Resource == SyncEndpoints.AclAssignees.Name && e.KeyFields["assignee"] == memberUrn && aclIds.Contains(e.KeyFields["atsEntityAclId"]));
    }

    /// <summary>Child apps with any ENABLED org-level integration (the "integrated ATS instances").</summary>
    public List<AppRec> IntegratedApps(string? type = null)
    {
        var ids = Store.Integrations.All
            .Where(i => i.Status == "ENABLED" && i.Context == World.Organization && (type is null || i.Type == type))
            .Select(i => i.ClientId).Distinct().ToHashSet();
        return Store.Apps.All.Where(a => ids.Contains(a.ClientId)).OrderBy(a => a.Id).ToList();
    }
}
