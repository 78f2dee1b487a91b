using System.Text.Json;
using LinkedIn.Simulator.Api.Sync;

namespace LinkedIn.Simulator.State;

/// <summary>
/// The synced compound-keyed entities (<see cref="EntityRec"/>), only in the store's <c>entities</c> table and read on demand.
/// Besides the key, a row carries the columns the simulation looks entities up by, each with a partial index: an application's
/// candidate (<c>candidate_id</c>), an ACL's job (<c>job_id</c>), an assignee's member and ACL (<c>assignee</c>, <c>acl_id</c>) and
/// the member a candidate matches (<c>member_id</c>, by <paramref name="matchOf"/> when the row is written).
/// A row read is a copy: put it back to keep a change.
/// </summary>
internal sealed class EntityTable(StateStore store, Func<EntityRec, string?> matchOf) : ITable
{
    private const string Columns = "resource, client_id, canonical_key, key_fields, json, manual, modified";

    public bool IsEmpty => !store.Any("SELECT 1 FROM entities LIMIT 1");

    public void Load()
    {
        store.Exec("""
            CREATE TABLE IF NOT EXISTS entities(key TEXT NOT NULL PRIMARY KEY, resource TEXT NOT NULL, client_id TEXT NOT NULL, canonical_key TEXT NOT NULL,
                key_fields TEXT NOT NULL, json TEXT NOT NULL, manual TEXT, modified INTEGER NOT NULL,
                candidate_id TEXT, job_id TEXT, acl_id TEXT, assignee TEXT, member_id TEXT);
            CREATE INDEX IF NOT EXISTS ix_entities_candidate ON entities(client_id, candidate_id) WHERE candidate_id IS NOT NULL;
            CREATE INDEX IF NOT EXISTS ix_entities_job ON entities(client_id, job_id) WHERE job_id IS NOT NULL;
            CREATE INDEX IF NOT EXISTS ix_entities_assignee ON entities(client_id, assignee) WHERE assignee IS NOT NULL;
            CREATE INDEX IF NOT EXISTS ix_entities_member ON entities(client_id, member_id) WHERE member_id IS NOT NULL;
            """);
        // A store written before entities had a table of their own kept them as docs rows: move them over once.
        store.Write(_ =>
        {
            foreach (var legacy in store.ReadAll("entity").Select(json => JsonSerializer.Deserialize<EntityRec>(json, StateStore.Json)).OfType<EntityRec>().ToList())
            {
                Put(legacy);
            }
            store.Exec("DELETE FROM docs WHERE kind='entity'");
        });
    }

    public void Clear() => store.Exec("DELETE FROM entities");

    public EntityRec? Get(string key) => Query($"SELECT {Columns} FROM entities WHERE key=$key", ("$key", key)).FirstOrDefault();

    public void Put(EntityRec entity)
    {
        var isApplication = entity.Resource == SyncResources.Applications.Name;
        var isCandidate = entity.Resource == SyncResources.Candidates.Name;
        var isAcl = entity.Resource == SyncResources.Acls.Name;
        store.Exec($"""
            INSERT INTO entities(key, {Columns}, candidate_id, job_id, acl_id, assignee, member_id)
            VALUES($key, $resource, $client, $canonical, $keyFields, $json, $manual, $modified, $candidate, $job, $acl, $assignee, $member)
            ON CONFLICT(key) DO UPDATE SET key_fields=excluded.key_fields, json=excluded.json, manual=excluded.manual, modified=excluded.modified,
                candidate_id=excluded.candidate_id, job_id=excluded.job_id, acl_id=excluded.acl_id, assignee=excluded.assignee, member_id=excluded.member_id
            """,
            ("$key", entity.Key), ("$resource", entity.Resource), ("$client", entity.ClientId), ("$canonical", entity.CanonicalKey),
            ("$keyFields", JsonSerializer.Serialize(entity.KeyFields, StateStore.Json)), ("$json", entity.Json), ("$manual", entity.ManualMatchedMember),
            ("$modified", entity.LastModifiedAt),
            ("$candidate", isApplication ? JsonExt.Obj(entity.Json).Str("atsCandidateId") : null),
            ("$job", isAcl ? entity.KeyFields.GetValueOrDefault("atsEntityId") : null),
            ("$acl", entity.KeyFields.GetValueOrDefault("atsEntityAclId")),
            ("$assignee", entity.KeyFields.GetValueOrDefault("assignee")),
            ("$member", isCandidate ? matchOf(entity) : null));
    }

    public void Delete(string key) => store.Exec("DELETE FROM entities WHERE key=$key", ("$key", key));

    /// <summary>The applications of a candidate id (any context), by the <c>atsCandidateId</c> in their body.</summary>
    public List<EntityRec> ApplicationsOf(string clientId, string candidateId) =>
        [.. Query($"SELECT {Columns} FROM entities WHERE client_id=$client AND candidate_id=$candidate", ("$client", clientId), ("$candidate", candidateId))];

    /// <summary>The candidates whose effective match (manual, else automatic) is <paramref name="memberId"/>.</summary>
    public List<EntityRec> CandidatesMatching(string clientId, string memberId) =>
        [.. Query($"SELECT {Columns} FROM entities WHERE client_id=$client AND member_id=$member", ("$client", clientId), ("$member", memberId))];

