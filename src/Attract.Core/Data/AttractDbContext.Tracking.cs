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

    private List<PendingChange> CollectChanges(DateTime now, bool track)
    {
        foreach (var candidate in ChangeTracker.Entries<Candidate>().Where(e => e.State != EntityState.Deleted))
        {
            candidate.Entity.RefreshSearchText();
        }
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
