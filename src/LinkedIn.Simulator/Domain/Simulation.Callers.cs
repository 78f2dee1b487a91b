using System.Globalization;

namespace LinkedIn.Simulator.Domain;

/// <summary>Who calls the partner API, and how much they may call it.</summary>
internal sealed partial class Simulation
{
    private const string CallerItem = "sim.caller";

    /// <summary>The caller of an API request (the API guard authenticates first; handlers then get the same answer).</summary>
    public (Caller? Caller, IResult? Error) Authenticate(HttpContext ctx)
    {
        if (ctx.Items.TryGetValue(CallerItem, out var known) && known is Caller caller)
        {
            return (caller, null);
        }
        var authorization = ctx.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, RestLi.Error(401, "INVALID_ACCESS_TOKEN", "Empty oauth2 access token"));
        }
        var presented = authorization[7..].Trim();
        var (token, app) = State.Read(state =>
        {
            var token = state.Tokens.Get(presented);
            return (token, token is null ? null : state.Apps.Get(token.ClientId));
        });
        if (token is null || token.IsRefresh)
        {
            return (null, RestLi.Error(401, "INVALID_ACCESS_TOKEN", "Invalid access token"));
        }
        if (token.ExpiresAt <= NowMs)
        {
            return (null, RestLi.Error(401, "EXPIRED_ACCESS_TOKEN", "The token used in the request has expired"));
        }
        if (app is null)
        {
            return (null, RestLi.Error(401, "INVALID_ACCESS_TOKEN", "The application of this token no longer exists"));
        }
        ctx.Items["sim.clientId"] = app.ClientId;
        var authenticated = new Caller(app, token);
        ctx.Items[CallerItem] = authenticated;
        return (authenticated, null);
    }

    /// <summary>A 2-legged child-app token (RSC calls).</summary>
    public (Caller? Caller, IResult? Error) AuthenticateChild(HttpContext ctx)
    {
        var (caller, error) = Authenticate(ctx);
        if (caller is null)
        {
            return (null, error);
        }
        if (caller.App.IsParent)
        {
            return (null, RestLi.Forbidden("The partner (parent) application may only call provisionedApplications; use the child application's token"));
        }
        return (caller, null);
    }

    /// <summary>Counts one request of <paramref name="bucket"/> (daily) and <paramref name="records"/> records (per minute, when &gt; 0).</summary>
    public IResult? Throttle(HttpContext ctx, Caller caller, string bucket, int dailyLimit, int records = 0)
    {
        if (Faults.LiftRateLimits)
        {
            return null;
        }
        var now = Clock.GetUtcNow();
        var day = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var minute = now.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        return State.Write(state =>
        {
            var dayKey = $"{caller.App.ClientId}|{bucket}|{day}";
            var today = state.Counters.Get(dayKey) ?? new CounterRec { Key = dayKey };
            if (today.Count >= dailyLimit)
            {
                return RestLi.Error(429, "TOO_MANY_REQUESTS", $"Daily limit of {dailyLimit} requests for {bucket} reached; resets at midnight UTC");
            }
            if (records > 0)
            {
                var minuteKey = $"{caller.App.ClientId}|records|{minute}";
                var thisMinute = state.Counters.Get(minuteKey) ?? new CounterRec { Key = minuteKey };
                if (thisMinute.Count + records > Options.RecordsPerMinuteLimit)
                {
                    var retry = 60 - now.Second;
                    ctx.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                    return RestLi.Error(429, "TOO_MANY_REQUESTS", $"Limit of {Options.RecordsPerMinuteLimit} records per minute reached");
                }
                thisMinute.Count += records;
                state.Counters.Put(thisMinute);
            }
            today.Count++;
            state.Counters.Put(today);
            return (IResult?)null;
        });
    }
}
