namespace LinkedIn.Simulator.Api.Pulls;

/// <summary>The prologue every pull finder starts with, and list parameters in either Rest.li syntax.</summary>
internal static class PullFinder
{
    /// <summary>
    /// A child-application caller, the finder name <c>q</c>, then, when <paramref name="required"/> is given, that query parameter
    /// (non-empty), whose value is returned.
    /// </summary>
    public static (Caller? Caller, string Required, IResult? Error) Find(HttpContext ctx, Simulation simulation, string finder, string? required = null)
    {
        var (caller, error) = simulation.AuthenticateChild(ctx);
        if (caller is null)
        {
            return (null, "", error);
        }
        if (ctx.Request.Query["q"] != finder)
        {
            return (null, "", RestLi.BadRequest($"Unsupported finder; use q={finder}"));
        }
        var value = required is null ? "" : ctx.Request.Query[required].ToString();
        if (required is not null && string.IsNullOrEmpty(value))
        {
            return (null, "", RestLi.BadRequest($"{required} is required"));
        }
        return (caller, value, null);
    }

    /// <summary>A list parameter in either Rest.li syntax (repeated, or <c>List(…)</c> with 2.0).</summary>
    public static List<string> Multi(HttpContext ctx, string name) => RestLiRequest.Of(ctx).ListParam(name);
}
