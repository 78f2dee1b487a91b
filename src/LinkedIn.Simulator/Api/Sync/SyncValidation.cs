using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LinkedIn.Simulator.Api.Sync;

/// <summary>What LinkedIn checks in a synced entity (candidate, application, note, stage, interview feedback, job posting): an error message, or null.</summary>
internal static partial class SyncValidation
{
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    public static partial Regex EmailPattern();

    private static string? Created(JsonObject o, bool lastModifiedRequired)
    {
        var created = o.Long("atsCreatedAt");
        if (created is null or <= 0)
        {
            return "atsCreatedAt is required and must be > 0";
        }
        var modified = o.Long("atsLastModifiedAt");
        if (modified is null && lastModifiedRequired)
        {
            return "atsLastModifiedAt is required";
        }
        if (modified is not null && (modified <= 0 || modified < created))
        {
            return "atsLastModifiedAt must be > 0 and >= atsCreatedAt";
        }
        return null;
    }

    public static string? Candidate(JsonObject o)
    {
        if (Created(o, false) is { } createdError)
        {
            return createdError;
        }
        if (string.IsNullOrWhiteSpace(o.Str("firstName")))
        {
            return "firstName is required";
        }
        if (o["addresses"] is not JsonArray)
        {
            return "addresses is required (an array, may be empty)";
        }
        if (o["phoneNumbers"] is not JsonArray phones)
        {
            return "phoneNumbers is required (an array, may be empty)";
        }
        if (phones.Any(p => p is not JsonObject po || string.IsNullOrWhiteSpace(po.Str("number"))))
        {
            return "phoneNumbers[].number is required";
        }
        if (o.TryGetPropertyValue("emailAddresses", out var en) && en is not null)
        {
            if (en is not JsonArray emails)
            {
                return "emailAddresses must be an array";
            }
            foreach (var x in emails)
            {
                var s = x is JsonValue v && v.TryGetValue<string>(out var str) ? str : (x as JsonObject)?.Str("emailAddress");
                if (s is null || !EmailPattern().IsMatch(s))
                {
                    return $"emailAddresses entry '{s}' is not a valid email (X@X.X)";
                }
            }
        }
        if (o.Str("currentJobTitle") is { Length: > 200 })
        {
            return "currentJobTitle must be at most 200 characters";
        }
        return null;
    }

    public static string? Application(JsonObject o)
    {
        if (Created(o, true) is { } createdError)
        {
            return createdError;
        }
        if (string.IsNullOrWhiteSpace(o.Str("atsCandidateId")))
        {
            return "atsCandidateId is required";
        }
        if (string.IsNullOrEmpty(o.Str("atsJobPostingId")))
        {
            return "atsJobPostingId is required (at least 1 character)";
        }
        if (string.IsNullOrEmpty(o.Str("atsJobPostingName")))
        {
            return "atsJobPostingName is required (at least 1 character)";
        }
        if (string.IsNullOrWhiteSpace(o.Str("firstName")))
        {
            return "firstName is required";
        }
        if (o.Str("candidateEmail") is { } email && !EmailPattern().IsMatch(email))
        {
            return "candidateEmail is not a valid email (X@X.X)";
        }
        return null;
    }

    private static string? Note(JsonObject o) =>
        Created(o, false) ?? (string.IsNullOrWhiteSpace(o.Str("note")) ? "note is required" : null) ??
        (o.TryGetPropertyValue("author", out var a) && a is not null && a is not JsonObject ? "author must be an object {firstName,lastName}" : null);

    private static string? Stage(JsonObject o)
    {
        if (Created(o, false) is { } createdError)
        {
            return createdError;
        }
        var stage = o.Str("stage");
        if (string.IsNullOrWhiteSpace(stage))
        {
            return "stage is required and must not be empty";
        }
        return string.Equals(stage.Trim(), "Not Available", StringComparison.OrdinalIgnoreCase) ? "stage must not be 'Not Available'" : null;
    }

    private static string? Feedback(JsonObject o)
    {
        if (Created(o, false) is { } createdError)
        {
            return createdError;
        }
        if (o.Str("interviewType") is { } t && t is not ("PHONE_SCREEN" or "ONSITE"))
        {
            return "interviewType must be PHONE_SCREEN or ONSITE";
        }
        if (o.TryGetPropertyValue("evaluations", out var ev) && ev is not null)
        {
            if (ev is not JsonArray arr || arr.Any(x => x is not JsonObject xo || string.IsNullOrWhiteSpace(xo.Str("attribute"))))
            {
                return "evaluations must be an array of {attribute, result}";
            }
        }
        return null;
    }

    public static string? SubEntity(string sub, JsonObject o) => sub switch
    {
        "stages" => Stage(o),
        "interviewFeedback" => Feedback(o),
        _ => Note(o),
    };

    public static string? JobPosting(JsonObject o)
    {
        var ctx = o.Str("integrationContext");
        if (string.IsNullOrEmpty(ctx))
        {
            return "integrationContext is required";
        }
        if (ctx != SeededWorld.Organization)
        {
            return $"unknown integrationContext {ctx}";
        }
        if (string.IsNullOrWhiteSpace(o.Str("externalJobPostingId")))
        {
            return "externalJobPostingId is required";
        }
        var title = o.Str("title");
        if (string.IsNullOrWhiteSpace(title))
        {
            return "title is required";
        }
        if (title.Length > 200)
        {
            return "title must be at most 200 characters";
        }
        var op = o.Str("jobPostingOperationType") ?? "CREATE";
        if (op is not ("CREATE" or "UPDATE" or "RENEW" or "CLOSE"))
        {
            return "jobPostingOperationType must be CREATE, UPDATE, RENEW or CLOSE";
        }
        if (op is "CREATE" or "UPDATE")
        {
            if (string.IsNullOrWhiteSpace(o.Str("description")))
            {
                return "description is required";
            }
            if (string.IsNullOrWhiteSpace(o.Str("location")) && string.IsNullOrWhiteSpace(o.Str("countryCode")))
            {
                return "location is required";
            }
            if (o.Long("listedAt") is null or <= 0)
            {
                return "listedAt is required and must be > 0";
            }
        }
        if (o.Str("availability") is { } av && av is not ("PUBLIC" or "PRIVATE_TO_ATS_INTEGRATION"))
        {
            return "availability must be PUBLIC or PRIVATE_TO_ATS_INTEGRATION";
        }
        if (o.Str("state") is { } st && st is not ("LISTED" or "CLOSED"))
        {
            return "state must be LISTED or CLOSED";
        }
        if (o.Str("companyApplyUrl") is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return "companyApplyUrl must be an absolute URL";
        }
        return null;
    }
}
