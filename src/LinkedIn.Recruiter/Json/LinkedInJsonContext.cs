using System.Text.Json;
using System.Text.Json.Serialization;

namespace LinkedIn.Recruiter;

/// <summary>Source-generated JSON metadata for every wire type (camelCase, nulls omitted on write).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(RestLiError))]
[JsonSerializable(typeof(RestLiBatchResponse))]
[JsonSerializable(typeof(RestLiBatchGetResponse))]
[JsonSerializable(typeof(RestLiCollectionResponse))]
[JsonSerializable(typeof(BatchCreateResponse))]
[JsonSerializable(typeof(OAuthTokenResponse))]
[JsonSerializable(typeof(OAuthErrorResponse))]
[JsonSerializable(typeof(ProvisionApplicationRequest))]
[JsonSerializable(typeof(ProvisionedApplication))]
[JsonSerializable(typeof(AtsCandidate))]
[JsonSerializable(typeof(AtsNote))]
[JsonSerializable(typeof(AtsApplication))]
[JsonSerializable(typeof(AtsApplicationStage))]
[JsonSerializable(typeof(AtsInterviewFeedback))]
[JsonSerializable(typeof(SimpleJobPosting))]
[JsonSerializable(typeof(JobPostingTask))]
[JsonSerializable(typeof(AtsIntegration))]
[JsonSerializable(typeof(IntegrationConfiguration))]
[JsonSerializable(typeof(AclElement))]
[JsonSerializable(typeof(ExportedCandidate))]
[JsonSerializable(typeof(PurgedExportedCandidate))]
[JsonSerializable(typeof(RecruiterSeat))]
[JsonSerializable(typeof(ConversationEvent))]
[JsonSerializable(typeof(MailStub))]
[JsonSerializable(typeof(ProspectNote))]
[JsonSerializable(typeof(LinkedInMember))]
[JsonSerializable(typeof(RecruiterContract))]
[JsonSerializable(typeof(PushNotificationBody))]
[JsonSerializable(typeof(WebhookChallengeResponse))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class LinkedInJsonContext : JsonSerializerContext
{
}
