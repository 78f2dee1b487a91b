using Attract.Core.Auditing;
using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Attract.Core.Data;

public partial class AttractDbContext
{
    /// <summary>
    /// When false, SaveChanges writes no audit or outbox rows. Only bulk loaders (demo and benchmark seeding) turn it off.
    /// </summary>
    public bool TrackChanges { get; set; } = true;

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves the changes and, in the same transaction, one outbox row and one audit entry per created, updated or
    /// deleted <see cref="ITracked"/> entity. Changes to child rows (<see cref="ITrackedChild"/>) count as an update
    /// of their owner. If anything fails, the transaction rolls back and no outbox row survives.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var now = UtcNow;
        await RefreshCandidateSearchAsync(cancellationToken);
        var pending = CollectChanges(now, TrackChanges);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            foreach (var change in pending)
            {
                var id = change.Operation == ChangeOperation.Deleted ? change.DeletedId : change.Entity.TrackedId;
                var scope = change.Operation == ChangeOperation.Deleted ? change.DeletedScope : change.Entity.Scope;
                OutboxMessages.Add(new OutboxMessage
                {
                    EntityType = change.Entity.TrackedType,
                    EntityId = id,
                    Operation = change.Operation,
                    OccurredAtUtc = now,
                    JobId = scope.JobId,
                    CandidateId = scope.CandidateId,
                    ApplicationId = scope.ApplicationId,
                    ActorUserId = Actor.UserId,
                });
                AuditEntries.Add(new AuditEntry
                {
                    AtUtc = now,
                    ActorUserId = Actor.UserId,
                    ActorName = Actor.DisplayName ?? "System",
                    EntityType = change.Entity.TrackedType,
                    EntityId = id,
                    Action = change.Operation.ToString(),
                    Description = change.Description ?? change.Entity.Describe(change.Operation),
                    JobId = scope.JobId,
                    CandidateId = scope.CandidateId,
                    ApplicationId = scope.ApplicationId,
                });
            }
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return count;
        }
        catch
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.RollbackAsync(CancellationToken.None);
            }
            DetachUnsavedTrackingRows();
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Refreshes the search terms of every added or changed candidate (own properties or emails). A changed
    /// candidate's emails and terms are loaded first when the caller did not load them, so the terms are diffed against
    /// the stored rows; terms added in memory before that (e.g. by <see cref="Candidate.SetName"/>) are dropped first.
    /// </summary>
    private async Task RefreshCandidateSearchAsync(CancellationToken ct)
    {
        ChangeTracker.DetectChanges();
        var tracked = ChangeTracker.Entries<Candidate>().ToList();
        var changed = tracked.Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity)
            .ToHashSet(ReferenceEqualityComparer.Instance);
        var saved = tracked.Where(e => e.State != EntityState.Added).ToDictionary(e => e.Entity.Id, e => e.Entity);
        foreach (var email in ChangeTracker.Entries<CandidateEmail>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var owner = email.Entity.Candidate ?? saved.GetValueOrDefault(email.Property(e => e.CandidateId).OriginalValue);
            if (owner is not null)
            {
                changed.Add(owner);
            }
        }
        foreach (var term in ChangeTracker.Entries<CandidateSearchTerm>().Where(e => e.State == EntityState.Added))
        {
            // e.g. SetName on a candidate whose terms were not loaded: diff against the stored terms instead
            if (saved.GetValueOrDefault(term.Entity.CandidateId) is { } owner)
            {
                changed.Add(owner);
            }
        }
        foreach (var candidate in changed.Cast<Candidate>().ToList())
        {
            var entry = Entry(candidate);
            if (entry.State is EntityState.Deleted or EntityState.Detached)
            {
                continue;
            }
            if (entry.State != EntityState.Added)
            {
                if (!entry.Collection(c => c.Emails).IsLoaded)
                {
                    await entry.Collection(c => c.Emails).LoadAsync(ct);
                }
                var terms = entry.Collection(c => c.SearchTerms);
                if (!terms.IsLoaded)
                {
                    foreach (var unsaved in candidate.SearchTerms.Where(t => Entry(t).State is EntityState.Added or EntityState.Detached).ToList())
                    {
                        candidate.SearchTerms.Remove(unsaved);
                        Entry(unsaved).State = EntityState.Detached;
                    }
                    await terms.LoadAsync(ct);
                }
            }
            candidate.RefreshSearchTerms();
        }
    }

    private List<PendingChange> CollectChanges(DateTime now, bool track)
    {
        ChangeTracker.DetectChanges();
        if (!track)
        {
            return [];
        }
        var changes = new Dictionary<ITracked, PendingChange>(ReferenceEqualityComparer.Instance);
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
            {
                versioned.Version = Guid.NewGuid();
                versioned.UpdatedAtUtc = now;
            }
            if (entry.Entity is ITracked tracked)
            {
                var operation = entry.State switch
                {
                    EntityState.Added => ChangeOperation.Created,
                    EntityState.Deleted => ChangeOperation.Deleted,
                    _ => ChangeOperation.Updated,
                };
                if (operation == ChangeOperation.Updated && !HasRealChanges(entry))
                {
                    continue;
                }
                changes[tracked] = new PendingChange(tracked, operation, tracked.TrackedId, tracked.Scope,
                    operation == ChangeOperation.Updated ? DescribeUpdate(tracked, entry) : null);
            }
        }
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity is ITrackedChild { Owner: { } owner }
                && !changes.ContainsKey(owner)
                && Entry(owner).State is EntityState.Unchanged or EntityState.Modified)
            {
                if (Entry(owner).Entity is IVersioned v && Entry(owner).State == EntityState.Unchanged)
                {
                    v.Version = Guid.NewGuid();
                    v.UpdatedAtUtc = now;
                }
                changes[owner] = new PendingChange(owner, ChangeOperation.Updated, owner.TrackedId, owner.Scope,
                    $"{owner.TrackedType} updated ({entry.Metadata.ClrType.Name})");
            }
        }
        return [.. changes.Values];
    }

    private static bool HasRealChanges(EntityEntry entry) =>
        entry.Properties.Any(p => p.IsModified && p.Metadata.Name is not (nameof(IVersioned.Version) or nameof(IVersioned.UpdatedAtUtc)));

    private static string DescribeUpdate(ITracked tracked, EntityEntry entry)
    {
        var names = entry.Properties
            .Where(p => p.IsModified && p.Metadata.Name is not (nameof(IVersioned.Version) or nameof(IVersioned.UpdatedAtUtc)))
            .Select(p => p.Metadata.Name).ToList();
        var basic = tracked.Describe(ChangeOperation.Updated);
        return names.Count == 0 ? basic : $"{basic}: {string.Join(", ", names)}";
    }

    private void DetachUnsavedTrackingRows()
    {
        foreach (var entry in ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Added && e.Entity is OutboxMessage or AuditEntry).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private sealed record PendingChange(ITracked Entity, ChangeOperation Operation, long DeletedId, AuditScope DeletedScope, string? Description);
}
