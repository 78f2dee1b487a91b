namespace LinkedIn.Simulator.Api.Protocol;

/// <summary>
/// The Rest.li resource method of a request: the <c>X-RestLi-Method</c> header when sent, otherwise what a Rest.li server infers
/// from the HTTP method and the URL, as Rest.li's router does (https://linkedin.github.io/rest.li/spec/protocol, "Message Headers":
/// the header "is only required for BATCH_CREATE, BATCH_PARTIAL_UPDATE").
/// <code>
/// GET    ?q=…  finder      | ids  batch_get     | entity  get             | else  get_all
/// PUT                      | ids  batch_update  | entity  update          |
/// DELETE                   | ids  batch_delete  | entity  delete          |
/// POST   ?action=…  action | ids  (header needed) | entity  partial_update | else  create
/// </code>
/// Values are compared in lower case (LinkedIn's documentation writes <c>batch_update</c>, Rest.li <c>BATCH_UPDATE</c>).
/// </summary>
internal static class RestLiMethods
{
    public const string Header = "X-RestLi-Method";

    /// <summary>The header's value (lower case), or null when absent.</summary>
    public static string? Sent(HttpContext ctx) =>
        ctx.Request.Headers[Header].FirstOrDefault() is { Length: > 0 } m ? m.Trim().ToLowerInvariant() : null;

    /// <summary>What Rest.li infers without the header; null where it cannot (a POST with batch keys, a keyless PUT or DELETE).</summary>
    public static string? Infer(HttpContext ctx, bool entity)
    {
        var q = ctx.Request.Query;
        var batch = q.Keys.Any(k => k == "ids" || k.StartsWith("ids[", StringComparison.Ordinal));
        return ctx.Request.Method switch
        {
            "GET" => q.ContainsKey("q") ? "finder" : batch ? "batch_get" : entity ? "get" : "get_all",
            "PUT" => batch ? "batch_update" : entity ? "update" : null,
            "DELETE" => batch ? "batch_delete" : entity ? "delete" : null,
            "POST" => q.ContainsKey("action") ? "action" : entity ? "partial_update" : batch ? null : "create",
            _ => null,
        };
    }

    /// <summary>Checks the request is one of <paramref name="expected"/> (sent or inferred); a 400 Rest.li error otherwise.</summary>
    public static IResult? Require(HttpContext ctx, bool entity, params string[] expected)
    {
        if (Sent(ctx) is { } sent)
        {
            return expected.Contains(sent) ? null : RestLi.BadRequest($"Unsupported {Header} '{sent}' for {ctx.Request.Method} {ctx.Request.Path}");
        }
        var inferred = Infer(ctx, entity);
        if (inferred is not null && expected.Contains(inferred))
        {
            return null;
        }
        var reading = inferred is null ? "" : $"; without it Rest.li reads this {ctx.Request.Method} as {inferred}";
        return RestLi.BadRequest($"{Header} header is required ({string.Join(" or ", expected)}){reading}");
    }
}
