namespace LinkedIn.Simulator.Tests.Postman;

/// <summary>
/// The requests of LinkedIn's public Postman collection for Recruiter System Connect
/// (github.com/linkedin-developers/recruiter-system-connect-development-tools, <c>postman-collection/Recruiter System Connect.postman_collection.json</c>,
/// commit d2954fad3444fb73d150fbdedb3e1227150b37e9), re-created request by request. The collection's licence (LinkedIn Sample Application
/// License Agreement: internal evaluation use only, no public copies or derivative works) does not let an open-source repository keep a copy.
/// Kept as LinkedIn has them: order, folders, names, methods, URL templates (Rest.li 1.0 syntax, no protocol header), headers
/// (including which requests send X-RestLi-Method and which do not), body modes and content types, authorizations, variable names and
/// the test scripts that store tokens and ids. The body values are our own. <c>RscPostmanCollectionTests</c> compares this list with
/// LinkedIn's file when a developer points <c>RSC_POSTMAN_COLLECTION</c> at a copy.
/// </summary>
public static class RscCollection
{
    private const string M1 = "Module 1 - Configure Customer Middleware Integrations (Partner Only )";
    private const string Provision = "Provision Customer (Child) Applications";
    private const string Configure = "Configure Customer Middleware Integrations";
    private const string Api = "https://api.linkedin.com/v2/";
    private const string Token = "https://www.linkedin.com/oauth/v2/accessToken";
    private const string Org = "urn:li:organization:{{org_id}}";
    private const string CandPath = "atsCandidates/atsCandidateId={{candidate_id}}&dataProvider=ATS&integrationContext=" + Org;
    private const string AppPath = "atsApplications/atsJobApplicationId={{application_id}}&dataProvider=ATS&integrationContext=" + Org;
    private const string CandIds = "ids[0].atsCandidateId={{candidate_id}}&ids[0].dataProvider=ATS&ids[0].integrationContext=" + Org;
    private const string AppIds = "ids[0].atsJobApplicationId={{application_id}}&ids[0].dataProvider=ATS&ids[0].integrationContext=" + Org;
    private const string StageIds = "?ids=STAGE001&ids=STAGE002&ids=STAGE003";
    private const string Capture = "var jsonData = JSON.parse(responseBody);";

    private static readonly PostmanAuth Partner = PostmanAuth.Bearer("{{partner_access_token}}");
    private static readonly PostmanAuth Customer = PostmanAuth.Bearer("{{customer_access_token}}");
    private static readonly PostmanPair JsonType = new("Content-Type", "application/json");

    /// <summary>The collection variables, with our own sample values where LinkedIn's are samples, placeholders where LinkedIn's are.</summary>
    public static Dictionary<string, string> Variables() => new(StringComparer.Ordinal)
    {
        ["partner_app_client_id"] = "<partner application client id>",
        ["partner_app_client_secret"] = "<partner application client secret>",
        ["org_id"] = "<organization id of the customer>",
        ["contract_id"] = "<contract id of the customer>",
        ["customer_app_client_id"] = "<customer application client id>",
        ["customer_app_client_secret"] = "<customer application client secret>",
        ["customer_name"] = "<customer name>",
        ["unique_foreign_id"] = "<id of the customer in the ATS>",
        ["candidate_id"] = "CANDIDATE-2041",
        ["note_id"] = "CANDIDATE-NOTE-77",
        ["application_id"] = "APPLICATION-3310",
        ["private_externalJobPostingId"] = "REQ-PRIVATE-118",
        ["public_externalJobPostingId"] = "REQ-PUBLIC-117",
    };

