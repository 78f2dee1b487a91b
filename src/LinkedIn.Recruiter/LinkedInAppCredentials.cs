namespace LinkedIn.Recruiter;

/// <summary>
/// The client id and secret of a LinkedIn application (the partner's parent app or a customer's child app).
/// Every API call is made "as" one application; the library fetches and caches its 2-legged token.
/// </summary>
public sealed record LinkedInAppCredentials
{
    public LinkedInAppCredentials(string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"LinkedInAppCredentials {{ ClientId = {ClientId} }}";
}
