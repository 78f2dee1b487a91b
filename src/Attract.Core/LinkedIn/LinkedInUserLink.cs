namespace Attract.Core.LinkedIn;

/// <summary>An Attract user's own LinkedIn account (User Settings → LinkedIn) and the Recruiter seat it maps to.</summary>
public class LinkedInUserLink
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string PersonUrn { get; set; } = "";

    public string? LinkedInName { get; set; }

    /// <summary>The Recruiter seat held by this person on the connected contract, when there is one.</summary>
    public string? SeatUrn { get; set; }

    public string? ContractUrn { get; set; }

    /// <summary>Why there is no seat, in words for the user.</summary>
    public string? SeatMessage { get; set; }

    public string? AccessTokenProtected { get; set; }

    public string? RefreshTokenProtected { get; set; }

    public DateTime ConnectedAtUtc { get; set; }

    public DateTime? SeatCheckedAtUtc { get; set; }
}