    public static List<PostmanRequest> Requests() =>
    [
        .. ProvisionRequests(),
        .. IntegrationRequests(),
        .. SyncRequests(),
        .. RetrieveRequests(),
        .. AclRequests(),
        .. DeleteRequests(),
        new("Get Customer Application Access Token", [], "POST", Token, [new("Content-Type", "application/x-www-form-urlencoded")],
            PostmanBody.Form(("grant_type", "client_credentials"), ("client_id", "{{customer_app_client_id}}"), ("client_secret", "{{customer_app_client_secret}}")),
            PostmanAuth.None, [Capture, "pm.globals.set(\"customer_access_token\", jsonData.access_token);"]),
        new("GET Person ID - With 3 legged OAuth Flow - r_liteprofile permission", [], "GET", Api + "me?fields=id", [], null,
            new PostmanAuth("oauth2", ""), [Capture, "pm.globals.set(\"person_id\", jsonData.id);"]),
    ];

    private static PostmanRequest R(string[] folders, string name, string method, string url, PostmanAuth auth, string? restLiMethod = null,
        PostmanBody? body = null, bool json = true, params string[] script) =>
        new(name, folders, method, url.StartsWith("https://", StringComparison.Ordinal) ? url : Api + url,
            [.. restLiMethod is null ? Array.Empty<PostmanPair>() : [new PostmanPair("x-restli-method", restLiMethod)], .. body?.Mode == "raw" && json ? [JsonType] : Array.Empty<PostmanPair>()],
            body, auth, script);

    private static IEnumerable<PostmanRequest> ProvisionRequests()
    {
        string[] f = [M1, Provision];
        yield return new("Parent Application Access Token", f, "POST", Token, [new("Content-Type", "text/plain")],
            PostmanBody.Form(("grant_type", "client_credentials"), ("client_id", "{{partner_app_client_id}}"), ("client_secret", "{{partner_app_client_secret}}")),
            PostmanAuth.None, [Capture, "pm.globals.set(\"partner_access_token\", jsonData.access_token);"]);
        yield return R(f, "Provision Child Application", "POST", "provisionedApplications", Partner, body: PostmanBody.Json("""
            {"name": "{{customer_name}}", "description": "Recruiting for {{customer_name}}", "uniqueForeignId": "{{unique_foreign_id}}",
             "oauth2AuthorizedCallbackUrls": ["https://app.getpostman.com/oauth2/callback"], "validJsSdkDomains": ["http://localhost:5000"]}
            """), script: [Capture, "pm.globals.set(\"customer_application_urn\", jsonData.key);"]);
        yield return R(f, "Update JavaScript SDK Domain for Child Application", "POST", "provisionedApplications/{{customer_application_urn}}", Partner,
            body: PostmanBody.Text("""{"patch": {"$set": {"validJsSdkDomains": ["http://localhost:5000", "http://localhost:3000"]}}}"""), json: false);
        yield return R(f, "Update OAuth2.0 Authorized CallBack URL for Child Application", "POST", "provisionedApplications/{{customer_application_urn}}", Partner,
            body: PostmanBody.Text("""{"patch": {"$set": {"oauth2AuthorizedCallbackUrls": ["https://app.getpostman.com/oauth2/callback"]}}}"""), json: false);
        yield return R(f, "Get Child Application", "GET", "provisionedApplications?q=credentialsByUniqueForeignId&uniqueForeignId={{unique_foreign_id}}", Partner);
    }

    private static string IntegrationKey(string context, string type) => $"integrationContext={context}&integrationType={type}&tenantType=RECRUITER&dataProvider=ATS";

