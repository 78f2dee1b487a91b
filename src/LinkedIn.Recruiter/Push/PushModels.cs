namespace LinkedIn.Recruiter;

/// <summary>Kinds of push notification LinkedIn sends to the partner's CALLBACK_URL.</summary>
public enum PushNotificationType
{
    /// <summary><c>EXPORT_CANDIDATE_PROFILE</c>: pull <c>exportedCandidates?q=request&amp;requestId={Id}</c>.</summary>
    ExportCandidateProfile,

    /// <summary><c>INTEGRATION_STATUS_CHANGE</c>: read <c>atsIntegrations?q=request&amp;requestId={Id}</c>.</summary>
    IntegrationStatusChange,
}

/// <summary>A verified, parsed push notification.</summary>
/// <param name="Id">Notification id; also the requestId to pull with. Dedupe on it (retries reuse it).</param>
/// <param name="Type">What happened: which collection to pull with <paramref name="Id"/>.</param>
/// <param name="ExpiresAt">The push's <c>expiresAt</c>, when it has one.</param>
public sealed record PushNotification(string Id, PushNotificationType Type, DateTimeOffset? ExpiresAt);

/// <summary>Answer to the webhook validation challenge (serialise as the 200 JSON body).</summary>
public sealed record WebhookChallengeResponse(string ChallengeCode, string ChallengeResponse);

/// <summary>A push body that is not a notification this library understands (bad JSON, missing id, unknown type).</summary>
public sealed class LinkedInPushException : Exception
{
    public LinkedInPushException(string message, string? rawType = null, Exception? innerException = null, bool isUnknownType = false)
        : base(message, innerException)
    {
        RawType = rawType;
        IsUnknownType = isUnknownType;
    }

    /// <summary>The <c>type</c> value received, when there was one.</summary>
    public string? RawType { get; }

    /// <summary>True when the body is well formed but its <c>type</c> is one this library does not know (e.g. RESYNC_JOBS).</summary>
    public bool IsUnknownType { get; }
}

internal sealed class PushNotificationBody
{
    public string? Id { get; set; }

    public string? Type { get; set; }

    public long? ExpiresAt { get; set; }
}
