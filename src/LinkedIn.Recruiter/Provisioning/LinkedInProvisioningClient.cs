using System.Net;
using System.Text.Json;
using LinkedIn.Recruiter.Http;
using Microsoft.Extensions.Options;

namespace LinkedIn.Recruiter;

internal sealed class LinkedInProvisioningClient(HttpClient http, IOptions<LinkedInRecruiterOptions> options) : ILinkedInProvisioningClient
{
    private const string Path = "v2/provisionedApplications";

    private LinkedInAppCredentials Parent { get; } = new(options.Value.ParentClientId, options.Value.ParentClientSecret);

    public async Task<ProvisionedApplication> CreateApplicationAsync(ProvisionApplicationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.UniqueForeignId, nameof(request.UniqueForeignId));
        ProvisioningRules.ValidateName(request.Name, nameof(request.Name));
        ProvisioningRules.ValidateCallbackUrls(request.Oauth2AuthorizedCallbackUrls, nameof(request.Oauth2AuthorizedCallbackUrls));
        ProvisioningRules.ValidateJsSdkDomains(request.ValidJsSdkDomains, nameof(request.ValidJsSdkDomains));

        using var message = RestLiHttp.Create(HttpMethod.Post, Path, Parent, "create");
        RestLiHttp.SetJsonContent(message, RestLiHttp.Serialize(request, LinkedInJsonContext.Default.ProvisionApplicationRequest));
        using var response = await RestLiHttp.SendAsync(http, message, cancellationToken).ConfigureAwait(false);
        var app = await RestLiHttp.ReadJsonAsync(response, LinkedInJsonContext.Default.ProvisionedApplication, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(app.Key) && response.Headers.TryGetValues(RestLiHttp.IdHeader, out var ids))
        {
            app = app with { Key = ids.First() };
        }

        return app;
    }

    public async Task UpdateApplicationAsync(string applicationUrn, ProvisionedApplicationUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationUrn);
        ArgumentNullException.ThrowIfNull(update);
        if (update.Name is not null)
        {
            ProvisioningRules.ValidateName(update.Name, nameof(update.Name));
        }

        ProvisioningRules.ValidateCallbackUrls(update.Oauth2AuthorizedCallbackUrls, nameof(update.Oauth2AuthorizedCallbackUrls));
        ProvisioningRules.ValidateJsSdkDomains(update.ValidJsSdkDomains, nameof(update.ValidJsSdkDomains));
        if (update is { Name: null, Description: null, Oauth2AuthorizedCallbackUrls: null, ValidJsSdkDomains: null })
        {
            throw new ArgumentException("The update sets no field.", nameof(update));
        }

        var body = RestLiHttp.WriteJson(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("patch");
            w.WriteStartObject("$set");
            WriteIfSet(w, "name", update.Name);
            WriteIfSet(w, "description", update.Description);
            WriteListIfSet(w, "oauth2AuthorizedCallbackUrls", update.Oauth2AuthorizedCallbackUrls);
            WriteListIfSet(w, "validJsSdkDomains", update.ValidJsSdkDomains);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        });

        using var message = RestLiHttp.Create(HttpMethod.Post, Path + "/" + RestLiKey.Encode(applicationUrn), Parent, "partial_update");
        RestLiHttp.SetJsonContent(message, body);
        using var response = await RestLiHttp.SendAsync(http, message, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ProvisionedApplication?> FindApplicationByUniqueForeignIdAsync(string uniqueForeignId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uniqueForeignId);
        using var message = RestLiHttp.Create(
            HttpMethod.Get,
            $"{Path}?q=credentialsByUniqueForeignId&uniqueForeignId={RestLiKey.Encode(uniqueForeignId)}",
            Parent);
        using var response = await RestLiHttp.SendAsync(http, message, cancellationToken, HttpStatusCode.NotFound).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var collection = await RestLiHttp.ReadJsonAsync(response, LinkedInJsonContext.Default.RestLiCollectionResponse, cancellationToken).ConfigureAwait(false);
        var first = collection.Elements?.FirstOrDefault();
        return first is { ValueKind: JsonValueKind.Object } element
            ? element.Deserialize(LinkedInJsonContext.Default.ProvisionedApplication)
            : null;
    }

    private static void WriteIfSet(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteListIfSet(Utf8JsonWriter w, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