    private static IEnumerable<PostmanRequest> IntegrationRequests()
    {
        string[] f = [M1, Configure, "Update Customer's ATSIntegration (Mandatory)"];
        foreach (var (type, context, label) in new[] { ("ONE_CLICK_EXPORT", Org, "One-Click Export"), ("IN_ATS_INDICATOR", Org, "In-ATS Indicator"), ("PROFILE_PLUGIN", Org, "Profile Widget"), ("CSA_API", "urn:li:contract:{{contract_id}}", "Recruiter data") })
        {
            var key = IntegrationKey(context, type);
            yield return R(f, "Update Customer ATSIntegration - " + type, "POST", "atsIntegrations?" + string.Join('&', key.Split('&').Select(p => "ids[0]." + p)), Customer, "batch_partial_update",
                PostmanBody.Text(Fill("""{"entities": {"KEY": {"patch": {"$set": {"integrationName": "{{customer_name}} ATS – LABEL"}}}}}""", ("KEY", key), ("LABEL", label))));
        }
        var verify = string.Join('&', new[] { ("IN_ATS_INDICATOR", Org), ("PROFILE_PLUGIN", Org), ("ONE_CLICK_EXPORT", Org), ("CSA_API", "urn:li:contract:{{contract_id}}") }
            .Select((t, i) => string.Join('&', IntegrationKey(t.Item2, t.Item1).Split('&').Select(p => $"ids[{i}]." + p))));
        yield return R(f, "Verify Customer's  ATSIntegrations", "GET", "atsIntegrations?" + verify, Customer);

        f = [M1, Configure, "Sync Integration Configurations (Mandatory)"];
        string Configs(string type) => $"atsIntegrations/{IntegrationKey(Org, type)}/configurations?ids=";
        PostmanBody Config(string id, string value) => PostmanBody.Text(Fill("""{"entities": {"ID": {"configurationValue": {"string": "VALUE"}}}}""", ("ID", id), ("VALUE", value)));
        yield return R(f, "Sync Integration Configuration - Callback URL (Mandatory)", "PUT", Configs("ONE_CLICK_EXPORT") + "CALLBACK_URL", Customer, "batch_update", Config("CALLBACK_URL", "<https://YourCallbackURL>"));
        yield return R(f, "Sync Integration Configuration - Job Posting Viewers (Optional)", "PUT", Configs("ONE_CLICK_EXPORT") + "JOB_POSTING_VIEWERS", Customer, "batch_update", Config("JOB_POSTING_VIEWERS", "ALL_PRODUCT_USERS"));
        yield return R(f, "Sync Integration Configuration - Application Viewers (Optional)", "PUT", Configs("IN_ATS_INDICATOR") + "APPLICATION_VIEWERS", Customer, "batch_update", Config("APPLICATION_VIEWERS", "ALL_PRODUCT_USERS"));
        yield return R(f, "Delete Integration Configuration - Job Posting Viewers", "DELETE", Configs("ONE_CLICK_EXPORT") + "JOB_POSTING_VIEWERS", Customer, body: PostmanBody.Text(""), json: false);
        yield return R(f, "Delete Integration Configuration - Application Viewers", "DELETE", Configs("IN_ATS_INDICATOR") + "APPLICATION_VIEWERS", Customer, body: PostmanBody.Text(""), json: false);
        yield return R(f, "Verify Customer Integrations - Configs", "GET", Configs("ONE_CLICK_EXPORT") + "CALLBACK_URL", Customer);
        yield return R([M1, Configure, "Retrieve PUSH Notification Content"], "GET Notification Type INTEGRATION_STATUS_CHANGE", "GET",
            "atsIntegrations?q=request&requestId={{Enter_Request_ID_obtained_from_POST_in_CallbackURL}}", Customer);
    }

    /// <summary>A body template with our tokens (upper-case words) replaced; <c>{{variables}}</c> stay for the runner.</summary>
    private static string Fill(string template, params (string Token, string Value)[] tokens) =>
        tokens.Aggregate(template, (t, x) => t.Replace(x.Token, x.Value, StringComparison.Ordinal));

    private static PostmanBody Job(string variable, string title, string availability) => PostmanBody.Text(Fill("""
        {"elements": [{"integrationContext": "urn:li:organization:{{org_id}}", "externalJobPostingId": "{{VARIABLE}}", "title": "TITLE",
          "description": "TITLE at {{customer_name}}: own the roadmap, work with a small team, ship every week.", "location": "Seattle, WA",
          "availability": "AVAILABILITY", "state": "LISTED", "companyApplyUrl": "http://localhost:5000/careers", "listedAt": {{$timestamp}}000}]}
        """, ("VARIABLE", variable), ("TITLE", title), ("AVAILABILITY", availability)));

