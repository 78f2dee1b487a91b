using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Attract.Web.Infrastructure;

/// <summary>
/// Attract's own meter (<see cref="MeterName"/>) and activity source: every Attract metric is declared here, so
/// <c>docs/operations.md</c> can list them from one file. Counters are recorded by the code that does the work; the
/// gauges read <see cref="AttractStateReader"/>'s cached snapshot, so a scrape never queries the database.
/// </summary>
public sealed class AttractMetrics
{
    public const string MeterName = "Attract";

    /// <summary>Spans of Attract's background work (outbox drains, export intake, pulls), parents of their EF Core and HttpClient spans.</summary>
    public static readonly ActivitySource ActivitySource = new(MeterName);

    /// <summary>Outbox consumers, the <c>consumer</c> tag of <c>attract.outbox.rows_deferred</c>.</summary>
    public const string InAtsConsumer = "in_ats";
    public const string JobPostingsConsumer = "job_postings";

    private readonly Counter<long> _syncRecords;
    private readonly Counter<long> _rowsDeferred;
    private readonly Counter<long> _pushesReceived;
    private readonly Counter<long> _pushesRejected;
    private readonly Counter<long> _exports;
    private readonly Counter<long> _pullRuns;
    private readonly Counter<long> _pullItems;
    private readonly Counter<long> _linkedInRequests;
    private readonly Counter<long> _linkedInRecords;

    public AttractMetrics(IMeterFactory meters, AttractStateReader state)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(state);
        var meter = meters.Create(MeterName);

        meter.CreateObservableGauge("attract.outbox.backlog", () => state.Current?.Outbox.Select(o => Measure(o.Backlog, o.EntityType)) ?? [],
            "{row}", "Unprocessed outbox rows (changes not yet sent to LinkedIn), per entity type.");
        meter.CreateObservableGauge("attract.outbox.retrying", () => state.Current?.Outbox.Select(o => Measure(o.Retrying, o.EntityType)) ?? [],
            "{row}", "Unprocessed outbox rows that already failed at least once and wait for their backoff.");
        meter.CreateObservableGauge("attract.outbox.oldest_unsent_age", () => OldestAge(state),
            "s", "Age of the oldest unprocessed outbox row per entity type (the sync lag).");
        meter.CreateObservableGauge("attract.linkedin.sync.enabled", () => state.Current is { } s ? [new Measurement<int>(s.SyncEnabled ? 1 : 0)] : Array.Empty<Measurement<int>>(),
            "{bool}", "1 while company-level access is on and the child application is provisioned (the drain runs), else 0.");
        meter.CreateObservableGauge("attract.linkedin.sync.open_errors", () => state.Current is { } s ? [new Measurement<int>(s.OpenSyncErrors)] : Array.Empty<Measurement<int>>(),
            "{record}", "Records LinkedIn refused that are not resolved yet (the sync status page's list).");
        meter.CreateObservableGauge("attract.linkedin.quota.requests_today", () => state.Current is { } s ? [new Measurement<int>(s.RequestsToday)] : Array.Empty<Measurement<int>>(),
            "{request}", "Requests sent to LinkedIn since 00:00 UTC by all instances (shared usage table).");
        meter.CreateObservableGauge("attract.linkedin.quota.records_last_minute", () => state.Current is { } s ? [new Measurement<int>(s.RecordsLastMinute)] : Array.Empty<Measurement<int>>(),
            "{record}", "Records sent to LinkedIn in the last minute by all instances (shared usage table).");
        meter.CreateObservableGauge("attract.linkedin.quota.daily_request_limit", () => state.Current is { } s ? [new Measurement<int>(s.DailyRequestLimit)] : Array.Empty<Measurement<int>>(),
            "{request}", "LinkedIn:Recruiter:Quotas:DailyRequests.");
        meter.CreateObservableGauge("attract.linkedin.quota.records_per_minute_limit", () => state.Current is { } s ? [new Measurement<int>(s.RecordsPerMinuteLimit)] : Array.Empty<Measurement<int>>(),
            "{record}", "LinkedIn:Recruiter:Quotas:RecordsPerMinute.");

