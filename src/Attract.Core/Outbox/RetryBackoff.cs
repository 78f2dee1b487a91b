namespace Attract.Core.Outbox;

/// <summary>
/// How long a consumer leaves a failed item before trying it again: <see cref="Initial"/> · 2^(attempts − 1), at most
/// <see cref="Max"/> (with the defaults 5 s, 10 s, 20 s … 10 min). The one retry policy of the LinkedIn consumers (the
/// In-ATS outbox drain, the job-posting sync and the export intake), configured at <c>LinkedIn:Sync:Backoff</c>
/// (<c>Initial</c>, <c>Max</c>). A consumer keeps the item not due until then (e.g. <c>ClaimedUntilUtc</c>, see
/// <see cref="OutboxLeases"/>).
/// </summary>
public sealed class RetryBackoff
{
    /// <summary>The wait after the first failed attempt.</summary>
    public TimeSpan Initial { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait, however many attempts failed.</summary>
    public TimeSpan Max { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The wait after <paramref name="attempts"/> failed attempts (1 = the first failure; less counts as 1).</summary>
    public TimeSpan After(int attempts)
    {
        var initial = Initial > TimeSpan.Zero ? Initial : TimeSpan.Zero;
        var max = Max > initial ? Max : initial;
        var doublings = Math.Clamp(attempts - 1, 0, 62);
        var wait = initial.TotalMilliseconds * Math.Pow(2, doublings);
        return wait >= max.TotalMilliseconds ? max : TimeSpan.FromMilliseconds(wait);
    }
}
