using System.Text.Json;
using LinkedIn.Simulator.State;

namespace LinkedIn.Simulator.Tests;

/// <summary>The synced entities' table: kept in SQLite only, found by its indexes, and moved over from an older store's docs rows.</summary>
public sealed class EntityTableTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "li-sim-tests", Guid.NewGuid().ToString("N"));

    public EntityTableTests() => Directory.CreateDirectory(_dir);

    private string DbPath => Path.Combine(_dir, "sim.db");

    private static EntityRec Application(string id, string candidateId) => new()
    {
        Resource = "atsApplications",
        ClientId = "client-1",
        CanonicalKey = $"atsJobApplicationId={id}&dataProvider=ATS&integrationContext=urn:li:organization:1001",
        KeyFields = new() { ["atsJobApplicationId"] = id, ["dataProvider"] = "ATS", ["integrationContext"] = "urn:li:organization:1001" },
        Json = $$"""{"atsCandidateId":"{{candidateId}}"}""",
        LastModifiedAt = 42,
    };

    [Fact]
    public void Put_ThenReopen_ReadsItBackByKeyAndByCandidate()
    {
        using (var store = new StateStore(DbPath, _ => null))
        {
            store.Write(s =>
            {
                s.Entities.Put(Application("a1", "c1"));
                s.Entities.Put(Application("a2", "c2"));
            });
        }
        using var reopened = new StateStore(DbPath, _ => null);
        var a1 = Application("a1", "c1");
        Assert.Equal(42, reopened.Read(s => s.Entities.Get(a1.Key))!.LastModifiedAt);
        Assert.Equal(["a2"], reopened.Read(s => s.Entities.ApplicationsOf("client-1", "c2")).Select(a => a.KeyFields["atsJobApplicationId"]));
    }

    [Fact]
    public void Open_StoreWithEntitiesAsDocs_MovesThemIntoTheTable()
    {
        var legacy = Application("old", "c9");
        using (var store = new StateStore(DbPath, _ => null))
        {
            store.Write(_ => store.WriteDoc("entity", legacy.Key, JsonSerializer.Serialize(legacy, StateStore.Json)));
        }
        using var reopened = new StateStore(DbPath, _ => null);
        Assert.Equal(legacy.Json, reopened.Read(s => s.Entities.Get(legacy.Key))!.Json);
        Assert.Single(reopened.Read(s => s.Entities.ApplicationsOf("client-1", "c9")));
        Assert.Empty(reopened.Read(s => s.ReadAll("entity").ToList()));
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
