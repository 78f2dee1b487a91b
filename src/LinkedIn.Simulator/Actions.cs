using System.Text.Json.Nodes;

namespace LinkedIn.Simulator;

/// <summary>Things members do on LinkedIn's screens (shared by the screens and the /_sim shortcuts).</summary>
internal sealed class SimActions(Sim sim, PushDispatcher pushes)
{
    public const string CompanyBundle = "RECRUITER_SYSTEM_CONNECT_COMPANY";
    public const string ContractBundle = "RECRUITER_SYSTEM_CONNECT_CONTRACT";

    public Sim Sim => sim;

    public static string[] BundleTypes(string bundle) => bundle == CompanyBundle ? Sim.OrgTypes : [Sim.CsaApi];

    /// <summary>Bundle state as the widget shows it: Request, Requested, Notify partner, Partner ready, Enabled, Disabled.</summary>
    public string BundleState(string clientId, string bundle, string context)
    {
        var recs = BundleTypes(bundle).Select(t => sim.GetIntegration(clientId, context, t)).ToList();
        if (recs.All(r => r.Status == "ENABLED"))
        {
            return "Enabled";
        }
        if (recs.Any(r => r.Status == "DISABLED"))
        {
            return "Disabled";
        }
        if (recs.All(r => r.Status == "PARTNER_READY"))
        {
            return "Partner ready";
        }
        if (recs.Any(r => r.Status is "REQUESTED" or "PARTNER_READY"))
        {
            var requestedAt = recs.Max(r => r.RequestedAt ?? 0);
            return sim.NowMs - requestedAt >= (long)sim.NotifyPartnerDelay.TotalMilliseconds ? "Notify partner" : "Requested";
        }
        return "Request";
    }

    /// <summary>"Request" (or "Notify partner"): marks the bundle's integrations REQUESTED and returns the integration contexts for data-onintegrate.</summary>
    public JsonArray RequestBundle(AppRec app, string bundle, string context)
    {
        lock (sim.Store.Gate)
        {
            var req = new RequestRec { Id = "req-" + Sim.NewId(8), ClientId = app.ClientId, Kind = "INTEGRATION_REQUEST", CreatedAt = sim.NowMs };
            var arr = new JsonArray();
            foreach (var type in BundleTypes(bundle))
            {
                var i = sim.GetIntegration(app.ClientId, context, type);
                if (i.Status is not ("ENABLED" or "DISABLED"))
                {
                    i.Status = string.IsNullOrEmpty(i.Name) ? "REQUESTED" : "PARTNER_READY";
                }
                i.RequestedAt = sim.NowMs;
                i.RequestId = req.Id;
                i.LastModifiedAt = sim.NowMs;
                sim.Store.Integrations.Put(i);
                req.IntegrationKeys.Add(i.Key);
                arr.Add(new JsonObject
                {
                    ["integrationContext"] = context,
                    ["integrationType"] = type,
                    ["tenantType"] = "RECRUITER",
                    ["dataProvider"] = "ATS",
                    ["requestId"] = req.Id,
                });
            }
            sim.Store.Requests.Put(req);
            return arr;
        }
    }

    public bool CanToggle(string clientId, string bundle, string context) =>
        BundleState(clientId, bundle, context) is "Partner ready" or "Enabled" or "Disabled";

    /// <summary>The admin's toggle: enables/disables the bundle's integrations and pushes INTEGRATION_STATUS_CHANGE.</summary>
    public string? Toggle(AppRec app, string bundle, string context, bool enable)
    {
        PushRec push;
        lock (sim.Store.Gate)
        {
            if (!CanToggle(app.ClientId, bundle, context))
            {
                return "The partner has not named its integrations yet (Partner ready is required).";
            }
            var req = new RequestRec { Id = "notif-" + Sim.NewId(8), ClientId = app.ClientId, Kind = "INTEGRATION_STATUS_CHANGE", CreatedAt = sim.NowMs };
            foreach (var type in BundleTypes(bundle))
            {
                var i = sim.GetIntegration(app.ClientId, context, type);
                i.Status = enable ? "ENABLED" : "DISABLED";
                i.EverEnabled |= enable;
                i.LastModifiedAt = sim.NowMs;
                sim.Store.Integrations.Put(i);
                req.IntegrationKeys.Add(i.Key);
            }
            sim.Store.Requests.Put(req);
            push = sim.CreatePush(app, req.Id, "INTEGRATION_STATUS_CHANGE");
        }
        pushes.Enqueue(push.Id);
        return null;
    }

    /// <summary>Test shortcut: force integrations to a status (no push unless asked).</summary>
    public List<IntegrationRec> ForceStatus(AppRec app, string context, IEnumerable<string> types, string status, string? name, bool push)
    {
        var list = new List<IntegrationRec>();
        PushRec? p = null;
        lock (sim.Store.Gate)
        {
            var req = new RequestRec { Id = "notif-" + Sim.NewId(8), ClientId = app.ClientId, Kind = "INTEGRATION_STATUS_CHANGE", CreatedAt = sim.NowMs };
            foreach (var t in types)
            {
                var i = sim.GetIntegration(app.ClientId, context, t);
                i.Status = status;
                i.EverEnabled |= status == "ENABLED";
                i.Name ??= name ?? $"{app.Name} {t}";
                i.LastModifiedAt = sim.NowMs;
                sim.Store.Integrations.Put(i);
                req.IntegrationKeys.Add(i.Key);
                list.Add(i);
            }
            sim.Store.Requests.Put(req);
            if (push)
            {
                p = sim.CreatePush(app, req.Id, "INTEGRATION_STATUS_CHANGE");
            }
        }
        if (p is not null)
        {
            pushes.Enqueue(p.Id);
        }
        return list;
    }

