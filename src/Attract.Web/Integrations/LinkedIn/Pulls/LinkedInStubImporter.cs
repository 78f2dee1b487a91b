using Attract.Core.Candidates;
using Attract.Core.Data;
using Attract.Core.Pools;
using Attract.Core.Privacy;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Integrations.LinkedIn.Pulls;

/// <summary>
/// Turns <c>mailStubs</c> (members who accepted an InMail and shared their profile) into candidates of the system
/// <b>LinkedIn</b> talent pool. An existing candidate (same person URN, then same email) is linked and added to the pool,
/// never duplicated; an erased member (suppressed) is never re-created. Changes are left to the caller's SaveChanges.
/// </summary>
public sealed class LinkedInStubImporter(AttractDbContext db)
{
    public const string Source = "LinkedIn Recruiter (InMail)";

    /// <summary>Imports the stubs; a member who was erased (<paramref name="suppressed"/> by URN or email) is skipped.</summary>
    public async Task<int> ImportAsync(IAsyncEnumerable<MailStub> stubs, SuppressionList suppressed, CancellationToken ct)
    {
        var count = 0;
        var pool = await db.TalentPools.Include(p => p.Members).FirstAsync(p => p.Id == TalentPool.LinkedInPoolId, ct);
        await foreach (var stub in stubs.WithCancellation(ct))
        {
            if (string.IsNullOrWhiteSpace(stub.Member) || suppressed.ContainsAny(stub.Member, [stub.EmailAddress]))
            {
                continue;
            }
            var candidate = await FindAsync(stub, ct);
            if (candidate is null)
            {
                candidate = new Candidate
                {
                    Source = Source,
                    LinkedInPersonUrn = stub.Member,
                    CreatedAtUtc = db.UtcNow,
                    UpdatedAtUtc = db.UtcNow,
                };
                candidate.SetName(string.IsNullOrWhiteSpace(stub.FirstName) ? "LinkedIn member" : stub.FirstName, stub.LastName ?? "");
                if (!string.IsNullOrWhiteSpace(stub.EmailAddress))
                {
                    candidate.SetEmails([stub.EmailAddress]);
                    candidate.RefreshSearchTerms();
                }
                if (!string.IsNullOrWhiteSpace(stub.PhoneNumber))
                {
                    candidate.Phones = [stub.PhoneNumber];
                }
                db.Candidates.Add(candidate);
            }
            else
            {
                candidate.LinkedInPersonUrn ??= stub.Member;
                if (!string.IsNullOrWhiteSpace(stub.EmailAddress) && !candidate.Emails.Any(e => e.Normalized == CandidateEmail.Normalize(stub.EmailAddress)))
                {
                    candidate.SetEmails([.. candidate.Emails.Select(e => e.Address), stub.EmailAddress]);
                    candidate.RefreshSearchTerms();
                }
            }
            if (candidate.Id == 0 && !pool.Members.Any(m => m.Candidate == candidate))
            {
                pool.Members.Add(new TalentPoolMember { Candidate = candidate, AddedAtUtc = db.UtcNow });
            }
            else if (candidate.Id != 0)
            {
                pool.Add([candidate.Id], null, db.UtcNow);
            }
            count++;
        }
        return count;
    }

    private async Task<Candidate?> FindAsync(MailStub stub, CancellationToken ct)
    {
        var local = db.Candidates.Local.FirstOrDefault(c => c.LinkedInPersonUrn == stub.Member);
        if (local is not null)
        {
            return local;
        }
        var byUrn = await db.Candidates.Include(c => c.Emails).FirstOrDefaultAsync(c => c.LinkedInPersonUrn == stub.Member, ct);
        if (byUrn is not null || string.IsNullOrWhiteSpace(stub.EmailAddress))
        {
            return byUrn;
        }
        var email = CandidateEmail.Normalize(stub.EmailAddress);
        return await db.Candidates.Include(c => c.Emails).FirstOrDefaultAsync(c => c.Emails.Any(e => e.Normalized == email), ct);
    }
}
