using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Jobs;
using Attract.Core.Notes;
using Attract.Core.Outbox;
using Attract.Core.Pipeline;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using static Attract.Web.Integrations.LinkedIn.Sync.LinkedInSyncMapper;

namespace Attract.Web.Integrations.LinkedIn.Sync;

/// <summary>What one claimed round of outbox rows became: rows done or skipped, per-entity failures, counters.</summary>
internal sealed class SyncBatch(ILinkedInSyncClient client, LinkedInAppCredentials app, string context, List<OutboxMessage> rows)
{
    public ILinkedInSyncClient Client { get; } = client;

    public LinkedInAppCredentials App { get; } = app;

    public string Context { get; } = context;

    public List<OutboxMessage> Rows { get; } = rows;

    public HashSet<long> Done { get; } = [];

    public HashSet<long> Skipped { get; } = [];

    public Dictionary<(string Type, long Id), BatchFailure<string>> Failures { get; } = [];

    public HashSet<(string Type, long Id)> Succeeded { get; } = [];

    public int Records { get; set; }

    public IEnumerable<OutboxMessage> Of(string type) => Rows.Where(r => r.EntityType == type);

    public void Finish(IEnumerable<OutboxMessage> rows) => Done.UnionWith(rows.Select(r => r.Id));

    public void Skip(IEnumerable<OutboxMessage> rows)
    {
        foreach (var r in rows)
        {
            Done.Add(r.Id);
            Skipped.Add(r.Id);
        }
    }
}

public sealed partial class LinkedInSyncDrain
{
    private async Task<Exception?> SendAsync(SyncBatch batch, CancellationToken ct)
    {
        try
        {
            var sentCandidates = await SendCandidatesAsync(batch, ct);
            var sentApplications = await SendApplicationsAsync(batch, ct);
            await SendStageMovesAsync(batch, sentApplications, ct);
            await SendNotesAsync(batch, sentCandidates, sentApplications, ct);
            await SendFeedbackAsync(batch, sentApplications, ct);
            return null;
        }
        catch (Exception e) when (IsTransient(e) && !ct.IsCancellationRequested)
        {
            return e;
        }
    }

    /// <summary>Sends changed candidates with their candidate-level notes; returns the ids sent.</summary>
    private async Task<HashSet<int>> SendCandidatesAsync(SyncBatch batch, CancellationToken ct)
    {
        var rows = batch.Of(TrackedTypes.Candidate).ToList();
        var sent = new HashSet<int>();
        if (rows.Count == 0)
        {
            return sent;
        }
        var ids = rows.Select(r => (int)r.EntityId).Distinct().ToList();
        var found = await db.Candidates.AsNoTracking().Include(c => c.Emails).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var upserts = found.Values.ToDictionary(c => CandidateKey(batch, c.Id), Candidate);
        var deletes = ids.Where(id => !found.ContainsKey(id)).Select(id => CandidateKey(batch, id)).ToList();
        await RunAsync(batch, TrackedTypes.Candidate, rows, upserts.Count,
            () => batch.Client.UpsertCandidatesAsync(batch.App, upserts, ct), k => k.AtsCandidateId, upserts.Keys.Select(k => k.AtsCandidateId));
        await RunAsync(batch, TrackedTypes.Candidate, rows, deletes.Count,
            () => batch.Client.DeleteCandidatesAsync(batch.App, deletes, ct), k => k.AtsCandidateId, deletes.Select(k => k.AtsCandidateId), notFoundIsSuccess: true);
        sent.UnionWith(found.Keys.Where(id => !batch.Failures.ContainsKey((TrackedTypes.Candidate, id))));
        await SendCandidateNotesAsync(batch, sent, ct);
        return sent;
    }

    /// <summary>
    /// Sends every candidate-level note of the candidates just sent, as applications carry their history: a note that
    /// reached LinkedIn before its candidate (refused there, parent not found) arrives with the candidate instead.
    /// </summary>
    private async Task SendCandidateNotesAsync(SyncBatch batch, HashSet<int> candidates, CancellationToken ct)
    {
        if (candidates.Count == 0)
        {
            return;
        }
        var notes = await db.Notes.AsNoTracking().Where(n => n.ApplicationId == null && candidates.Contains(n.CandidateId)).ToListAsync(ct);
        foreach (var group in notes.GroupBy(n => n.CandidateId))
        {
            var upserts = group.ToDictionary(n => Key(n.Id), Note);
            await RunAsync(batch, TrackedTypes.Note, [], upserts.Count,
                () => batch.Client.UpsertCandidateNotesAsync(batch.App, CandidateKey(batch, group.Key), upserts, ct), k => k, upserts.Keys);
        }
    }

