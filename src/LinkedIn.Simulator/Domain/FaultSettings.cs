namespace LinkedIn.Simulator.Domain;

/// <summary>Faults injected into partner API calls and pushes (set through <c>/_sim/faults</c>).</summary>
internal sealed class FaultSettings
{
    public int LatencyMs { get; set; }
    public double ErrorRate { get; set; }
    public double TooManyRequestsRate { get; set; }
    public bool DropCallbacks { get; set; }
    public int CallbackDelayMs { get; set; }
    public bool LiftRateLimits { get; set; }
}

/// <summary>An authenticated API caller: the application and the access token it presented.</summary>
internal sealed record Caller(AppRec App, TokenRec Token);