    private static IEnumerable<PostmanRequest> SyncRequests()
    {
        const string m2 = "Module 2 - Sync data from ATS to Linkedin";
        string[] f = [m2, "Sync Jobs"];
        yield return R(f, "Create Public Job", "POST", "simpleJobPostings", Customer, "batch_create", Job("public_externalJobPostingId", "Backend Engineer", "PUBLIC"),
            script: [Capture, "pm.globals.set(\"public_simplejobpostingtask_id\", jsonData.elements[0].id);"]);
        yield return R(f, "Get Public Job Creation Task Status", "GET", "simpleJobPostingTasks?ids={{public_simplejobpostingtask_id}}", Customer);
        yield return R(f, "Create Private Job", "POST", "simpleJobPostings", Customer, "batch_create", Job("private_externalJobPostingId", "Plant Manager", "PRIVATE_TO_ATS_INTEGRATION"),
            script: [Capture, "pm.globals.set(\"private_simplejobpostingtask_id\", jsonData.elements[0].id);"]);
        yield return R(f, "Get Private Job Creation Task Status", "GET", "simpleJobPostingTasks?ids={{private_simplejobpostingtask_id}}", Customer);

        f = [m2, "Sync Candidates"];
        yield return R(f, "Sync Candidates", "PUT", "atsCandidates?" + CandIds, Customer, "batch_update", PostmanBody.Text("""
            {"entities": {"atsCandidateId={{candidate_id}}&dataProvider=ATS&integrationContext=urn:li:organization:{{org_id}}": {
              "firstName": "Jordan", "lastName": "Rivera", "middleInitial": "T", "prefix": "Ms", "suffix": "",
              "emailAddresses": ["jordan.rivera@example.org"], "phoneNumbers": [{"number": "206-555-0143", "extension": "12"}],
              "addresses": [{"line1": "1200 Pine St", "city": "Seattle", "geographicArea": "WA", "geographicAreaType": "STATE", "postalCode": "98101", "country": "us"}],
              "currentCompanyName": "Northwind Traders", "currentJobTitle": "Site Reliability Engineer", "externalProfileUrl": "https://ats.example.org/c/2041",
              "atsCreatedAt": {{$timestamp}}000, "atsLastModifiedAt": {{$timestamp}}000}}}
            """));
        yield return R(f, "Sync Candidates - Retrieve Candidate Matches", "GET", "atsCandidates?" + CandIds, Customer);
        yield return new("One Click Export - Attach Person URN", f, "POST", Api + "atsCandidates?" + CandIds, [JsonType, new("x-restli-method", "batch_partial_update")],
            PostmanBody.Text("""{"entities": {"atsCandidateId={{candidate_id}}&dataProvider=ATS&integrationContext=urn:li:organization:{{org_id}}": {"patch": {"$set": {"manualMatchedMember": "urn:li:person:{{person_id}}"}}}}}"""), Customer, []);

        PostmanBody Note(string id, string text) => PostmanBody.Text(Fill("""{"entities": {"ID": {"atsCreatedAt": {{$timestamp}}000, "note": "TEXT", "author": {"firstName": "Sam", "lastName": "Okoye"}}}}""", ("ID", id), ("TEXT", text)));
        yield return R([m2, "Sync Candidate Notes"], "Sync Candidate Notes", "PUT", CandPath + "/notes?ids={{note_id}}", Customer, "batch_update", Note("{{note_id}}", "Prefers hybrid work; available in March."));
        yield return new("Sync Job Applications", [m2, "Sync Job Applications"], "PUT", Api + "atsApplications?" + AppIds, [JsonType, new("x-restli-method", "batch_update")], PostmanBody.Text("""
            {"entities": {"atsJobApplicationId={{application_id}}&dataProvider=ATS&integrationContext=urn:li:organization:{{org_id}}": {
              "atsCandidateId": "{{candidate_id}}", "atsJobPostingId": "{{public_externalJobPostingId}}", "atsJobPostingName": "Backend Engineer",
              "firstName": "Jordan", "lastName": "Rivera", "candidateEmail": "jordan.rivera@example.org", "source": "Careers site", "dispositionReason": "",
              "atsCreatedAt": {{$timestamp}}000, "atsLastModifiedAt": {{$timestamp}}000}}}
            """), Customer, []);
        yield return new("Sync Job Application Notes", [m2, "Sync  Job Application Notes"], "PUT", Api + AppPath + "/notes?ids=APPL_NOTE_0001", [JsonType, new("x-restli-method", "batch_update")],
            Note("APPL_NOTE_0001", "Strong system design answers."), Customer, []);
        yield return new("Sync Application Interview Feedback", [m2, "Sync Application Interview Feedback"], "PUT", Api + AppPath + "/interviewFeedback?ids=APPL_INTERVIEW_0001", [JsonType], PostmanBody.Text("""
            {"entities": {"APPL_INTERVIEW_0001": {"atsCreatedAt": {{$timestamp}}000, "feedback": "Calm under pressure.",
              "interviewer": {"firstName": "Priya", "lastName": "Natarajan"}, "evaluations": [{"attribute": "Problem solving", "result": "5/5"}]}}}
            """), Customer, []);
        yield return R([m2, "Sync Job Application Stages"], "Sync Application Stages", "PUT", AppPath + "/stages" + StageIds, Customer, "batch_update", PostmanBody.Text("""
            {"entities": {"STAGE001": {"atsCreatedAt": {{$timestamp}}000, "stage": "Applied"},
              "STAGE002": {"atsCreatedAt": {{$timestamp}}000, "stage": "Phone Screen"}, "STAGE003": {"atsCreatedAt": {{$timestamp}}000, "stage": "Onsite"}}}
            """));
    }

