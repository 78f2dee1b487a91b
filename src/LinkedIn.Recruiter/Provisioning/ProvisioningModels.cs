namespace LinkedIn.Recruiter;

/// <summary>Body of <c>POST /v2/provisionedApplications</c>: a child application for one customer.</summary>
public sealed record ProvisionApplicationRequest
{
    /// <summary>Required; the partner's own id for the customer, unique per parent app.</summary>
    public string UniqueForeignId { get; init; } = "";

    /// <summary>Required; at most 50 characters, must not contain "LinkedIn". Shown on OAuth consent.</summary>
    public string Name { get; init; } = "";

    public string? Description { get; init; }

    public IReadOnlyList<string> Oauth2AuthorizedCallbackUrls { get; init; } = [];

    /// <summary>Origins (scheme + host [+ port]) without a trailing slash.</summary>
    public IReadOnlyList<string> ValidJsSdkDomains { get; init; } = [];
}

/// <summary>Fields to change with partial_update; null means "leave unchanged".</summary>
public sealed record ProvisionedApplicationUpdate
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string>? Oauth2AuthorizedCallbackUrls { get; init; }

    public IReadOnlyList<string>? ValidJsSdkDomains { get; init; }
}

/// <summary>Credentials of a provisioned child application.</summary>
public sealed record ProvisionedCredentials
{
    public string ClientId { get; init; } = "";

    public string ClientSecret { get; init; } = "";

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"ProvisionedCredentials {{ ClientId = {ClientId} }}";
}

/// <summary>A provisioned child application.</summary>
public sealed record ProvisionedApplication
{
    /// <summary>Application URN (<c>urn:li:developerApplication:…</c>).</summary>
    public string Key { get; init; } = "";

    public string UniqueForeignId { get; init; } = "";

    public string Name { get; init; } = "";

    public string? Description { get; init; }

    public IReadOnlyList<string> Oauth2AuthorizedCallbackUrls { get; init; } = [];

    public IReadOnlyList<string> ValidJsSdkDomains { get; init; } = [];

    public ProvisionedCredentials? Credentials { get; init; }

    /// <summary>The credentials as <see cref="LinkedInAppCredentials"/>, or null when the response had none.</summary>
    public LinkedInAppCredentials? ToAppCredentials() =>
        Credentials is { ClientId.Length: > 0, ClientSecret.Length: > 0 } c ? new LinkedInAppCredentials(c.ClientId, c.ClientSecret) : null;
}
