using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Api.Provisioning;

/// <summary>The validated fields of a provisioned application, from a create body or a partial-update <c>$set</c>.</summary>
internal sealed record AppFields(string? UniqueForeignId, string? Name, List<string> CallbackUrls, List<string> JsSdkDomains)
{
    private static readonly string[] Updatable = ["name", "description", "oauth2AuthorizedCallbackUrls", "validJsSdkDomains"];

    public static (AppFields? Fields, string? Error) FromCreate(JsonObject body)
    {
        var uniqueForeignId = body.Str("uniqueForeignId");
        if (string.IsNullOrWhiteSpace(uniqueForeignId))
        {
            return (null, "uniqueForeignId is required");
        }
        var name = body.Str("name");
        if (ValidateName(name) is { } nameError)
        {
            return (null, nameError);
        }
        var (urls, urlsError) = Strings(body, "oauth2AuthorizedCallbackUrls");
        if (urls is null)
        {
            return (null, urlsError);
        }
        var (domains, domainsError) = Strings(body, "validJsSdkDomains");
        if (domains is null)
        {
            return (null, domainsError);
        }
        return (ValidateDomains(domains) ?? ValidateUrls(urls)) is { } invalid ? (null, invalid) : (new AppFields(uniqueForeignId, name, urls, domains), null);
    }

    public static (AppFields? Fields, string? Error) FromPatch(JsonObject set)
    {
        foreach (var (field, _) in set)
        {
            if (!Updatable.Contains(field))
            {
                return (null, $"Field '{field}' cannot be updated");
            }
        }
        string? name = null;
        if (set.ContainsKey("name") && ValidateName(name = set.Str("name")) is { } nameError)
        {
            return (null, nameError);
        }
        var (urls, urlsError) = Strings(set, "oauth2AuthorizedCallbackUrls");
        var (domains, domainsError) = Strings(set, "validJsSdkDomains");
        if (urls is null || domains is null)
        {
            return (null, urlsError ?? domainsError);
        }
        return (ValidateDomains(domains) ?? ValidateUrls(urls)) is { } invalid ? (null, invalid) : (new AppFields(null, name, urls, domains), null);
    }

    /// <summary>Applies the fields <paramref name="set"/> names to <paramref name="app"/>.</summary>
    public void ApplyTo(AppRec app, JsonObject set)
    {
        if (Name is not null)
        {
            app.Name = Name;
        }
        if (set.ContainsKey("description"))
        {
            app.Description = set.Str("description");
        }
        if (set.ContainsKey("oauth2AuthorizedCallbackUrls"))
        {
            app.CallbackUrls = CallbackUrls;
        }
        if (set.ContainsKey("validJsSdkDomains"))
        {
            app.JsSdkDomains = JsSdkDomains;
        }
    }

    private static string? ValidateName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "name is required";
        }
        if (name.Length > 50)
        {
            return "name must be at most 50 characters";
        }
        if (name.Contains("linkedin", StringComparison.OrdinalIgnoreCase))
        {
            return "name must not contain 'LinkedIn'";
        }
        return null;
    }

    private static (List<string>? Values, string? Error) Strings(JsonObject json, string field)
    {
        if (!json.TryGetPropertyValue(field, out var node) || node is null)
        {
            return ([], null);
        }
        if (node is not JsonArray array)
        {
            return (null, $"{field} must be an array of strings");
        }
        var values = new List<string>();
        foreach (var item in array)
        {
            if (item is not JsonValue value || !value.TryGetValue<string>(out var text))
            {
                return (null, $"{field} must be an array of strings");
            }
            values.Add(text);
        }
        return (values, null);
    }

    private static string? ValidateDomains(List<string> domains)
    {
        foreach (var domain in domains)
        {
            if (!Uri.TryCreate(domain, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https") || domain.EndsWith('/') || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                return $"validJsSdkDomains entry '{domain}' must be an origin (scheme://host[:port]) without a trailing '/'";
            }
        }
        return null;
    }

    private static string? ValidateUrls(List<string> urls)
    {
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                return $"oauth2AuthorizedCallbackUrls entry '{url}' must be an absolute http(s) URL";
            }
        }
        return null;
    }
}
