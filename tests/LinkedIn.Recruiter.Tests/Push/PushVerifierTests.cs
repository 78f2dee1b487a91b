using System.Security.Cryptography;
using System.Text;

namespace LinkedIn.Recruiter.Tests;

public class PushVerifierTests
{
    private const string Secret = "child-secret";
    private static readonly byte[] Body = """{"id":"req-1","type":"EXPORT_CANDIDATE_PROFILE","expiresAt":1764300000000}"""u8.ToArray();
    private readonly LinkedInPushVerifier _verifier = new();

    private static string Sign(byte[] body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("hmacsha256=").Concat(body).ToArray()));

    [Fact]
    public void IsValidSignature_CorrectSignature_True()
    {
        Assert.True(_verifier.IsValidSignature(Body, Sign(Body, Secret), Secret));
        Assert.Equal(Sign(Body, Secret), LinkedInPushVerifier.ComputeSignature(Body, Secret));
    }

    [Fact]
    public void IsValidSignature_UpperCaseHex_True()
    {
        Assert.True(_verifier.IsValidSignature(Body, Sign(Body, Secret).ToUpperInvariant(), Secret));
    }

    [Fact]
    public void IsValidSignature_TamperedBody_False()
    {
        var signature = Sign(Body, Secret);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("req-1", "req-2", StringComparison.Ordinal));

        Assert.False(_verifier.IsValidSignature(tampered, signature, Secret));
    }

    [Fact]
    public void IsValidSignature_WhitespaceAddedToBody_False()
    {
        Assert.False(_verifier.IsValidSignature([.. Body, (byte)' '], Sign(Body, Secret), Secret));
    }

    [Fact]
    public void IsValidSignature_WrongSecret_False()
    {
        Assert.False(_verifier.IsValidSignature(Body, Sign(Body, "other-secret"), Secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not-hex")]
    [InlineData("abcd")]
    public void IsValidSignature_MissingOrMalformed_False(string? header)
    {
        Assert.False(_verifier.IsValidSignature(Body, header, Secret));
    }

    [Fact]
    public void VerifyAndParse_ExportPush_ReturnsTypedNotification()
    {
        var n = _verifier.VerifyAndParse(Body, Sign(Body, Secret), Secret);

        Assert.Equal(new PushNotification("req-1", PushNotificationType.ExportCandidateProfile, DateTimeOffset.FromUnixTimeMilliseconds(1764300000000)), n);
    }

    [Fact]
    public void VerifyAndParse_MissingSignature_ThrowsPushException()
    {
        var ex = Assert.Throws<LinkedInPushException>(() => _verifier.VerifyAndParse(Body, null, Secret));
        Assert.Contains("X-LI-Signature", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IntegrationStatusChange_ReturnsType()
    {
        var n = _verifier.Parse("""{"id":"req-9","type":"INTEGRATION_STATUS_CHANGE"}"""u8);

        Assert.Equal(PushNotificationType.IntegrationStatusChange, n.Type);
        Assert.Equal("req-9", n.Id);
        Assert.Null(n.ExpiresAt);
    }

    [Fact]
    public void Parse_UnknownType_ThrowsWithRawType()
    {
        var ex = Assert.Throws<LinkedInPushException>(() => _verifier.Parse("""{"id":"x","type":"RESYNC_JOBS"}"""u8));

        Assert.Equal("RESYNC_JOBS", ex.RawType);
        Assert.True(ex.IsUnknownType);
    }

    [Theory]
    [InlineData("9223372036854775807")]
    [InlineData("-9223372036854775808")]
    [InlineData("253402300800000")]
    public void Parse_ExpiresAtOutOfRange_ThrowsPushExceptionNotUnknownType(string expiresAt)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"id":"x","type":"EXPORT_CANDIDATE_PROFILE","expiresAt":{{expiresAt}}}""");

        var ex = Assert.Throws<LinkedInPushException>(() => _verifier.Parse(body));

        Assert.False(ex.IsUnknownType);
        Assert.Contains("expiresAt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExpiresAtAtTheEndOfTime_IsAccepted()
    {
        var n = _verifier.Parse(Encoding.UTF8.GetBytes($$"""{"id":"x","type":"EXPORT_CANDIDATE_PROFILE","expiresAt":{{DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()}}}"""));

        Assert.Equal(DateTimeOffset.MaxValue.ToUnixTimeMilliseconds(), n.ExpiresAt!.Value.ToUnixTimeMilliseconds());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"EXPORT_CANDIDATE_PROFILE"}""")]
    public void Parse_InvalidBody_Throws(string body)
    {
        Assert.Throws<LinkedInPushException>(() => _verifier.Parse(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void CreateChallengeResponse_Code_ReturnsHexHmacOfCodeKeyedBySecret()
    {
        const string code = "0a5c41c1-6bd6-4a1c-b8b2-1f5b7c1f4f4e";
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(code)));

        var response = _verifier.CreateChallengeResponse(code, Secret);

        Assert.Equal(new WebhookChallengeResponse(code, expected), response);
        Assert.Equal($$"""{"challengeCode":"{{code}}","challengeResponse":"{{expected}}"}""", LinkedInPushVerifier.SerializeChallengeResponse(response));
    }
}
