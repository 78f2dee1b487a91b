using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LinkedIn.Recruiter;

/// <summary>
/// Verifies and parses pushes LinkedIn sends to the partner's CALLBACK_URL, and answers the webhook challenge.
/// <c>X-LI-Signature</c> = lower-case hex HMAC-SHA256(key = child app clientSecret, message = "hmacsha256=" + raw body).
/// </summary>
public sealed class LinkedInPushVerifier
{
    /// <summary>Name of the signature header.</summary>
    public const string SignatureHeader = "X-LI-Signature";

    private static readonly byte[] Prefix = "hmacsha256="u8.ToArray();

    private static readonly long MinUnixMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>Computes the expected signature (lower-case hex) for a raw body.</summary>
    public static string ComputeSignature(ReadOnlySpan<byte> rawBody, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        var message = new byte[Prefix.Length + rawBody.Length];
        Prefix.CopyTo(message, 0);
        rawBody.CopyTo(message.AsSpan(Prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), message));
    }

    /// <summary>
    /// True when <paramref name="signatureHeader"/> matches the raw body (constant-time comparison).
    /// A missing, empty or non-hex header is false. Hex case is ignored; a leading "hmacsha256=" is tolerated.
    /// </summary>
    public bool IsValidSignature(ReadOnlySpan<byte> rawBody, string? signatureHeader, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return false;
        }

        var hex = signatureHeader.Trim();
        if (hex.StartsWith("hmacsha256=", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex["hmacsha256=".Length..];
        }

        byte[] received;
        try
        {
            received = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = Convert.FromHexString(ComputeSignature(rawBody, clientSecret));
        return CryptographicOperations.FixedTimeEquals(expected, received);
    }

    /// <summary>Parses a push body. Throws <see cref="LinkedInPushException"/> for bad JSON, a missing id or an unknown type.</summary>
    public PushNotification Parse(ReadOnlySpan<byte> rawBody)
    {
        PushNotificationBody? body;
        try
        {
            body = JsonSerializer.Deserialize(rawBody, LinkedInJsonContext.Default.PushNotificationBody);
        }
        catch (JsonException ex)
        {
            throw new LinkedInPushException("The push body is not valid JSON.", null, ex);
        }

        if (body is null || string.IsNullOrWhiteSpace(body.Id))
        {
            throw new LinkedInPushException("The push body has no id.", body?.Type);
        }

        var type = body.Type switch
        {
            "EXPORT_CANDIDATE_PROFILE" => PushNotificationType.ExportCandidateProfile,
            "INTEGRATION_STATUS_CHANGE" => PushNotificationType.IntegrationStatusChange,
            _ => throw new LinkedInPushException($"Unknown push notification type '{body.Type}'.", body.Type, isUnknownType: body.Type is not null),
        };
        DateTimeOffset? expiresAt = null;
        if (body.ExpiresAt is { } ms)
        {
            if (ms < MinUnixMilliseconds || ms > MaxUnixMilliseconds)
            {
                throw new LinkedInPushException("The push expiresAt is not a valid time.", body.Type);
            }
            expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
        return new PushNotification(body.Id, type, expiresAt);
    }

    /// <summary>Verifies the signature, then parses. Throws <see cref="LinkedInPushException"/> when either fails.</summary>
    public PushNotification VerifyAndParse(ReadOnlySpan<byte> rawBody, string? signatureHeader, string clientSecret)
    {
        if (!IsValidSignature(rawBody, signatureHeader, clientSecret))
        {
            throw new LinkedInPushException(string.IsNullOrWhiteSpace(signatureHeader)
                ? $"The push has no {SignatureHeader} header."
                : $"The push {SignatureHeader} does not match its body.");
        }

        return Parse(rawBody);
    }

    /// <summary>Answers <c>GET {CALLBACK_URL}?challengeCode=…</c>: challengeResponse = hex HMAC-SHA256(key = clientSecret, message = challengeCode).</summary>
    public WebhookChallengeResponse CreateChallengeResponse(string challengeCode, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(challengeCode);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(challengeCode));
        return new WebhookChallengeResponse(challengeCode, Convert.ToHexStringLower(mac));
    }

    /// <summary>The challenge answer as the JSON body to return with 200.</summary>
    public static string SerializeChallengeResponse(WebhookChallengeResponse response) =>
        JsonSerializer.Serialize(response, LinkedInJsonContext.Default.WebhookChallengeResponse);
}