        _syncRecords = meter.CreateCounter<long>("attract.linkedin.sync.records", "{record}",
            "Records of the In-ATS and job-postings syncs that LinkedIn answered, per entity type and outcome (accepted, refused).");
        _rowsDeferred = meter.CreateCounter<long>("attract.outbox.rows_deferred", "{row}",
            "Outbox rows put back for a later retry because LinkedIn was unavailable (5xx, 429, timeouts, open circuit).");
        _pushesReceived = meter.CreateCounter<long>("attract.linkedin.pushes.received", "{push}",
            "Signed LinkedIn pushes accepted (answered 2xx), per push type.");
        _pushesRejected = meter.CreateCounter<long>("attract.linkedin.pushes.rejected", "{push}",
            "LinkedIn pushes answered with an error, per reason.");
        _exports = meter.CreateCounter<long>("attract.linkedin.exports", "{export}",
            "1-Click Export notifications processed, per outcome (taken, refused, failed, deferred) and reason.");
        _pullRuns = meter.CreateCounter<long>("attract.linkedin.pull.runs", "{run}",
            "Pull runs per kind (inmail, notes, stubs per seat; purged_exports) and outcome (succeeded, failed).");
        _pullItems = meter.CreateCounter<long>("attract.linkedin.pull.items", "{item}",
            "New or changed items stored by pulls, per kind.");
        _linkedInRequests = meter.CreateCounter<long>("attract.linkedin.requests", "{request}",
            "HTTP requests this instance sent to LinkedIn (each retry counts, as at LinkedIn), per API resource.");
        _linkedInRecords = meter.CreateCounter<long>("attract.linkedin.records", "{record}",
            "Records this instance sent in LinkedIn batch calls (the per-minute record quota).");
    }

    public void SyncRecords(string entityType, int accepted, int refused)
    {
        if (accepted > 0)
        {
            _syncRecords.Add(accepted, new("entity_type", entityType), new("outcome", "accepted"));
        }
        if (refused > 0)
        {
            _syncRecords.Add(refused, new("entity_type", entityType), new("outcome", "refused"));
        }
    }

    public void RowsDeferred(string consumer, int rows)
    {
        if (rows > 0)
        {
            _rowsDeferred.Add(rows, new KeyValuePair<string, object?>("consumer", consumer));
        }
    }

    public void PushReceived(string type) => _pushesReceived.Add(1, new KeyValuePair<string, object?>("type", type));

    public void PushRejected(string reason) => _pushesRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>One export notification's outcome: <c>taken</c>, <c>refused</c>, <c>failed</c> or <c>deferred</c> (retried later).</summary>
    public void Export(string outcome, string reason) => _exports.Add(1, new("outcome", outcome), new("reason", reason));

    public void PullRun(string kind, bool succeeded, int items = 0)
    {
        _pullRuns.Add(1, new("kind", kind), new("outcome", succeeded ? "succeeded" : "failed"));
        if (items > 0)
        {
            _pullItems.Add(items, new KeyValuePair<string, object?>("kind", kind));
        }
    }

    public void LinkedInRequest(string resource) => _linkedInRequests.Add(1, new KeyValuePair<string, object?>("resource", resource));

    public void LinkedInRecords(int records)
    {
        if (records > 0)
        {
            _linkedInRecords.Add(records);
        }
    }

    /// <summary>
    /// The API resource of a LinkedIn request for the <c>resource</c> tag: the path segment after <c>v2/</c> or <c>rest/</c>
    /// (as the client's per-resource quota counts it), letters only, so keys never become tag values.
    /// </summary>
    public static string ResourceOf(Uri? uri)
    {
        var segments = uri is null ? [] : (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0]).Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i] is "v2" or "rest")
            {
                var name = new string([.. segments[i + 1].TakeWhile(char.IsAsciiLetter).Take(64)]);
                return name.Length == 0 ? "other" : name;
            }
        }
        return segments.Length > 0 && segments[0] == "oauth" ? "oauth" : "other";
    }

    private static Measurement<int> Measure(int value, string entityType) => new(value, new KeyValuePair<string, object?>("entity_type", entityType));

    private static IEnumerable<Measurement<double>> OldestAge(AttractStateReader state)
    {
        if (state.Current is not { } s)
        {
            return [];
        }
        var now = state.UtcNow;
        return s.Outbox.Select(o => new Measurement<double>(o.OldestUtc is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0,
            new KeyValuePair<string, object?>("entity_type", o.EntityType)));
    }
}