    private static IEnumerable<PostmanRequest> RetrieveRequests()
    {
        const string m3 = "Module 3 - Retrieve Data from Linkedin";
        const string seat = "urn:li:seat:{{Enter_ID_Value_Present_In_Response_of_Retrieve_Recruiter_Seatholders_API}}";
        const string epoch = "{{Epoch in milliseconds}}";
        yield return R([m3, "Retrieve Exported Candidate from PUSH Notification"], "GET Notification Type EXPORT_CANDIDATE_PROFILE", "GET",
            "exportedCandidates?q=request&requestId={{Enter_Request_ID_obtained_from_POST_in_CallbackURL}}", Customer);
        string[] f = [m3, "Retrieve Recruiter Prospect Interactions"];
        yield return R(f, "Retrieve Recruiter Seatholders", "GET", "seats?q=seatsByAttributes&fields=id&active=true&count=100&start=0&contracts=urn:li:contract:{{contract_id}}", Customer,
            script: [Capture, "console.log(jsonData.elements.id)"]);
        yield return R(f, "Retrieve InMail History", "GET", $"conversationEvents?q=criteria&viewer={seat}&timeRange.end={epoch}&timeRange.start={epoch}&start=0&count=50", Customer);
        yield return R(f, "Retrieve InMail Stub Profiles", "GET", $"mailStubs?q=contract&start=0&count=50&contract=urn:li:contract:{{{{contract_id}}}}&createdDateStart={epoch}&createdDateEnd={epoch}&owners={seat}", Customer);
        yield return R(f, "Retrieve Prospect Notes", "GET", $"prospectNotes?q=criteria&start=0&contract=urn:li:contract:{{{{contract_id}}}}&cutoffDate={epoch}&beforeDate={epoch}&count=100&owners={seat}", Customer);
    }

