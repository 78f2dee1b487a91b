using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Domain;

/// <summary>Members on LinkedIn's screens: their sessions (a cookie) and how ATS candidates match them.</summary>
internal sealed partial class Simulation
{
    public const string SessionCookie = "li_sim_session";

    /// <summary>The signed-in member of this browser, with the session (null when signed out).</summary>
    public (Member Member, SessionRec Session)? CurrentMember(HttpContext ctx)
    {
        var id = ctx.Request.Cookies[SessionCookie];
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }
        var session = State.Read(state => state.Sessions.Get(id));
        if (session is null || !World.ById.TryGetValue(session.MemberId, out var member))
        {
            return null;
        }
        return (member, session);
    }

    public SessionRec SignIn(HttpContext ctx, Member member)
    {
        var session = new SessionRec { Id = NewId(16), MemberId = member.Id, Seat = World.SeatsOf(member.Id).FirstOrDefault()?.Urn, CreatedAt = NowMs };
        State.Write(state => state.Sessions.Put(session));
        ctx.Response.Cookies.Append(SessionCookie, session.Id, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/", IsEssential = true });
        return session;
    }

    public void SignOut(HttpContext ctx)
    {
        var id = ctx.Request.Cookies[SessionCookie];
        if (id is not null)
        {
            State.Write(state => state.Sessions.Delete(id));
        }
        ctx.Response.Cookies.Delete(SessionCookie, new CookieOptions { Path = "/", SameSite = SameSiteMode.Lax });
    }

    /// <summary>The automatic match: email, then profile URL, then phone, then name + company.</summary>
    public Member? AutoMatch(JsonObject candidate)
    {
        if (candidate["emailAddresses"] is JsonArray emails)
        {
            foreach (var entry in emails)
            {
                var email = entry is JsonValue value && value.TryGetValue<string>(out var text) ? text : (entry as JsonObject)?.Str("emailAddress");
                if (!string.IsNullOrWhiteSpace(email) && World.FindByEmail(email) is { } byEmail)
                {
                    return byEmail;
                }
            }
        }
        var url = SeededWorld.NormalizeProfileUrl(candidate.Str("linkedInProfileUrl"));
        if (url.Length > 0 && World.FindByProfileUrl(url) is { } byUrl)
        {
            return byUrl;
        }
        if (candidate["phoneNumbers"] is JsonArray phones)
        {
            foreach (var phone in phones.OfType<JsonObject>())
            {
                var digits = SeededWorld.Digits(phone.Str("number"));
                if (digits.Length >= 7 && World.FindByPhone(digits) is { } byPhone)
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

    /// <summary>The manual match when the ATS set one, otherwise the automatic match.</summary>
    public Member? EffectiveMatch(EntityRec candidate) =>
        candidate.ManualMatchedMember is not null ? World.FindByUrn(candidate.ManualMatchedMember) : AutoMatch(JsonExt.Obj(candidate.Json));
}
