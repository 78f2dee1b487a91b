namespace LinkedIn.Simulator.Api.Sync;

/// <summary>Checks on the keys of a sync batch: key fields, batch size, and the integration gate of each context they name.</summary>
internal static class EntityKeys
{
    /// <summary>The key with its fields checked (dataProvider defaults to ATS under /rest), or why it is not a key of <paramref name="resource"/>.</summary>
    public static (Dictionary<string, string>? Map, string? Error) Normalize(HttpContext ctx, SyncResource resource, Dictionary<string, string>? map)
    {
        if (map is null)
        {
            return (null, "malformed key");
        }
        var key = new Dictionary<string, string>(map, StringComparer.Ordinal);
        if (ctx.Request.Path.StartsWithSegments("/rest") && !key.ContainsKey("dataProvider"))
        {
            key["dataProvider"] = "ATS";
        }
        foreach (var field in resource.KeyFields)
        {
            if (!key.TryGetValue(field, out var value) || string.IsNullOrEmpty(value))
            {
                return (null, $"key field {field} is required");
            }
        }
        var extra = key.Keys.Except(resource.KeyFields).ToList();
        if (extra.Count > 0)
        {
            return (null, "unexpected key fields: " + string.Join(",", extra));
        }
        if (key["dataProvider"] != "ATS")
        {
            return (null, "dataProvider must be ATS");
        }
        if (key["integrationContext"] != SeededWorld.Organization)
        {
            return (null, $"unknown integrationContext {key["integrationContext"]}");
        }
        return resource.ValidateKey?.Invoke(key) is { } keyError ? (null, keyError) : (key, null);
    }

    /// <summary>A keyed batch must name at least one and at most MaxBatchSize keys.</summary>
    public static IResult? BatchSizeError(Simulation simulation, int n) =>
        n == 0 ? RestLi.BadRequest("ids are required")
        : n > simulation.Options.MaxBatchSize ? RestLi.Error(400, "BATCH_TOO_LARGE", $"At most {simulation.Options.MaxBatchSize} keys per batch; got {n}")
        : null;

    /// <summary>403 when the resource's integration is not enabled in a context the keys name.</summary>
    public static IResult? GateContexts(Simulation simulation, Caller caller, SyncResource resource, IEnumerable<Dictionary<string, string>?> keys)
    {
        foreach (var context in keys.OfType<Dictionary<string, string>>().Select(k => k.GetValueOrDefault("integrationContext")).OfType<string>().Distinct())
        {
            if (simulation.Gate(caller, context, resource.GateTypes) is { } refused)
            {
                return refused;
            }
        }
        return null;
    }
}
