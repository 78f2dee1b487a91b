using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Domain;

/// <summary>Things members do on LinkedIn's screens (shared by the screens and the /_sim shortcuts).</summary>
internal sealed class MemberActions(Simulation simulation, PushDispatcher pushes)
{
    public const string CompanyBundle = "RECRUITER_SYSTEM_CONNECT_COMPANY";
    public const string ContractBundle = "RECRUITER_SYSTEM_CONNECT_CONTRACT";

    public static string[] BundleTypes(string bundle) => bundle == CompanyBundle ? Simulation.OrgTypes : [Simulation.CsaApi];

    /// <summary>Bundle state as the widget shows it: Request, Requested, Notify partner, Partner ready, Enabled, Disabled.</summary>
    public string BundleState(string clientId, string bundle, string context)
    {
        var integrations = BundleTypes(bundle).Select(t => simulation.GetIntegration(clientId, context, t)).ToList();
        if (integrations.All(r => r.Status == "ENABLED"))
        {
            return "Enabled";
        }
        if (integrations.Any(r => r.Status == "DISABLED"))
        {
            return "Disabled";
        }
        if (integrations.All(r => r.Status == "PARTNER_READY"))
        {
            return "Partner ready";
        }
        if (integrations.Any(r => r.Status is "REQUESTED" or "PARTNER_READY"))
        {
            var requestedAt = integrations.Max(r => r.RequestedAt ?? 0);
            return simulation.NowMs - requestedAt >= (long)simulation.NotifyPartnerDelay.TotalMilliseconds ? "Notify partner" : "Requested";
        }
        return "Request";
    }

    /// <summary>"Request" (or "Notify partner"): marks the bundle's integrations REQUESTED and returns the integration contexts for data-onintegrate.</summary>
    public JsonArray RequestBundle(AppRec app, string bundle, string context) => simulation.State.Write(state =>
    {
        var request = new RequestRec { Id = "req-" + Simulation.NewId(8), ClientId = app.ClientId, Kind = "INTEGRATION_REQUEST", CreatedAt = simulation.NowMs };
        var contexts = new JsonArray();
        foreach (var type in BundleTypes(bundle))
        {
            var integration = simulation.GetIntegration(app.ClientId, context, type);
            if (integration.Status is not ("ENABLED" or "DISABLED"))
            {
                integration.Status = string.IsNullOrEmpty(integration.Name) ? "REQUESTED" : "PARTNER_READY";
            }
            integration.RequestedAt = simulation.NowMs;
            integration.RequestId = request.Id;
            integration.LastModifiedAt = simulation.NowMs;
            state.Integrations.Put(integration);
            request.IntegrationKeys.Add(integration.Key);
            contexts.Add(new JsonObject
            {
                ["integrationContext"] = context,
                ["integrationType"] = type,
                ["tenantType"] = "RECRUITER",
                ["dataProvider"] = "ATS",
                ["requestId"] = request.Id,
            });
        }
        state.Requests.Put(request);
        return contexts;
    });

    /// <summary>
    /// The state a screen shows: <see cref="BundleState"/>, except that Company-level access which is not Enabled itself but comes
    /// with an Enabled Contract-level access reads "Included in Contract-level access".
    /// </summary>
    public string ShownState(string clientId, string bundle, string context)
    {
        var state = BundleState(clientId, bundle, context);
        return bundle == CompanyBundle && state != "Enabled" && simulation.IncludedByContract(clientId, context) ? IncludedState : state;
    }

    public const string IncludedState = "Included in Contract-level access";

    /// <summary>
    /// A Contract-level change also changes the effective status of the organization's types (Contract-level access includes them):
    /// the notification lists them too, so the partner reads them again. Their stored status stays what the admin set.
    /// </summary>
    private void AddIncludedOrgTypes(StateStore state, RequestRec notification, string clientId, string context)
    {
        if (simulation.World.ContractByUrn(context) is not { } contract)
        {
            return;
        }
        foreach (var type in Simulation.OrgTypes)
        {
            var integration = simulation.GetIntegration(clientId, contract.Organization, type);
            state.Integrations.Put(integration);
            notification.IntegrationKeys.Add(integration.Key);
        }
    }