    /// <summary>Sends changed applications with their whole history (stages, notes, feedback); returns the ids sent.</summary>
    private async Task<HashSet<int>> SendApplicationsAsync(SyncBatch batch, CancellationToken ct)
    {
        var rows = batch.Of(TrackedTypes.Application).ToList();
        var sent = new HashSet<int>();
        if (rows.Count == 0)
        {
            return sent;
        }
        var ids = rows.Select(r => (int)r.EntityId).Distinct().ToList();
        var found = await LoadApplicationsAsync(ids, ct);
        var deletes = ids.Where(id => !found.TryGetValue(id, out var a) || a.Candidate is null).Select(id => ApplicationKey(batch, id)).ToList();
        var live = found.Values.Where(a => a.Candidate is not null).ToList();
        var prospects = live.Where(a => IsHeldBack(a)).Select(a => (long)a.Id).ToHashSet();
        batch.Skip(rows.Where(r => prospects.Contains(r.EntityId)));
        var upserts = live.Where(a => !prospects.Contains(a.Id)).ToDictionary(a => ApplicationKey(batch, a.Id), a => Application(a, a.Candidate!));
        await RunAsync(batch, TrackedTypes.Application, rows.Where(r => !prospects.Contains(r.EntityId)), upserts.Count,
            () => batch.Client.UpsertApplicationsAsync(batch.App, upserts, ct), k => k.AtsJobApplicationId, upserts.Keys.Select(k => k.AtsJobApplicationId));
        await RunAsync(batch, TrackedTypes.Application, rows, deletes.Count,
            () => batch.Client.DeleteApplicationsAsync(batch.App, deletes, ct), k => k.AtsJobApplicationId, deletes.Select(k => k.AtsJobApplicationId), notFoundIsSuccess: true);
        foreach (var application in live.Where(a => !prospects.Contains(a.Id)))
        {
            if (batch.Failures.ContainsKey((TrackedTypes.Application, application.Id)))
            {
                continue;
            }
            sent.Add(application.Id);
            await SendHistoryAsync(batch, application, ct);
        }
        return sent;
    }

    private async Task SendHistoryAsync(SyncBatch batch, JobApplication application, CancellationToken ct)
    {
        var key = ApplicationKey(batch, application.Id);
        var stages = application.History.ToDictionary(m => Key(m.Id), Stage);
        await RunAsync(batch, TrackedTypes.StageMove, [], stages.Count,
            () => batch.Client.UpsertApplicationStagesAsync(batch.App, key, stages, ct), k => k, stages.Keys);
        var notes = await db.Notes.AsNoTracking().Where(n => n.ApplicationId == application.Id).ToDictionaryAsync(n => Key(n.Id), Note, ct);
        await RunAsync(batch, TrackedTypes.Note, [], notes.Count,
            () => batch.Client.UpsertApplicationNotesAsync(batch.App, key, notes, ct), k => k, notes.Keys);
        var feedback = await db.Scorecards.AsNoTracking().Include(s => s.Ratings).Where(s => s.ApplicationId == application.Id)
            .ToDictionaryAsync(s => Key(s.Id), Feedback, ct);
        await RunAsync(batch, TrackedTypes.Feedback, [], feedback.Count,
            () => batch.Client.UpsertInterviewFeedbackAsync(batch.App, key, feedback, ct), k => k, feedback.Keys);
    }

