using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Pipeline;

namespace Attract.Core.Notes;

/// <summary>A note on a candidate, optionally about one of their applications. Only the author edits or deletes it.</summary>
public class Note : ITracked, IVersioned
{
    public const int MaxLength = 4000;

    public int Id { get; set; }

    public int CandidateId { get; set; }

    public Candidate Candidate { get; set; } = null!;

    public int? ApplicationId { get; set; }

    public JobApplication? Application { get; set; }

    public string AuthorId { get; set; } = "";

    public string AuthorName { get; set; } = "";

    public string Body { get; private set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public string TrackedType => TrackedTypes.Note;

    public long TrackedId => Id;

    public AuditScope Scope => new(Application?.JobId, CandidateId == 0 ? Candidate?.Id : CandidateId, ApplicationId);

    public static Note Write(Candidate candidate, JobApplication? application, ICurrentActor actor, string body, DateTime nowUtc)
    {
        if (actor.UserId is null)
        {
            throw new DomainException("Only a signed-in user can write notes.");
        }
        if (application is not null && application.CandidateId != candidate.Id)
        {
            throw new DomainException("That application belongs to another candidate.");
        }
        var note = new Note
        {
            Candidate = candidate,
            CandidateId = candidate.Id,
            Application = application,
            AuthorId = actor.UserId,
            AuthorName = actor.DisplayName ?? "",
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        note.SetBody(body);
        return note;
    }

    public bool IsAuthor(string? userId) => userId is not null && userId == AuthorId;

    public void Edit(string? userId, string body, DateTime nowUtc)
    {
        EnsureAuthor(userId);
        SetBody(body);
        UpdatedAtUtc = nowUtc;
    }

    public void EnsureAuthor(string? userId)
    {
        if (!IsAuthor(userId))
        {
            throw new DomainException("Only the author can change or delete this note.");
        }
    }

    private void SetBody(string body)
    {
        body = body.Trim();
        if (body.Length == 0)
        {
            throw new DomainException("A note can't be empty.");
        }
        if (body.Length > MaxLength)
        {
            throw new DomainException($"A note can be at most {MaxLength} characters.");
        }
        Body = body;
    }
}
