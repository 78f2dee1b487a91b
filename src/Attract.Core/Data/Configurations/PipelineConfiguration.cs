using Attract.Core.Feedback;
using Attract.Core.Notes;
using Attract.Core.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attract.Core.Data.Configurations;

public sealed class JobApplicationConfiguration : IEntityTypeConfiguration<JobApplication>
{
    public void Configure(EntityTypeBuilder<JobApplication> b)
    {
        b.ToTable("Applications");
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.RejectionReason).HasMaxLength(RejectionReasons.MaxLength);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.CandidateId, a.JobId }).IsUnique();
        // The board's per-stage counts (one grouped scan of the job's range) and its keyset pages (seek, no sort).
        // The board's counts and columns, and the prospect review (CandidateId: erased candidates' applications are left out
        // without reading the rows, so counting and ordering prospects by time in stage reads this index only).
        b.HasIndex(a => new { a.JobId, a.StageId, a.Status, a.EnteredStageAtUtc, a.Id, a.CandidateId });
        b.HasOne(a => a.Job).WithMany().HasForeignKey(a => a.JobId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Candidate).WithMany(c => c.Applications).HasForeignKey(a => a.CandidateId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(a => a.Stage).WithMany().HasForeignKey(a => a.StageId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.History).WithOne(m => m.Application).HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StageMoveConfiguration : IEntityTypeConfiguration<StageMove>
{
    public void Configure(EntityTypeBuilder<StageMove> b)
    {
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.FromStageName).HasMaxLength(100);
        b.Property(m => m.ToStageName).HasMaxLength(100);
        b.Property(m => m.Reason).HasMaxLength(RejectionReasons.MaxLength);
        b.Property(m => m.ByName).HasMaxLength(200);
        b.Property(m => m.ByUserId).HasMaxLength(450);
    }
}

public sealed class ScorecardConfiguration : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> b)
    {
        b.Property(s => s.InterviewType).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Recommendation).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.InterviewerId).HasMaxLength(450);
        b.Property(s => s.InterviewerName).HasMaxLength(200);
        b.Property(s => s.Comments).HasMaxLength(4000);
        b.HasIndex(s => s.ApplicationId);
        b.HasIndex(s => s.InterviewerId);
        b.HasOne(s => s.Application).WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Ratings).WithOne(r => r.Scorecard).HasForeignKey(r => r.ScorecardId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ScorecardRatingConfiguration : IEntityTypeConfiguration<ScorecardRating>
{
    public void Configure(EntityTypeBuilder<ScorecardRating> b)
    {
        b.ToTable("ScorecardRatings");
        b.Property(r => r.Attribute).HasMaxLength(100);
    }
}

public sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> b)
    {
        b.Property(n => n.Body).HasMaxLength(Note.MaxLength);
        b.Property(n => n.AuthorId).HasMaxLength(450);
        b.Property(n => n.AuthorName).HasMaxLength(200);
        b.Property(n => n.Version).IsConcurrencyToken();
        b.HasIndex(n => n.CandidateId);
        b.HasOne(n => n.Candidate).WithMany().HasForeignKey(n => n.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(n => n.Application).WithMany().HasForeignKey(n => n.ApplicationId).OnDelete(DeleteBehavior.ClientSetNull);
    }
}
