using Attract.Core.Common;

namespace Attract.Core.Candidates;

/// <summary>One email address of a candidate; <see cref="Normalized"/> is indexed for search and duplicate checks.</summary>
public class CandidateEmail : ITrackedChild
{
    public int Id { get; set; }

    public int CandidateId { get; set; }

    public Candidate Candidate { get; set; } = null!;

    public string Address { get; set; } = "";

    public string Normalized { get; set; } = "";

    ITracked? ITrackedChild.Owner => Candidate;

    public static string Normalize(string address) => address.Trim().ToLowerInvariant();
}