    /// <summary>How many ACLs the assignee holds, not counting <paramref name="exceptCanonicalKey"/>.</summary>
    public int AclsOfAssignee(string clientId, string assignee, string exceptCanonicalKey)
    {
        using var cmd = store.Command("SELECT count(*) FROM entities WHERE client_id=$client AND assignee=$assignee AND canonical_key<>$except",
            ("$client", clientId), ("$assignee", assignee), ("$except", exceptCanonicalKey));
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the member is assigned to one of the job's ACLs.</summary>
    public bool AssignedToJob(string clientId, string jobId, string memberUrn) => store.Any("""
        SELECT 1 FROM entities a WHERE a.client_id=$client AND a.assignee=$member
            AND a.acl_id IN (SELECT acl.acl_id FROM entities acl WHERE acl.client_id=$client AND acl.job_id=$job) LIMIT 1
        """, ("$client", clientId), ("$member", memberUrn), ("$job", jobId));

    /// <summary>
    /// Up to <paramref name="count"/> entities of a resource in key order (which is canonical-key order), after the store key
    /// <paramref name="afterKey"/> (from the start when null).
    /// </summary>
    public List<EntityRec> Page(string clientId, string resource, string? afterKey, int count)
    {
        var prefix = $"{clientId}|{resource}|";
        // Keys of the resource run from the prefix up to (not including) the prefix with its last '|' raised to '}'.
        return [.. Query($"SELECT {Columns} FROM entities WHERE key>$after AND key<$end ORDER BY key LIMIT $count",
            ("$after", afterKey ?? prefix), ("$end", prefix[..^1] + "}"), ("$count", count))];
    }

    private IEnumerable<EntityRec> Query(string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = store.Command(sql, args);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            yield return new EntityRec
            {
                Resource = reader.GetString(0),
                ClientId = reader.GetString(1),
                CanonicalKey = reader.GetString(2),
                KeyFields = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(3), StateStore.Json) ?? [],
                Json = reader.GetString(4),
                ManualMatchedMember = reader.IsDBNull(5) ? null : reader.GetString(5),
                LastModifiedAt = reader.GetInt64(6),
            };
        }
    }
}

/// <summary>
/// The sub-entities (<see cref="SubRec"/>: notes, stages, interview feedback) of synced entities, only in the store's <c>subs</c>
/// table (indexed by parent and sub-resource) and read on demand.
/// </summary>
internal sealed class SubTable(StateStore store) : ITable
{
    public bool IsEmpty => !store.Any("SELECT 1 FROM subs LIMIT 1");

    public void Load()
    {
        store.Exec("""
            CREATE TABLE IF NOT EXISTS subs(key TEXT NOT NULL PRIMARY KEY, parent_key TEXT NOT NULL, sub_resource TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_subs_parent ON subs(parent_key, sub_resource);
            """);
        store.Write(_ =>
        {
            foreach (var legacy in store.ReadAll("sub").Select(json => JsonSerializer.Deserialize<SubRec>(json, StateStore.Json)).OfType<SubRec>().ToList())
            {
                Put(legacy);
            }
            store.Exec("DELETE FROM docs WHERE kind='sub'");
        });
    }

    public void Clear() => store.Exec("DELETE FROM subs");

    public SubRec? Get(string key) => Query("SELECT parent_key, sub_resource, id, json FROM subs WHERE key=$key", ("$key", key)).FirstOrDefault();

    public void Put(SubRec sub) => store.Exec("""
        INSERT INTO subs(key, parent_key, sub_resource, id, json) VALUES($key, $parent, $sub, $id, $json)
        ON CONFLICT(key) DO UPDATE SET json=excluded.json
        """, ("$key", sub.Key), ("$parent", sub.ParentKey), ("$sub", sub.SubResource), ("$id", sub.Id), ("$json", sub.Json));

    public void Delete(string key) => store.Exec("DELETE FROM subs WHERE key=$key", ("$key", key));

    /// <summary>Deletes every sub-entity of the parent.</summary>
    public void DeleteOf(string parentKey) => store.Exec("DELETE FROM subs WHERE parent_key=$parent", ("$parent", parentKey));

    public List<SubRec> Of(string parentKey, string subResource) =>
        [.. Query("SELECT parent_key, sub_resource, id, json FROM subs WHERE parent_key=$parent AND sub_resource=$sub", ("$parent", parentKey), ("$sub", subResource))];

    /// <summary>How many sub-entities each parent with a key from <paramref name="firstParentKey"/> to <paramref name="lastParentKey"/> has, per sub-resource.</summary>
    public Dictionary<(string ParentKey, string SubResource), int> CountsBetween(string firstParentKey, string lastParentKey)
    {
        using var cmd = store.Command("SELECT parent_key, sub_resource, count(*) FROM subs WHERE parent_key>=$first AND parent_key<=$last GROUP BY parent_key, sub_resource",
            ("$first", firstParentKey), ("$last", lastParentKey));
        using var reader = cmd.ExecuteReader();
        var counts = new Dictionary<(string, string), int>();
        while (reader.Read())
        {
            counts[(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2);
        }
        return counts;
    }

    private IEnumerable<SubRec> Query(string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = store.Command(sql, args);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            yield return new SubRec { ParentKey = reader.GetString(0), SubResource = reader.GetString(1), Id = reader.GetString(2), Json = reader.GetString(3) };
        }
    }
}
