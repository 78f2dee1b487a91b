using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.State;

/// <summary>A developer application: the partner (parent) app or a provisioned child app of one ATS tenant.</summary>
internal sealed class AppRec
{
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public long Id { get; set; }
    public string Urn => $"urn:li:developerApplication:{Id}";
    public bool IsParent { get; set; }
    public string? ParentClientId { get; set; }
    public string? UniqueForeignId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<string> CallbackUrls { get; set; } = [];
    public List<string> JsSdkDomains { get; set; } = [];
    public bool AllowTwoLegged { get; set; } = true;
    public long CreatedAt { get; set; }
}

/// <summary>An OAuth access token (2- or 3-legged) or a refresh token.</summary>
internal sealed class TokenRec
{
    public string Token { get; set; } = "";
    public string ClientId { get; set; } = "";
    public bool IsRefresh { get; set; }
    public bool ThreeLegged { get; set; }
    public string? MemberId { get; set; }
    public string? Contract { get; set; }
    public string? Scope { get; set; }
    public long ExpiresAt { get; set; }
    public long RefreshExpiresAt { get; set; }
}

/// <summary>An authorization code issued by the 3-legged flow, redeemed once with its PKCE verifier.</summary>
internal sealed class AuthCodeRec
{
    public string Code { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string RedirectUri { get; set; } = "";
    public string CodeChallenge { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string? Contract { get; set; }
    public string? Scope { get; set; }
    public long ExpiresAt { get; set; }
    public bool Used { get; set; }
}

/// <summary>A member's browser session on LinkedIn's screens and the seat it currently uses.</summary>
internal sealed class SessionRec
{
    public string Id { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string? Seat { get; set; }
    public long CreatedAt { get; set; }
}

/// <summary>One integration type of a child app in a context (the organisation or a contract), with its status and configurations.</summary>
internal sealed class IntegrationRec
{
    public string ClientId { get; set; } = "";
    public string Context { get; set; } = "";
    public string Type { get; set; } = "";
    public string Key => $"{ClientId}|{Context}|{Type}";
    public string? Name { get; set; }
    public string Status { get; set; } = "NOT_REQUESTED";
    public bool EverEnabled { get; set; }
    public long LastModifiedAt { get; set; }
    public long? RequestedAt { get; set; }
    public string? RequestId { get; set; }
    public Dictionary<string, string> Configurations { get; set; } = [];
}

/// <summary>An integration request or status-change notification (the requestId a partner looks up).</summary>
internal sealed class RequestRec
{
    public string Id { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string Kind { get; set; } = "";
    public List<string> IntegrationKeys { get; set; } = [];
    public long CreatedAt { get; set; }
}

/// <summary>A job posting synced by an ATS.</summary>
internal sealed class JobRec
{
    public string ClientId { get; set; } = "";
    public string Context { get; set; } = "";
    public string ExternalJobPostingId { get; set; } = "";
    public string Key => $"{ClientId}|{Context}|{ExternalJobPostingId}";
    public string Title { get; set; } = "";
    public string? CompanyJobCode { get; set; }
    public string State { get; set; } = "LISTED";
    public string? Location { get; set; }
    public string Json { get; set; } = "{}";
    public long LastModifiedAt { get; set; }
}

/// <summary>The task a job-posting sync returns, polled through simpleJobPostingTasks.</summary>
internal sealed class TaskRec
{
    public string Id { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ExternalJobPostingId { get; set; } = "";
    public string Status { get; set; } = "SUCCEEDED";
    public string? Error { get; set; }
    public long CreatedAt { get; set; }
}

/// <summary>A compound-keyed sync entity (candidate, application, ACL, ACL assignee).</summary>
internal sealed class EntityRec
{
    public string Resource { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string CanonicalKey { get; set; } = "";
    public string Key => $"{ClientId}|{Resource}|{CanonicalKey}";
    public Dictionary<string, string> KeyFields { get; set; } = [];
    public string Json { get; set; } = "{}";
    public string? ManualMatchedMember { get; set; }
    public long LastModifiedAt { get; set; }
}

/// <summary>A simple-keyed sub-resource entity (notes, stages, interview feedback) of an <see cref="EntityRec"/>.</summary>
internal sealed class SubRec
{
    public string ParentKey { get; set; } = "";
    public string SubResource { get; set; } = "";
    public string Id { get; set; } = "";
    public string Key => $"{ParentKey}|{SubResource}|{Id}";
    public string Json { get; set; } = "{}";
}

/// <summary>A 1-Click Export of a member to an ATS job.</summary>
internal sealed class ExportRec
{
    public string Id { get; set; } = "";
    public string RequestId { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string ExternalJobPostingId { get; set; } = "";
    public string Context { get; set; } = "";
    public string Seat { get; set; } = "";
    public string SeatMember { get; set; } = "";
    public string Contract { get; set; } = "";
    public long ExportedAt { get; set; }
}

/// <summary>A purged export (the member asked LinkedIn to remove their data).</summary>
internal sealed class PurgeRec
{
    public string Id { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string Context { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string RequestId { get; set; } = "";
    public long PurgedAt { get; set; }
}

/// <summary>A signed push to the partner's CALLBACK_URL and its delivery attempts.</summary>
internal sealed class PushRec
{
    public string Id { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string Type { get; set; } = "";
    public string? Url { get; set; }
    public string Body { get; set; } = "";
    public string Signature { get; set; } = "";
    public int Attempts { get; set; }
    public string Status { get; set; } = "PENDING";
    public List<int> ResponseCodes { get; set; } = [];
    public long CreatedAt { get; set; }
}

/// <summary>An InMail conversation between a Recruiter seat and a member.</summary>
internal sealed class ConversationRec
{
    public string Id { get; set; } = "";
    public string Seat { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string Subject { get; set; } = "";
    public string State { get; set; } = "PENDING";
    public long CreatedAt { get; set; }
}

/// <summary>An event of a conversation (InMail sent, accepted, declined, reply).</summary>
internal sealed class EventRec
{
    public string Id { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string EventType { get; set; } = "";
    public string Sender { get; set; } = "";
    public string Seat { get; set; } = "";
    public string Prospect { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public long CreatedAt { get; set; }
    public long Seq { get; set; }
}

/// <summary>A stub profile: what a member shared when accepting an InMail.</summary>
internal sealed class StubRec
{
    public string Id { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string? EmailAddress { get; set; }
    public string? PhoneNumber { get; set; }
    public string Owner { get; set; } = "";
    public string Contract { get; set; } = "";
    public long CreatedAt { get; set; }
}

/// <summary>A Recruiter note on a prospect, public to the contract or private to its owner.</summary>
internal sealed class ProspectNoteRec
{
    public string Id { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string Owner { get; set; } = "";
    public string Contract { get; set; } = "";
    public string Note { get; set; } = "";
    public string Visibility { get; set; } = "PUBLIC";
    public bool Active { get; set; } = true;
    public long CreatedAt { get; set; }
    public long LastModifiedAt { get; set; }
}

/// <summary>A Recruiter project: members a seat saved.</summary>
internal sealed class ProjectRec
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Seat { get; set; } = "";
    public List<string> Members { get; set; } = [];
    public long CreatedAt { get; set; }
}

/// <summary>A request or record counter of the rate limits (per app, bucket and day or minute).</summary>
internal sealed class CounterRec
{
    public string Key { get; set; } = "";
    public long Count { get; set; }
}

/// <summary>A named setting or id sequence of the store.</summary>
internal sealed class SettingRec
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>Parses stored JSON documents.</summary>
internal static class JsonExt
{
    public static JsonObject Obj(string json) => JsonNode.Parse(json) as JsonObject ?? [];
}
