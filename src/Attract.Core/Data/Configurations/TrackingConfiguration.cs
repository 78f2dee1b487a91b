using Attract.Core.Auditing;
using Attract.Core.Outbox;
using Attract.Core.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attract.Core.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.EntityType).HasMaxLength(50);
        b.Property(m => m.Operation).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.ActorUserId).HasMaxLength(450);
        b.Property(m => m.ClaimedBy).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(4000);
        b.HasIndex(m => new { m.ProcessedAtUtc, m.Id }).HasDatabaseName("IX_OutboxMessages_Unprocessed");
        b.HasIndex(m => new { m.ProcessedAtUtc, m.Backfill, m.Id }).HasDatabaseName("IX_OutboxMessages_Lanes");
        // "Is anything queued for this entity?": the export-link reconciliation asks it per exported candidate.
        b.HasIndex(m => new { m.EntityType, m.EntityId }).HasDatabaseName("IX_OutboxMessages_Entity");
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.ActorUserId).HasMaxLength(450);
        b.Property(a => a.ActorName).HasMaxLength(200);
        b.Property(a => a.EntityType).HasMaxLength(50);
        b.Property(a => a.Action).HasMaxLength(50);
        b.Property(a => a.Description).HasMaxLength(2000);
        b.HasIndex(a => new { a.CandidateId, a.Id });
        b.HasIndex(a => new { a.JobId, a.Id });
        b.HasIndex(a => new { a.ApplicationId, a.Id });
    }
}

public sealed class TalentPoolConfiguration : IEntityTypeConfiguration<TalentPool>
{
    public void Configure(EntityTypeBuilder<TalentPool> b)
    {
        b.Property(p => p.Name).HasMaxLength(TalentPool.MaxNameLength);
        b.Property(p => p.Description).HasMaxLength(500);
        b.Property(p => p.CreatedById).HasMaxLength(450);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.Name).IsUnique();
        b.HasMany(p => p.Members).WithOne(m => m.Pool).HasForeignKey(m => m.PoolId).OnDelete(DeleteBehavior.Cascade);
        var created = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        b.HasData(new
        {
            Id = TalentPool.LinkedInPoolId,
            Name = TalentPool.LinkedInPoolName,
            Description = (string?)"Candidates from LinkedIn Recruiter, filled by the LinkedIn integration.",
            IsSystem = true,
            CreatedById = (string?)null,
            CreatedAtUtc = created,
            UpdatedAtUtc = created,
            Version = new Guid("0b9f4a3c-5d0e-4c61-9a57-1d1c6f0e0001"),
        });
    }
}

public sealed class TalentPoolMemberConfiguration : IEntityTypeConfiguration<TalentPoolMember>
{
    public void Configure(EntityTypeBuilder<TalentPoolMember> b)
    {
        b.HasKey(m => new { m.PoolId, m.CandidateId });
        b.HasIndex(m => m.CandidateId);
        b.Property(m => m.AddedById).HasMaxLength(450);
        b.HasOne(m => m.Candidate).WithMany().HasForeignKey(m => m.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}
