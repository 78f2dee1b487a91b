using System.Collections.Concurrent;
using System.Net;
using LinkedIn.Recruiter;
using Moq;

namespace Attract.IntegrationTests.Integrations.LinkedIn.Sync;

/// <summary>A mocked RSC client that records every record the sync sends, can reject keys and can simulate an outage.</summary>
public sealed class FakeLinkedInSync
{
    public Mock<ILinkedInSyncClient> Mock { get; } = new();

    /// <summary>(resource, key) of every record sent, in order. Resources: candidates, candidates-deleted, applications, stages, notes, feedback…</summary>
    public ConcurrentQueue<(string Resource, string Key)> Sent { get; } = new();

    public Func<string, string, bool> Reject { get; set; } = (_, _) => false;

    public bool Outage { get; set; }

    /// <summary>Optional delay inside every call (to overlap parallel drains).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Optional delay inside calls made as background traffic (<see cref="LinkedInTraffic.Background"/>): a slow backfill round.</summary>
    public TimeSpan BackgroundDelay { get; set; }

    /// <summary>Calls made as background traffic that have started.</summary>
    public int BackgroundCallsStarted => _backgroundCalls;

    /// <summary>(resource, key) of every record sent as background traffic.</summary>
    public ConcurrentQueue<(string Resource, string Key)> SentInBackground { get; } = new();

    private int _backgroundCalls;

    public FakeLinkedInSync()
    {
        var m = Mock;
        m.Setup(c => c.UpsertCandidatesAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<KeyValuePair<AtsCandidateKey, AtsCandidate>>>(), It.IsAny<CancellationToken>()))
            .Returns((LinkedInAppCredentials _, IEnumerable<KeyValuePair<AtsCandidateKey, AtsCandidate>> items, CancellationToken _) => Batch("candidates", items.Select(i => i.Key), k => k.AtsCandidateId));
        m.Setup(c => c.DeleteCandidatesAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<AtsCandidateKey>>(), It.IsAny<CancellationToken>()))
            .Returns((LinkedInAppCredentials _, IEnumerable<AtsCandidateKey> keys, CancellationToken _) => Batch("candidates-deleted", keys, k => k.AtsCandidateId));
        m.Setup(c => c.UpsertApplicationsAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<KeyValuePair<AtsApplicationKey, AtsApplication>>>(), It.IsAny<CancellationToken>()))
            .Returns((LinkedInAppCredentials _, IEnumerable<KeyValuePair<AtsApplicationKey, AtsApplication>> items, CancellationToken _) => Batch("applications", items.Select(i => i.Key), k => k.AtsJobApplicationId));
        m.Setup(c => c.DeleteApplicationsAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<AtsApplicationKey>>(), It.IsAny<CancellationToken>()))
            .Returns((LinkedInAppCredentials _, IEnumerable<AtsApplicationKey> keys, CancellationToken _) => Batch("applications-deleted", keys, k => k.AtsJobApplicationId));
        m.Setup(c => c.UpsertApplicationStagesAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<AtsApplicationKey>(), It.IsAny<IEnumerable<KeyValuePair<string, AtsApplicationStage>>>(), It.IsAny<CancellationToken>()))
            .Returns((LinkedInAppCredentials _, AtsApplicationKey _, IEnumerable<KeyValuePair<string, AtsApplicationStage>> items, CancellationToken _) => Batch("stages", items.Select(i => i.Key), k => k));
        m.Setup(c => c.UpsertApplicationNotesAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<AtsApplicationKey>(), It.IsAny<IEnumerable<KeyValuePair<string, AtsNote>>>(), It.IsAny<CancellationToken>()))
            .Returns((LinkedInAppCredentials _, AtsApplicationKey _, IEnumerable<KeyValuePair<string, AtsNote>> items, CancellationToken _) => Batch("application-notes", items.Select(i => i.Key), k => k));
        m.Setup(c => c.UpsertCandidateNotesAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<AtsCandidateKey>(), It.IsAny<IEnumerable<KeyValuePair<string, AtsNote>>>(), It.IsAny<CancellationToken>()))
            .Returns((LinkedInAppCredentials _, AtsCandidateKey _, IEnumerable<KeyValuePair<string, AtsNote>> items, CancellationToken _) => Batch("candidate-notes", items.Select(i => i.Key), k => k));
        m.Setup(c => c.UpsertInterviewFeedbackAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<AtsApplicationKey>(), It.IsAny<IEnumerable<KeyValuePair<string, AtsInterviewFeedback>>>(), It.IsAny<CancellationToken>()))
            .Returns((LinkedInAppCredentials _, AtsApplicationKey _, IEnumerable<KeyValuePair<string, AtsInterviewFeedback>> items, CancellationToken _) => Batch("feedback", items.Select(i => i.Key), k => k));
    }

    public int Count(string resource, string key) => Sent.Count(s => s.Resource == resource && s.Key == key);

    private async Task<BatchResult<TKey>> Batch<TKey>(string resource, IEnumerable<TKey> keys, Func<TKey, string> id)
        where TKey : notnull
    {
        var list = keys.ToList();
        var background = LinkedInTraffic.IsBackground;
        if (background)
        {
            Interlocked.Increment(ref _backgroundCalls);
        }
        if (Delay > TimeSpan.Zero || background && BackgroundDelay > TimeSpan.Zero)
        {
            await Task.Delay(background && BackgroundDelay > Delay ? BackgroundDelay : Delay);
        }
        if (Outage)
        {
            throw new LinkedInApiException(HttpStatusCode.ServiceUnavailable, "LinkedIn is down", errorCode: "INTERNAL_ERROR");
        }
        var succeeded = new Dictionary<TKey, int>();
        var failed = new List<BatchFailure<TKey>>();
        foreach (var key in list)
        {
            if (Reject(resource, id(key)))
            {
                failed.Add(new BatchFailure<TKey>(key, 400, "VALIDATION_FAILED", "firstName is required"));
            }
            else
            {
                succeeded[key] = 204;
                Sent.Enqueue((resource, id(key)));
                if (background)
                {
                    SentInBackground.Enqueue((resource, id(key)));
                }
            }
        }
        return new BatchResult<TKey>(succeeded, failed);
    }
}