    public bool CanToggle(string clientId, string bundle, string context) =>
        BundleState(clientId, bundle, context) is "Partner ready" or "Enabled" or "Disabled";

    /// <summary>The admin's toggle: enables/disables the bundle's integrations and pushes INTEGRATION_STATUS_CHANGE.</summary>
    public string? Toggle(AppRec app, string bundle, string context, bool enable)
    {
        var push = simulation.State.Write(state =>
        {
            if (!CanToggle(app.ClientId, bundle, context))
            {
                return null;
            }
            var notification = new RequestRec { Id = "notif-" + Simulation.NewId(8), ClientId = app.ClientId, Kind = "INTEGRATION_STATUS_CHANGE", CreatedAt = simulation.NowMs };
            foreach (var type in BundleTypes(bundle))
            {
                var integration = simulation.GetIntegration(app.ClientId, context, type);
                integration.Status = enable ? "ENABLED" : "DISABLED";
                integration.EverEnabled |= enable;
                integration.LastModifiedAt = simulation.NowMs;
                state.Integrations.Put(integration);
                notification.IntegrationKeys.Add(integration.Key);
            }
            AddIncludedOrgTypes(state, notification, app.ClientId, context);
            state.Requests.Put(notification);
            return simulation.CreatePush(app, notification.Id, "INTEGRATION_STATUS_CHANGE");
        });
        if (push is null)
        {
            return "The partner has not named its integrations yet (Partner ready is required).";
        }
        pushes.Enqueue(push.Id);
        return null;
    }

    /// <summary>Test shortcut: force integrations to a status (no push unless asked).</summary>
    public List<IntegrationRec> ForceStatus(AppRec app, string context, IEnumerable<string> types, string status, string? name, bool push)
    {
        var forced = new List<IntegrationRec>();
        var notificationPush = simulation.State.Write(state =>
        {
            var notification = new RequestRec { Id = "notif-" + Simulation.NewId(8), ClientId = app.ClientId, Kind = "INTEGRATION_STATUS_CHANGE", CreatedAt = simulation.NowMs };
            foreach (var type in types)
            {
                var integration = simulation.GetIntegration(app.ClientId, context, type);
                integration.Status = status;
                integration.EverEnabled |= status == "ENABLED";
                integration.Name ??= name ?? $"{app.Name} {type}";
                integration.LastModifiedAt = simulation.NowMs;
                state.Integrations.Put(integration);
                notification.IntegrationKeys.Add(integration.Key);
                forced.Add(integration);
            }
            if (forced.Any(i => i.Type == Simulation.CsaApi))
            {
                AddIncludedOrgTypes(state, notification, app.ClientId, context);
            }
            state.Requests.Put(notification);
            return push ? simulation.CreatePush(app, notification.Id, "INTEGRATION_STATUS_CHANGE") : null;
        });
        if (notificationPush is not null)
        {
            pushes.Enqueue(notificationPush.Id);
        }
        return forced;
    }

    public int ExportsThisMonth(string seat)
    {
        var now = simulation.Clock.GetUtcNow();
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        return simulation.State.Read(state => state.Exports.All.Count(x => x.Seat == seat && x.ExportedAt >= monthStart));
    }

    /// <summary>1-Click Export of a member to a synced open job; sends the EXPORT_CANDIDATE_PROFILE push.</summary>
    public (ExportRec? Export, string? Error) Export(Seat seat, Member member, AppRec app, string externalJobPostingId)
    {
        var (export, push, error) = simulation.State.Write<(ExportRec?, PushRec?, string?)>(state =>
        {
            if (ExportRefusal(state, seat, app, externalJobPostingId) is { } refusal)
            {
                return (null, null, refusal);
            }
            var export = new ExportRec
            {
                Id = "exp-" + Simulation.NewId(8),
                RequestId = Guid.NewGuid().ToString(),
                ClientId = app.ClientId,
                MemberId = member.Id,
                ExternalJobPostingId = externalJobPostingId,
                Context = SeededWorld.Organization,
                Seat = seat.Urn,
                SeatMember = seat.MemberId,
                Contract = seat.Contract,
                ExportedAt = simulation.NowMs,
            };
            state.Exports.Put(export);
            return (export, simulation.CreatePush(app, export.RequestId, "EXPORT_CANDIDATE_PROFILE"), null);
        });
        if (push is not null)
        {
            pushes.Enqueue(push.Id);
        }
        return (export, error);
    }