    private static IEnumerable<PostmanRequest> AclRequests()
    {
        const string m4 = "Module 4 - Define Permissions via ACLs";
        string[] f = [m4, "Sync ACLs"];
        yield return R(f, "Upsert Entity ACL", "PUT", "atsEntityAcls?ids[0].atsEntityAclId=TEST_JOBS&ids[0].dataProvider=ATS&ids[0].integrationContext=" + Org + "&ids[0].atsEntityType=JOB_POSTING&ids[0].atsEntityId={{public_externalJobPostingId}}",
            Customer, "batch_update", PostmanBody.Text("""{"entities": {"dataProvider=ATS&integrationContext=urn:li:organization:{{org_id}}&atsEntityType=JOB_POSTING&atsEntityId={{public_externalJobPostingId}}&atsEntityAclId=TEST_JOBS": {}}}"""));
        yield return R(f, "Retrieve Entity ACL", "GET", "atsEntityAcls?atsEntityId={{public_externalJobPostingId}}&atsEntityType=JOB_POSTING&dataProvider=ATS&integrationContext=" + Org + "&q=criteria&start=0&count=100", Customer);
        yield return R(f, "Delete Entity ACL", "DELETE", "atsEntityAcls?ids[0].atsEntityAclId=TEST_JOBS&ids[0].dataProvider=ATS&ids[0].integrationContext=" + Org + "&ids[0].atsEntityId={{public_externalJobPostingId}}&ids[0].atsEntityType=JOB_POSTING", Customer, body: PostmanBody.EmptyForm());

        f = [m4, "Sync ACL Assignees"];
        yield return new("Upsert Entity ACL Assignees", f, "PUT", Api + "atsEntityAclAssignees?ids[0].atsEntityAclId=TEST_JOBS&ids[0].integrationContext=" + Org + "&ids[0].dataProvider=ATS&ids[0].assignee=urn:li:person:{{person_id}}&ids[0].atsEntityType=JOB_POSTING",
            [new("x-restli-method", "batch_update"), JsonType, new("X-RestLi-Protocol-Version", "2.0.0", Disabled: true)],
            PostmanBody.Text("""{"entities": {"dataProvider=ATS&integrationContext=urn:li:organization:{{org_id}}&atsEntityType=JOB_POSTING&atsEntityAclId=TEST_JOBS&assignee=urn:li:person:{{person_id}}": {}}}"""), Customer, []);
        yield return R(f, "Retrieve Entity ACL Assignees", "GET", "atsEntityAclAssignees?q=criteria&assignee=urn:li:person:{{person_id}}&dataProvider=ATS&integrationContext=" + Org, Customer);
        yield return R(f, "Delete Entity ACL Assignees", "DELETE", "atsEntityAclAssignees?ids[0].atsEntityAclId=TEST_JOBS&ids[0].dataProvider=ATS&ids[0].integrationContext=" + Org + "&ids[0].assignee=urn:li:person:{{person_id}}&ids[0].atsEntityType=JOB_POSTING", Customer, body: PostmanBody.EmptyForm());
    }

    private static IEnumerable<PostmanRequest> DeleteRequests()
    {
        string[] f = ["Module 5 - Delete Synced Data"];
        yield return R(f, "Sync Candidates - Delete", "DELETE", "atsCandidates?" + CandIds, Customer, body: PostmanBody.EmptyForm());
        yield return R(f, "Sync Candidate Notes - Delete Note", "DELETE", CandPath + "/notes?ids={{note_id}}", Customer, body: PostmanBody.EmptyForm());
        yield return R(f, "Sync Job Applications - Delete", "DELETE", "atsApplications?" + AppIds, Customer, body: PostmanBody.EmptyForm());
        yield return R(f, "Sync Job Application Notes - Delete", "DELETE", AppPath + "/notes?ids=APPL_NOTE_0001", Customer, body: PostmanBody.Text(""), json: false);
        yield return R(f, "Sync Application Interview Feedback - Delete", "DELETE", AppPath + "/interviewFeedback?ids=APPL_INTERVIEW_0001", Customer, body: PostmanBody.Text(""), json: false);
        yield return R(f, "Sync Application Stages - Delete", "DELETE", AppPath + "/stages" + StageIds, Customer, body: PostmanBody.Text(""), json: false);
    }
}
