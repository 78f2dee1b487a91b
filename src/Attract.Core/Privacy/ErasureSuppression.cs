namespace Attract.Core.Privacy;

/// <summary>
/// One keyed hash of something that identified an erased candidate (their LinkedIn person URN, a normalised email
/// address or a normalised LinkedIn profile URL). Every erasure writes one row per identifier, grouped by
/// <see cref="ErasureId"/>; while they exist, LinkedIn pulls skip the person and 1-click exports of them are refused, so
/// the integration does not re-create someone who asked to be forgotten. The rows hold no personal data: only
/// HMAC-SHA256 values under a key that is itself stored encrypted (<see cref="ErasureSuppressionKey"/>). An admin lifts
/// an erasure's rows together (Admin settings → Erasure suppressions).
/// </summary>
public class ErasureSuppression
{
    public const int HashLength = 64;

    public long Id { get; set; }

    /// <summary>Groups the rows written by one erasure; the admin lifts them together.</summary>
    public Guid ErasureId { get; set; }

    /// <summary>What was hashed: one of <see cref="SuppressionKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Lower-case hex HMAC-SHA256 of <see cref="Kind"/> and the normalised value (<see cref="SuppressionHasher"/>).</summary>
    public string Hash { get; set; } = "";

    public DateTime ErasedAtUtc { get; set; }

    public string? ErasedByUserId { get; set; }

    public string ErasedByName { get; set; } = "";
}

/// <summary>What a suppression hash was computed from.</summary>
public static class SuppressionKinds
{
    public const string PersonUrn = nameof(PersonUrn);
    public const string Email = nameof(Email);
    public const string ProfileUrl = nameof(ProfileUrl);
}

/// <summary>
/// The HMAC key of the suppression hashes, stored only in protected (encrypted) form, like the LinkedIn secrets: the
/// <see cref="KeyProtected"/> column holds an ASP.NET Core Data Protection payload. One row (<see cref="CurrentId"/>).
/// </summary>
public class ErasureSuppressionKey
{
    public const int CurrentId = 1;

    public int Id { get; set; }

    public string KeyProtected { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}
