namespace LinkedIn.Recruiter;

/// <summary>Client-side copies of LinkedIn's provisioning rules, so bad input fails before a round trip.</summary>
public static class ProvisioningRules
{
    public const int MaxNameLength = 50;

    /// <summary>Throws <see cref="ArgumentException"/> unless the name is non-empty, ≤ 50 characters and free of "LinkedIn".</summary>
    public static void ValidateName(string? name, string parameterName = "name")
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("The application name is required.", parameterName);
        }

        if (name.Length > MaxNameLength)
        {
            throw new ArgumentException($"The application name must be at most {MaxNameLength} characters (got {name.Length}).", parameterName);
        }

        if (name.Contains("LinkedIn", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The application name must not contain \"LinkedIn\".", parameterName);
        }
    }

    /// <summary>Throws unless every entry is an http(s) origin (scheme + host [+ port]) without path or trailing slash.</summary>
    public static void ValidateJsSdkDomains(IEnumerable<string>? domains, string parameterName = "validJsSdkDomains")
    {
        foreach (var domain in domains ?? [])
        {
            if (!Uri.TryCreate(domain, UriKind.Absolute, out var uri) ||
                (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) ||
                domain.EndsWith('/') ||
                !string.Equals(domain, uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"'{domain}' is not an origin (scheme://host[:port], no path, no trailing '/').", parameterName);
            }
        }
    }

    /// <summary>Throws unless every entry is an absolute http(s) URL.</summary>
    public static void ValidateCallbackUrls(IEnumerable<string>? urls, string parameterName = "oauth2AuthorizedCallbackUrls")
    {
        foreach (var url in urls ?? [])
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException($"'{url}' is not an absolute http(s) URL.", parameterName);
            }
        }
    }
}
