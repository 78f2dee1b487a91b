namespace LinkedIn.Simulator.Tests.Postman;

/// <summary>A header or form field of a Postman request; disabled ones are not sent.</summary>
public sealed record PostmanPair(string Key, string Value, bool Disabled = false);

/// <summary>The body of a Postman request: <c>raw</c> (with its language), <c>urlencoded</c> or <c>formdata</c> fields, or none.</summary>
public sealed record PostmanBody(string Mode, string? Raw = null, string? Language = null, IReadOnlyList<PostmanPair>? Fields = null)
{
    public static PostmanBody Json(string raw) => new("raw", raw, "json");

    public static PostmanBody Text(string raw) => new("raw", raw);

    public static PostmanBody Form(params (string Key, string Value)[] fields) => new("urlencoded", Fields: [.. fields.Select(f => new PostmanPair(f.Key, f.Value))]);

    public static PostmanBody EmptyForm() => new("formdata", Fields: []);
}

/// <summary>Request authorization: <c>bearer</c> (token template), <c>oauth2</c> (a token Postman's OAuth 2.0 helper obtains), <c>noauth</c>.</summary>
public sealed record PostmanAuth(string Type, string? Token = null)
{
    public static readonly PostmanAuth None = new("noauth");

    public static PostmanAuth Bearer(string token) => new("bearer", token);
}

/// <summary>
/// One request of a Postman collection (format v2.1), flattened: its folder path, the request as Postman would send it before
/// variable substitution, the authorization in effect (inherited from folders when the request has none) and its test script.
/// </summary>
public sealed record PostmanRequest(
    string Name,
    IReadOnlyList<string> Folders,
    string Method,
    string Url,
    IReadOnlyList<PostmanPair> Headers,
    PostmanBody? Body,
    PostmanAuth Auth,
    IReadOnlyList<string> TestScript)
{
    /// <summary>True for a request at the collection's root (not in a folder).</summary>
    public bool AtRoot => Folders.Count == 0;

    public override string ToString() => $"{string.Join(" / ", Folders.Append(Name))}: {Method} {Url}";
}
