using Attract.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attract.Core.Data.Configurations;

public sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> b)
    {
        b.HasIndex(j => j.Code).IsUnique();
        b.HasIndex(j => j.Number).IsUnique();
        b.HasIndex(j => new { j.Status, j.Department });
        b.Property(j => j.Code).HasMaxLength(20);
        b.Property(j => j.Title).HasMaxLength(200);
        b.Property(j => j.Description).HasMaxLength(8000);
        b.Property(j => j.City).HasMaxLength(100);
        b.Property(j => j.Region).HasMaxLength(100);
        b.Property(j => j.Country).HasMaxLength(100);
        b.Property(j => j.Department).HasMaxLength(100);
        b.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.EmploymentType).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.Version).IsConcurrencyToken();
        b.HasMany(j => j.Stages).WithOne(s => s.Job).HasForeignKey(s => s.JobId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(j => j.Team).WithOne(t => t.Job).HasForeignKey(t => t.JobId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(j => j.Location);
        b.Ignore(j => j.HasProspectStage);
        b.Ignore(j => j.OrderedStages);
    }
}

public sealed class JobStageConfiguration : IEntityTypeConfiguration<JobStage>
{
    public void Configure(EntityTypeBuilder<JobStage> b)
    {
        b.Property(s => s.Name).HasMaxLength(JobStage.MaxNameLength);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(s => new { s.JobId, s.Order });
        b.Ignore(s => s.IsProspect);
    }
}

public sealed class JobTeamMemberConfiguration : IEntityTypeConfiguration<JobTeamMember>
{
    public void Configure(EntityTypeBuilder<JobTeamMember> b)
    {
        b.Property(t => t.Role).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(t => new { t.JobId, t.UserId, t.Role }).IsUnique();
        b.HasIndex(t => t.UserId);
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
