using System.Text.Json;
using System.Text.Json.Serialization;
using Attract.Core.LinkedIn;
using LinkedIn.Recruiter;

namespace Attract.Web.Pages.Admin.LinkedIn;

/// <summary>One element of the array LinkedIn's widget passes to <c>data-onintegrate</c>.</summary>
public sealed class IntegrationRequestItem
{
    [JsonPropertyName("integrationContext")]
    public string? IntegrationContext { get; set; }

    [JsonPropertyName("integrationType")]
    public string? IntegrationType { get; set; }

    [JsonPropertyName("tenantType")]
    public string? TenantType { get; set; }

    [JsonPropertyName("dataProvider")]
    public string? DataProvider { get; set; }

    [JsonPropertyName("requestId")]
    public string? RequestId { get; set; }
}

/// <summary>Validates the onintegrate payload posted by the page's JavaScript.</summary>
public static class IntegrationRequest
{
    private const int MaxItems = 20;
    private static readonly string[] KnownTypes = [.. LinkedInIntegrationTypes.CompanyLevel, LinkedInIntegrationTypes.CsaApi];

    /// <summary>The integration keys, or the validation errors (field → messages).</summary>
    public static async Task<(IReadOnlyList<AtsIntegrationKey>? Keys, Dictionary<string, string[]> Errors)> ReadAsync(Stream body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        List<IntegrationRequestItem?>? items;
        try
        {
            items = await JsonSerializer.DeserializeAsync<List<IntegrationRequestItem?>>(body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            errors["body"] = ["The body must be a JSON array of integration keys."];
            return (null, errors);
        }
        if (items is null || items.Count is 0 or > MaxItems)
        {
            errors["body"] = [$"Expected between 1 and {MaxItems} integration keys."];
            return (null, errors);
        }
        var keys = new List<AtsIntegrationKey>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var problems = new List<string>();
            if (item?.IntegrationType is not { } type || !KnownTypes.Contains(type))
            {
                problems.Add("integrationType must be one of " + string.Join(", ", KnownTypes) + ".");
            }
            var expectedPrefix = item?.IntegrationType == LinkedInIntegrationTypes.CsaApi ? "urn:li:contract:" : "urn:li:organization:";
            if (item?.IntegrationContext is not { Length: > 0 and <= 200 } context || !context.StartsWith(expectedPrefix, StringComparison.Ordinal))
            {
                problems.Add($"integrationContext must be a {expectedPrefix}… URN.");
            }
            if (item?.TenantType is { } tenant && tenant != "RECRUITER")
            {
                problems.Add("tenantType must be RECRUITER.");
            }
            if (item?.DataProvider is { } provider && provider != "ATS")
            {
                problems.Add("dataProvider must be ATS.");
            }
            if (problems.Count > 0)
            {
                errors[$"[{i}]"] = [.. problems];
                continue;
            }
            keys.Add(new AtsIntegrationKey(item!.IntegrationContext!, item.IntegrationType!));
        }
        return errors.Count > 0 ? (null, errors) : (keys, errors);
    }
}