    public int ExportsThisMonth(string seat)
    {
        var now = sim.Clock.GetUtcNow();
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        return sim.Store.Exports.All.Count(x => x.Seat == seat && x.ExportedAt >= monthStart);
    }

    /// <summary>1-Click Export of a member to a synced open job; sends the EXPORT_CANDIDATE_PROFILE push.</summary>
    public (ExportRec? Export, string? Error) Export(Seat seat, Member member, AppRec app, string externalJobPostingId)
    {
        PushRec push;
        ExportRec x;
        lock (sim.Store.Gate)
        {
            if (!sim.IsEnabled(app.ClientId, World.Organization, "ONE_CLICK_EXPORT"))
            {
                return (null, "1-Click Export is not enabled for this ATS.");
            }
            var job = sim.Store.Jobs.Get($"{app.ClientId}|{World.Organization}|{externalJobPostingId}");
            if (job is null || job.State != "LISTED")
            {
                return (null, "Pick an open job synced by the ATS.");
            }
            if (!sim.JobVisible(app.ClientId, externalJobPostingId, $"urn:li:person:{seat.MemberId}", "ONE_CLICK_EXPORT", "JOB_POSTING_VIEWERS"))
            {
                return (null, "You are not allowed to see this job (ATS access control).");
            }
            if (ExportsThisMonth(seat.Urn) >= sim.Options.ExportsPerSeatPerMonth)
            {
                return (null, $"You have reached the limit of {sim.Options.ExportsPerSeatPerMonth} exports per seat this month.");
            }
            var id = "exp-" + Sim.NewId(8);
            x = new ExportRec
            {
                Id = id,
                RequestId = Guid.NewGuid().ToString(),
                ClientId = app.ClientId,
                MemberId = member.Id,
                ExternalJobPostingId = externalJobPostingId,
                Context = World.Organization,
                Seat = seat.Urn,
                SeatMember = seat.MemberId,
                Contract = seat.Contract,
                ExportedAt = sim.NowMs,
            };
            sim.Store.Exports.Put(x);
            push = sim.CreatePush(app, x.RequestId, "EXPORT_CANDIDATE_PROFILE");
        }
        pushes.Enqueue(push.Id);
        return (x, null);
    }

    public ConversationRec SendInMail(Seat seat, Member member, string subject, string body)
    {
        lock (sim.Store.Gate)
        {
            var conv = new ConversationRec { Id = "conv-" + Sim.NewId(8), Seat = seat.Urn, MemberId = member.Id, Subject = subject, CreatedAt = sim.NowMs };
            sim.Store.Conversations.Put(conv);
            sim.AddEvent(conv, "INMAIL_SENT", seat.Urn, body, sim.NowMs);
            return conv;
        }
    }

    /// <summary>The member's answer: accept, decline or reply; on acceptance with sharing a stub profile is created.</summary>
    public StubRec? Respond(ConversationRec conv, Member member, string action, string? message, bool shareProfile, bool shareEmail, bool sharePhone)
    {
        lock (sim.Store.Gate)
        {
            var now = sim.NowMs;
            switch (action)
            {
                case "accept":
                    conv.State = "ACCEPTED";
                    sim.AddEvent(conv, "INMAIL_ACCEPTED", member.Urn, string.IsNullOrWhiteSpace(message) ? "Yes, I'm interested." : message, now);
                    break;
                case "decline":
                    conv.State = "DECLINED";
                    sim.AddEvent(conv, "INMAIL_DECLINED", member.Urn, string.IsNullOrWhiteSpace(message) ? "No thanks." : message, now);
                    break;
                default:
                    sim.AddEvent(conv, "INMAIL_REPLY", member.Urn, message ?? "", now);
                    break;
            }
            sim.Store.Conversations.Put(conv);
            if (action == "accept" && (shareProfile || shareEmail || sharePhone))
            {
                var stub = new StubRec
                {
                    Id = "stub-" + Sim.NewId(8),
                    MemberId = member.Id,
                    FirstName = member.FirstName,
                    LastName = member.LastName,
                    EmailAddress = shareEmail ? member.Email : null,
                    PhoneNumber = sharePhone ? member.Phone : null,
                    Owner = conv.Seat,
                    Contract = sim.World.SeatByUrn(conv.Seat)?.Contract ?? World.GlobalContract,
                    CreatedAt = now,
                };
                sim.Store.Stubs.Put(stub);
                return stub;
            }
            return null;
        }
    }

    public ProspectNoteRec AddNote(Seat seat, Member member, string note, string visibility)
    {
        lock (sim.Store.Gate)
        {
            var n = new ProspectNoteRec
            {
                Id = "pn-" + Sim.NewId(8),
                MemberId = member.Id,
                Owner = seat.Urn,
                Contract = seat.Contract,
                Note = note,
                Visibility = visibility == "PRIVATE" ? "PRIVATE" : "PUBLIC",
                CreatedAt = sim.NowMs,
                LastModifiedAt = sim.NowMs,
            };
            sim.Store.ProspectNotes.Put(n);
            return n;
        }
    }
}