    private async Task SendStageMovesAsync(SyncBatch batch, HashSet<int> sent, CancellationToken ct)
    {
        var rows = batch.Of(TrackedTypes.StageMove).ToList();
        batch.Finish(rows.Where(r => r.ApplicationId is { } a && sent.Contains(a)));
        rows = [.. rows.Where(r => !batch.Done.Contains(r.Id))];
        if (rows.Count == 0)
        {
            return;
        }
        var moveIds = rows.Select(r => (int)r.EntityId).Distinct().ToList();
        var moves = await db.StageMoves.AsNoTracking().Where(m => moveIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        await PerApplicationAsync(batch, rows, ct, async (key, group) =>
        {
            var upserts = group.Where(r => moves.ContainsKey((int)r.EntityId)).Select(r => moves[(int)r.EntityId]).DistinctBy(m => m.Id).ToDictionary(m => Key(m.Id), Stage);
            var deletes = group.Where(r => !moves.ContainsKey((int)r.EntityId)).Select(r => Key(r.EntityId)).Distinct().ToList();
            await RunAsync(batch, TrackedTypes.StageMove, group, upserts.Count, () => batch.Client.UpsertApplicationStagesAsync(batch.App, key, upserts, ct), k => k, upserts.Keys);
            await RunAsync(batch, TrackedTypes.StageMove, group, deletes.Count, () => batch.Client.DeleteApplicationStagesAsync(batch.App, key, deletes, ct), k => k, deletes, notFoundIsSuccess: true);
        });
    }

    private async Task SendNotesAsync(SyncBatch batch, HashSet<int> sentCandidates, HashSet<int> sent, CancellationToken ct)
    {
        var rows = batch.Of(TrackedTypes.Note).ToList();
        batch.Finish(rows.Where(r => r.ApplicationId is { } a && sent.Contains(a)));
        rows = [.. rows.Where(r => !batch.Done.Contains(r.Id))];
        if (rows.Count == 0)
        {
            return;
        }
        var noteIds = rows.Select(r => (int)r.EntityId).Distinct().ToList();
        var notes = await db.Notes.AsNoTracking().Where(n => noteIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        foreach (var r in rows.Where(r => notes.TryGetValue((int)r.EntityId, out var n) && r.ApplicationId != n.ApplicationId))
        {
            r.ApplicationId = notes[(int)r.EntityId].ApplicationId;
        }
        // candidate-level notes that still exist went with their candidate, if it was sent
        batch.Finish(rows.Where(r => r.ApplicationId is null && notes.TryGetValue((int)r.EntityId, out var n) && sentCandidates.Contains(n.CandidateId)));
        var candidateRows = rows.Where(r => r.ApplicationId is null && !batch.Done.Contains(r.Id)).ToList();
        foreach (var group in candidateRows.GroupBy(r => notes.TryGetValue((int)r.EntityId, out var n) ? n.CandidateId : r.CandidateId))
        {
            if (group.Key is not { } candidateId)
            {
                batch.Finish(group);
                continue;
            }
            var key = CandidateKey(batch, candidateId);
            var upserts = group.Where(r => notes.ContainsKey((int)r.EntityId)).Select(r => notes[(int)r.EntityId]).DistinctBy(n => n.Id).ToDictionary(n => Key(n.Id), Note);
            var deletes = group.Where(r => !notes.ContainsKey((int)r.EntityId)).Select(r => Key(r.EntityId)).Distinct().ToList();
            await RunAsync(batch, TrackedTypes.Note, group, upserts.Count, () => batch.Client.UpsertCandidateNotesAsync(batch.App, key, upserts, ct), k => k, upserts.Keys);
            await RunAsync(batch, TrackedTypes.Note, group, deletes.Count, () => batch.Client.DeleteCandidateNotesAsync(batch.App, key, deletes, ct), k => k, deletes, notFoundIsSuccess: true);
        }
        await PerApplicationAsync(batch, rows.Where(r => r.ApplicationId is not null).ToList(), ct, async (key, group) =>
        {
            var upserts = group.Where(r => notes.ContainsKey((int)r.EntityId)).Select(r => notes[(int)r.EntityId]).DistinctBy(n => n.Id).ToDictionary(n => Key(n.Id), Note);
            var deletes = group.Where(r => !notes.ContainsKey((int)r.EntityId)).Select(r => Key(r.EntityId)).Distinct().ToList();
            await RunAsync(batch, TrackedTypes.Note, group, upserts.Count, () => batch.Client.UpsertApplicationNotesAsync(batch.App, key, upserts, ct), k => k, upserts.Keys);
            await RunAsync(batch, TrackedTypes.Note, group, deletes.Count, () => batch.Client.DeleteApplicationNotesAsync(batch.App, key, deletes, ct), k => k, deletes, notFoundIsSuccess: true);
        });
    }

    private async Task SendFeedbackAsync(SyncBatch batch, HashSet<int> sent, CancellationToken ct)
    {
        var rows = batch.Of(TrackedTypes.Feedback).ToList();
        batch.Finish(rows.Where(r => r.ApplicationId is { } a && sent.Contains(a)));
        rows = [.. rows.Where(r => !batch.Done.Contains(r.Id))];
        if (rows.Count == 0)
        {
            return;
        }
        var ids = rows.Select(r => (int)r.EntityId).Distinct().ToList();
        var cards = await db.Scorecards.AsNoTracking().Include(s => s.Ratings).Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        await PerApplicationAsync(batch, rows, ct, async (key, group) =>
        {
            var upserts = group.Where(r => cards.ContainsKey((int)r.EntityId)).Select(r => cards[(int)r.EntityId]).DistinctBy(s => s.Id).ToDictionary(s => Key(s.Id), Feedback);
            var deletes = group.Where(r => !cards.ContainsKey((int)r.EntityId)).Select(r => Key(r.EntityId)).Distinct().ToList();
            await RunAsync(batch, TrackedTypes.Feedback, group, upserts.Count, () => batch.Client.UpsertInterviewFeedbackAsync(batch.App, key, upserts, ct), k => k, upserts.Keys);
            await RunAsync(batch, TrackedTypes.Feedback, group, deletes.Count, () => batch.Client.DeleteInterviewFeedbackAsync(batch.App, key, deletes, ct), k => k, deletes, notFoundIsSuccess: true);
        });
    }

    /// <summary>Groups sub-resource rows by application; rows of a held-back (Prospect) application are skipped, of a gone one finished.</summary>
    private async Task PerApplicationAsync(SyncBatch batch, List<OutboxMessage> rows, CancellationToken ct,
        Func<AtsApplicationKey, List<OutboxMessage>, Task> send)
    {
        var appIds = rows.Where(r => r.ApplicationId is not null).Select(r => r.ApplicationId!.Value).Distinct().ToList();
        var apps = await LoadApplicationsAsync(appIds, ct);
        foreach (var group in rows.GroupBy(r => r.ApplicationId))
        {
            if (group.Key is not { } appId || !apps.TryGetValue(appId, out var application) || application.Candidate is null)
            {
                // The application (or its candidate) is gone: LinkedIn deleted its sub-resources with it.
                batch.Finish(group);
                continue;
            }
            if (IsHeldBack(application))
            {
                batch.Skip(group);
                continue;
            }
            await send(ApplicationKey(batch, appId), [.. group]);
        }
    }

    private async Task<Dictionary<int, JobApplication>> LoadApplicationsAsync(List<int> ids, CancellationToken ct) => ids.Count == 0 ? [] :
        await db.Applications.AsNoTracking().WithSyncGraph().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);

    private bool IsHeldBack(JobApplication application) => !SendProspects && application.Stage.Kind == StageKind.Prospect;

    private static AtsCandidateKey CandidateKey(SyncBatch batch, long id) => new(batch.Context, Key(id));

    private static AtsApplicationKey ApplicationKey(SyncBatch batch, long id) => new(batch.Context, Key(id));

    /// <summary>
    /// Makes one client call; per-key failures become <see cref="Attract.Core.LinkedIn.LinkedInSyncError"/>s without failing neighbours.
    /// A transient failure propagates (rows stay unprocessed); a non-transient request-level failure counts against every key.
    /// </summary>
    private static async Task RunAsync<TKey>(SyncBatch batch, string type, IEnumerable<OutboxMessage> rows, int count,
        Func<Task<BatchResult<TKey>>> call, Func<TKey, string> id, IEnumerable<string> keys, bool notFoundIsSuccess = false)
        where TKey : notnull
    {
        var rowList = rows.ToList();
        if (count == 0)
        {
            batch.Finish(rowList.Where(r => keys.Contains(Key(r.EntityId))));
            return;
        }
        batch.Records += count;
        var keyList = keys.ToList();
        List<BatchFailure<string>> failures;
        try
        {
            var result = await call();
            failures = [.. result.Failed.Select(f => new BatchFailure<string>(id(f.Key), f.Status, f.Code, f.Message))];
        }
        catch (LinkedInApiException e) when (!IsTransient(e))
        {
            failures = [.. keyList.Select(k => new BatchFailure<string>(k, (int)e.StatusCode, e.ErrorCode, e.Message))];
        }
        failures.RemoveAll(f => notFoundIsSuccess && f.Status == 404);
        var failed = failures.Select(f => f.Key).ToHashSet();
        foreach (var f in failures)
        {
            batch.Failures[(type, long.Parse(f.Key, System.Globalization.CultureInfo.InvariantCulture))] = f;
        }
        foreach (var k in keyList.Where(k => !failed.Contains(k)))
        {
            batch.Succeeded.Add((type, long.Parse(k, System.Globalization.CultureInfo.InvariantCulture)));
        }
        // Rows of failed entities are finished too: the error is kept in LinkedInSyncError and retried from there.
        batch.Finish(rowList.Where(r => keyList.Contains(Key(r.EntityId))));
    }
}
