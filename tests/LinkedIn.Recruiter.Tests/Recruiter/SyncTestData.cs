using System.Net;
using System.Text.Json.Nodes;
using LinkedIn.Recruiter.Tests.Infrastructure;

namespace LinkedIn.Recruiter.Tests;

/// <summary>The organization, candidate and batch-response helpers the sync client tests share.</summary>
internal static class SyncTestData
{
    public const string Org = "urn:li:organization:1001";
    public const string OrgEnc = "urn%3Ali%3Aorganization%3A1001";

    public static AtsCandidateKey Cand(string id) => new(Org, id);

    public static AtsCandidate Candidate(string first) => new()
    {
        AtsCreatedAt = 1764300000000,
        AtsLastModifiedAt = 1764300000001,
        FirstName = first,
        LastName = "Okafor",
        EmailAddresses = ["maya@example.com"],
        PhoneNumbers = [new AtsPhoneNumber { Number = "+1 206 555 0100" }],
        Addresses = [new AtsAddress { City = "Seattle", GeographicArea = "WA", GeographicAreaType = "STATE", Country = "US" }],
        CurrentCompanyName = "Fabrikam",
        CurrentJobTitle = "Engineer",
        LinkedInProfileUrl = "https://www.linkedin.com/in/maya",
        DoNotContact = false,
    };

    /// <summary>A batch response that echoes every body key with the given status.</summary>
    public static HttpResponseMessage EchoResults(RecordedRequest r, int status = 204)
    {
        var results = new JsonObject();
        foreach (var (key, _) in JsonNode.Parse(r.Body!)!["entities"]!.AsObject())
        {
            results[key] = new JsonObject { ["status"] = status };
        }

        return StubHttpHandler.Json(HttpStatusCode.OK, new JsonObject { ["results"] = results, ["errors"] = new JsonObject() }.ToJsonString());
    }
}
