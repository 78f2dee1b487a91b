namespace LinkedIn.Recruiter;

/// <summary>
/// Marks the LinkedIn calls made in a scope (on this async flow) as background traffic: bulk work such as a first full
/// sync, which may use only 1 − <see cref="LinkedInQuotaOptions.LiveRecordsReserve"/> of each minute's records.
/// </summary>
/// <example><code>using (LinkedInTraffic.Background()) { await client.UpsertCandidatesAsync(...); }</code></example>
public static class LinkedInTraffic
{
    private static readonly AsyncLocal<bool> Flag = new();

    /// <summary>Whether calls on this async flow are background traffic.</summary>
    public static bool IsBackground => Flag.Value;

    /// <summary>Starts a background scope; disposing it restores the previous state.</summary>
    public static IDisposable Background()
    {
        var previous = Flag.Value;
        Flag.Value = true;
        return new Scope(previous);
    }

    private sealed class Scope(bool previous) : IDisposable
    {
        public void Dispose() => Flag.Value = previous;
    }
}
