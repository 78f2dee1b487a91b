using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Domain;

/// <summary>Signed pushes to the partner's CALLBACK_URL (the <see cref="PushDispatcher"/> delivers them).</summary>
internal sealed partial class Simulation
{
    public static string Sign(string secret, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("hmacsha256=" + body));
        return Convert.ToHexString(mac).ToLowerInvariant();
    }

    /// <summary>The CALLBACK_URL the app configured (org-level integrations first).</summary>
    public string? CallbackUrl(string clientId) => State.Read(state =>
    {
        foreach (var type in new[] { "ONE_CLICK_EXPORT", "IN_ATS_INDICATOR", "PROFILE_PLUGIN" })
        {
            var integration = state.Integrations.Get($"{clientId}|{SeededWorld.Organization}|{type}");
            if (integration is not null && integration.Configurations.TryGetValue("CALLBACK_URL", out var url))
            {
                return url;
            }
        }
        return state.Integrations.All.Where(i => i.ClientId == clientId && i.Configurations.ContainsKey("CALLBACK_URL"))
            .Select(i => i.Configurations["CALLBACK_URL"]).FirstOrDefault();
    });

    /// <summary>Stores a PENDING push; the dispatcher sends it once enqueued.</summary>
    public PushRec CreatePush(AppRec app, string id, string type, JsonObject? extra = null)
    {
        var node = new JsonObject { ["id"] = id, ["type"] = type, ["expiresAt"] = NowMs + 7L * 24 * 3_600_000 };
        foreach (var (name, value) in extra ?? [])
        {
            node[name] = value?.DeepClone();
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
        State.Write(state => state.Pushes.Put(push));
        return push;
    }
}
