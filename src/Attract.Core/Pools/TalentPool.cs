using Attract.Core.Candidates;
using Attract.Core.Common;

namespace Attract.Core.Pools;

/// <summary>A named group of candidates. System pools (such as <see cref="LinkedInPoolName"/>) can't be renamed or deleted.</summary>
public class TalentPool : IVersioned
{
    public const string LinkedInPoolName = "LinkedIn";
    public const int LinkedInPoolId = 1;

    public int Id { get; set; }

    public string Name { get; private set; } = "";

    public string? Description { get; set; }

    public bool IsSystem { get; private set; }

    public string? CreatedById { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<TalentPoolMember> Members { get; set; } = [];

    public const int MaxNameLength = 100;

    public static TalentPool Create(string name, string? description, string? createdById, DateTime nowUtc)
    {
        var pool = new TalentPool { CreatedById = createdById, Description = description, CreatedAtUtc = nowUtc, UpdatedAtUtc = nowUtc };
        pool.SetName(name);
        return pool;
    }

    public void Rename(string name)
    {
        EnsureUserEditable();
        SetName(name);
    }

    public void EnsureUserEditable()
    {
        if (IsSystem)
        {
            throw new DomainException($"'{Name}' is a system pool; it can't be renamed or deleted.");
        }
    }

    /// <summary>Adds candidates not yet in the pool; returns how many were added.</summary>
    public int Add(IEnumerable<int> candidateIds, string? addedById, DateTime nowUtc)
    {
        var added = 0;
        foreach (var id in candidateIds.Distinct())
        {
            if (!Members.Any(m => m.CandidateId == id))
            {
                Members.Add(new TalentPoolMember { CandidateId = id, AddedById = addedById, AddedAtUtc = nowUtc });
                added++;
            }
        }
        return added;
    }

    public int Remove(IEnumerable<int> candidateIds)
    {
        var ids = candidateIds.ToHashSet();
        return Members.RemoveAll(m => ids.Contains(m.CandidateId));
    }

    private void SetName(string name)
    {
        name = name.Trim();
        if (name.Length == 0)
        {
            throw new DomainException("A pool needs a name.");
        }
        if (name.Length > MaxNameLength)
        {
            throw new DomainException($"A pool name can be at most {MaxNameLength} characters.");
        }
        Name = name;
    }
}

public class TalentPoolMember
{
    public int PoolId { get; set; }

    public TalentPool Pool { get; set; } = null!;

    public int CandidateId { get; set; }

    public Candidate Candidate { get; set; } = null!;

    public string? AddedById { get; set; }

    public DateTime AddedAtUtc { get; set; }
}
