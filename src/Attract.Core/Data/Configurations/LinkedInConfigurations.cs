using Attract.Core.LinkedIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attract.Core.Data.Configurations;

public class LinkedInConnectionConfiguration : IEntityTypeConfiguration<LinkedInConnection>
{
    public void Configure(EntityTypeBuilder<LinkedInConnection> b)
    {
        b.HasIndex(c => c.TenantId).IsUnique();
        b.Property(c => c.TenantId).HasMaxLength(100);
        b.Property(c => c.OrganizationUrn).HasMaxLength(200);
        b.Property(c => c.JobsBackfillError).HasMaxLength(2000);
        b.Property(c => c.BackfillCursor).HasMaxLength(50);
        b.Property(c => c.ContractUrn).HasMaxLength(200);
        b.Property(c => c.ContractName).HasMaxLength(200);
        b.Property(c => c.ChildApplicationUrn).HasMaxLength(200);
        b.Property(c => c.ChildClientId).HasMaxLength(200);
        b.Property(c => c.ConnectedByUserId).HasMaxLength(450);
        b.Property(c => c.AdminPersonUrn).HasMaxLength(200);
        b.Property(c => c.LastOutcome).HasMaxLength(1000);
        b.Property(c => c.LastError).HasMaxLength(2000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.AccessLevel);
        b.Ignore(c => c.IsProvisioned);
        b.Ignore(c => c.CompanyFeaturesEnabled);
        b.Ignore(c => c.CompanyFeaturesChangedAtUtc);
    }
}

public class LinkedInUserLinkConfiguration : IEntityTypeConfiguration<LinkedInUserLink>
{
    public void Configure(EntityTypeBuilder<LinkedInUserLink> b)
    {
        b.HasIndex(l => l.UserId).IsUnique();
        b.HasIndex(l => l.PersonUrn);
        b.HasIndex(l => l.SeatUrn);
        b.Property(l => l.UserId).HasMaxLength(450);
        b.Property(l => l.PersonUrn).HasMaxLength(200);
        b.Property(l => l.LinkedInName).HasMaxLength(200);
        b.Property(l => l.SeatUrn).HasMaxLength(200);
        b.Property(l => l.ContractUrn).HasMaxLength(200);
        b.Property(l => l.SeatMessage).HasMaxLength(1000);
    }
}

public class LinkedInNotificationConfiguration : IEntityTypeConfiguration<LinkedInNotification>
{
    public void Configure(EntityTypeBuilder<LinkedInNotification> b)
    {
        b.HasIndex(n => n.NotificationId).IsUnique();
        b.HasIndex(n => new { n.Status, n.ReceivedAtUtc });
        // The export of a candidate (reconciliation, the candidate's LinkedIn tab).
        b.HasIndex(n => n.CandidateId);
        b.Property(n => n.NotificationId).HasMaxLength(200);
        b.Property(n => n.Type).HasMaxLength(100);
        b.Property(n => n.PersonUrn).HasMaxLength(200);
        b.Property(n => n.JobCode).HasMaxLength(50);
        b.Property(n => n.SeatUrn).HasMaxLength(200);
        b.Property(n => n.Outcome).HasMaxLength(LinkedInNotification.MaxOutcomeLength);
        b.Property(n => n.ClaimedBy).HasMaxLength(200);
    }
}

public class LinkedInSyncErrorConfiguration : IEntityTypeConfiguration<LinkedInSyncError>
{
    public void Configure(EntityTypeBuilder<LinkedInSyncError> b)
    {
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        b.HasIndex(e => e.ResolvedAtUtc);
        b.Property(e => e.EntityType).HasMaxLength(100);
        b.Property(e => e.Message).HasMaxLength(2000);
    }
}

public class LinkedInInMailConfiguration : IEntityTypeConfiguration<LinkedInInMail>
{
    public void Configure(EntityTypeBuilder<LinkedInInMail> b)
    {
        b.HasIndex(m => new { m.SeatUrn, m.ExternalId }).IsUnique();
        b.HasIndex(m => new { m.ProspectUrn, m.CreatedAtUtc });
        b.Property(m => m.ExternalId).HasMaxLength(200);
        b.Property(m => m.ConversationUrn).HasMaxLength(200);
        b.Property(m => m.EventType).HasMaxLength(50);
        b.Property(m => m.SeatUrn).HasMaxLength(200);
        b.Property(m => m.ProspectUrn).HasMaxLength(200);
        b.Property(m => m.SenderUrn).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(500);
    }
}

public class LinkedInProspectNoteConfiguration : IEntityTypeConfiguration<LinkedInProspectNote>
{
    public void Configure(EntityTypeBuilder<LinkedInProspectNote> b)
    {
        b.HasIndex(n => n.ExternalId).IsUnique();
        b.HasIndex(n => new { n.ProspectUrn, n.LastModifiedAtUtc });
        b.Property(n => n.ExternalId).HasMaxLength(200);
        b.Property(n => n.ProspectUrn).HasMaxLength(200);
        b.Property(n => n.OwnerSeatUrn).HasMaxLength(200);
        b.Property(n => n.Visibility).HasMaxLength(20);
    }
}

public class LinkedInPullCursorConfiguration : IEntityTypeConfiguration<LinkedInPullCursor>
{
    public void Configure(EntityTypeBuilder<LinkedInPullCursor> b)
    {
        b.HasIndex(c => new { c.SeatUrn, c.Kind }).IsUnique();
        b.Property(c => c.SeatUrn).HasMaxLength(200);
        b.Property(c => c.Kind).HasMaxLength(20);
        b.Property(c => c.LastError).HasMaxLength(2000);
    }
}

public class LinkedInPurgedExportConfiguration : IEntityTypeConfiguration<LinkedInPurgedExport>
{
    public void Configure(EntityTypeBuilder<LinkedInPurgedExport> b)
    {
        b.HasIndex(p => p.PersonUrn).IsUnique();
        b.Property(p => p.PersonUrn).HasMaxLength(200);
    }
}

public class LinkedInUsageConfiguration : IEntityTypeConfiguration<LinkedInUsage>
{
    public void Configure(EntityTypeBuilder<LinkedInUsage> b)
    {
        b.ToTable("LinkedInUsage");
        b.HasKey(u => u.MinuteUtc);
    }
}

public class LinkedInJobPostingTaskConfiguration : IEntityTypeConfiguration<LinkedInJobPostingTask>
{
    public void Configure(EntityTypeBuilder<LinkedInJobPostingTask> b)
    {
        b.HasIndex(t => t.TaskId).IsUnique();
        b.HasIndex(t => new { t.CompletedAtUtc, t.CheckAfterUtc });
        b.HasIndex(t => t.JobId);
        b.Property(t => t.TaskId).HasMaxLength(200);
        b.Property(t => t.Status).HasMaxLength(30);
        b.Property(t => t.Error).HasMaxLength(2000);
        b.Ignore(t => t.Failed);
    }
}