    /// <summary>Why this seat may not export to that job now (null when it may).</summary>
    private string? ExportRefusal(StateStore state, Seat seat, AppRec app, string externalJobPostingId)
    {
        if (!simulation.IsEnabled(app.ClientId, SeededWorld.Organization, "ONE_CLICK_EXPORT"))
        {
            return "1-Click Export is not enabled for this ATS.";
        }
        var job = state.Jobs.Get($"{app.ClientId}|{SeededWorld.Organization}|{externalJobPostingId}");
        if (job is null || job.State != "LISTED")
        {
            return "Pick an open job synced by the ATS.";
        }
        if (!simulation.JobVisible(app.ClientId, externalJobPostingId, $"urn:li:person:{seat.MemberId}", "ONE_CLICK_EXPORT", "JOB_POSTING_VIEWERS"))
        {
            return "You are not allowed to see this job (ATS access control).";
        }
        if (ExportsThisMonth(seat.Urn) >= simulation.Options.ExportsPerSeatPerMonth)
        {
            return $"You have reached the limit of {simulation.Options.ExportsPerSeatPerMonth} exports per seat this month.";
        }
        return null;
    }

    public ConversationRec SendInMail(Seat seat, Member member, string subject, string body) => simulation.State.Write(state =>
    {
        var conversation = new ConversationRec { Id = "conv-" + Simulation.NewId(8), Seat = seat.Urn, MemberId = member.Id, Subject = subject, CreatedAt = simulation.NowMs };
        state.Conversations.Put(conversation);
        simulation.AddEvent(conversation, "INMAIL_SENT", seat.Urn, body, simulation.NowMs);
        return conversation;
    });

    /// <summary>The member's answer: accept, decline or reply; on acceptance with sharing a stub profile is created.</summary>
    public StubRec? Respond(ConversationRec conversation, Member member, string action, string? message, bool shareProfile, bool shareEmail, bool sharePhone) => simulation.State.Write(state =>
    {
        var now = simulation.NowMs;
        switch (action)
        {
            case "accept":
                conversation.State = "ACCEPTED";
                simulation.AddEvent(conversation, "INMAIL_ACCEPTED", member.Urn, string.IsNullOrWhiteSpace(message) ? "Yes, I'm interested." : message, now);
                break;
            case "decline":
                conversation.State = "DECLINED";
                simulation.AddEvent(conversation, "INMAIL_DECLINED", member.Urn, string.IsNullOrWhiteSpace(message) ? "No thanks." : message, now);
                break;
            default:
                simulation.AddEvent(conversation, "INMAIL_REPLY", member.Urn, message ?? "", now);
                break;
        }
        state.Conversations.Put(conversation);
        if (action != "accept" || !(shareProfile || shareEmail || sharePhone))
        {
            return null;
        }
        var stub = new StubRec
        {
            Id = "stub-" + Simulation.NewId(8),
            MemberId = member.Id,
            FirstName = member.FirstName,
            LastName = member.LastName,
            EmailAddress = shareEmail ? member.Email : null,
            PhoneNumber = sharePhone ? member.Phone : null,
            Owner = conversation.Seat,
            Contract = simulation.World.SeatByUrn(conversation.Seat)?.Contract ?? SeededWorld.GlobalContract,
            CreatedAt = now,
        };
        state.Stubs.Put(stub);
        return stub;
    });

    public ProspectNoteRec AddNote(Seat seat, Member member, string note, string visibility)
    {
        var added = new ProspectNoteRec
        {
            Id = "pn-" + Simulation.NewId(8),
            MemberId = member.Id,
            Owner = seat.Urn,
            Contract = seat.Contract,
            Note = note,
            Visibility = visibility == "PRIVATE" ? "PRIVATE" : "PUBLIC",
            CreatedAt = simulation.NowMs,
            LastModifiedAt = simulation.NowMs,
        };
        simulation.State.Write(state => state.ProspectNotes.Put(added));
        return added;
    }
}
