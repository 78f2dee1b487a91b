using System.Net;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Tests;

/// <summary><c>/_sim/soak/entities</c>: what the soak harness compares, read from the store page by page.</summary>
public sealed class ControlSoakRoutesTests() : SimHostTest
{
    private static JsonObject Entities(IEnumerable<(string Key, JsonObject Value)> entities) =>
        new() { ["entities"] = new JsonObject(entities.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))) };

    private static JsonObject Application(string candidateId) => new()
    {
        ["atsCandidateId"] = candidateId,
        ["atsCreatedAt"] = SimHost.Now - 5000,
        ["atsLastModifiedAt"] = SimHost.Now,
        ["atsJobPostingId"] = "JOB-1",
        ["atsJobPostingName"] = "Senior Backend Engineer",
        ["firstName"] = "Maya",
    };

    [Fact]
    public async Task SoakEntities_Paged_CandidatesFirstThenApplicationsWithSubCounts()
    {
        var c = await Sim.EnabledChildAsync();
        string[] candidates = ["c1", "c2", "c3"];
        Assert.Equal(HttpStatusCode.OK, (await Sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds(candidates), c.Token,
            Entities(candidates.Select(id => (SimHost.CandKey(id), SimHost.Candidate()))), "batch_update")).Status);
        string[] applications = ["a1", "a2"];
        Assert.Equal(HttpStatusCode.OK, (await Sim.SendAsync(HttpMethod.Put, "/v2/atsApplications?" + SimHost.AppIds(applications), c.Token,
            Entities(applications.Select(id => (SimHost.AppKey(id), Application("c1")))), "batch_update")).Status);
        var note = new JsonObject { ["atsCreatedAt"] = SimHost.Now, ["note"] = "Strong candidate" };
        var notes = await Sim.SendAsync(HttpMethod.Put, $"/v2/atsCandidates/{SimHost.CandKey("c3")}/notes?ids=n1&ids=n2", c.Token,
            new JsonObject { ["entities"] = new JsonObject { ["n1"] = note.DeepClone(), ["n2"] = note.DeepClone() } }, "batch_update");
        Assert.Empty(notes.Json["errors"]!.AsObject());

        var pages = new List<JsonNode>();
        string? after = null;
        do
        {
            var page = await Sim.PageAsync($"/_sim/soak/entities?clientId={c.ClientId}&count=2" + (after is null ? "" : "&after=" + SimHost.Enc(after)));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            pages.Add(page.Json);
            after = page.Json["next"]?.GetValue<string>();
        }
        while (after is not null && pages.Count < 10);

        Assert.Equal([2, 2, 1], pages.Select(p => p["elements"]!.AsArray().Count));
        var listed = pages.SelectMany(p => p["elements"]!.AsArray()).ToList();
        Assert.Equal(["atsCandidates:c1", "atsCandidates:c2", "atsCandidates:c3", "atsApplications:a1", "atsApplications:a2"],
            listed.Select(e => $"{e!["resource"]}:{e["id"]}"));
        Assert.Equal(2, listed[2]!["notes"]!.GetValue<int>());
        Assert.Equal(0, listed[0]!["notes"]!.GetValue<int>());
        Assert.Equal("c1", listed[3]!["atsCandidateId"]!.GetValue<string>());
    }

    [Fact]
    public async Task SoakEntities_ForeignCursor_Returns400()
    {
        var c = await Sim.EnabledChildAsync();
        var page = await Sim.PageAsync($"/_sim/soak/entities?clientId={c.ClientId}&after=someone-else%7CatsCandidates%7Cx");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
    }
}
