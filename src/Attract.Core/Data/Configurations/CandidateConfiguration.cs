using Attract.Core.Candidates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attract.Core.Data.Configurations;

public sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> b)
    {
        b.Property(c => c.FirstName).HasMaxLength(100);
        b.Property(c => c.LastName).HasMaxLength(100);
        b.Property(c => c.CurrentCompany).HasMaxLength(200);
        b.Property(c => c.CurrentTitle).HasMaxLength(200);
        b.Property(c => c.City).HasMaxLength(100);
        b.Property(c => c.Region).HasMaxLength(100);
        b.Property(c => c.Country).HasMaxLength(100);
        b.Property(c => c.LinkedInProfileUrl).HasMaxLength(400);
        b.Property(c => c.LinkedInProfileKey).HasMaxLength(400);
        b.Property(c => c.LinkedInPersonUrn).HasMaxLength(100);
        b.Property(c => c.Source).HasMaxLength(50);
        b.Property(c => c.Summary).HasMaxLength(2000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.PrimitiveCollection(c => c.Phones);
        b.PrimitiveCollection(c => c.Tags);
        b.HasIndex(c => new { c.LastName, c.FirstName, c.Id });
        b.HasIndex(c => c.CurrentCompany);
        b.HasIndex(c => c.LinkedInProfileKey);
        b.HasIndex(c => c.LinkedInPersonUrn);
        b.HasMany(c => c.Emails).WithOne(e => e.Candidate).HasForeignKey(e => e.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.SearchTerms).WithOne().HasForeignKey(t => t.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(c => c.FullName);
        b.Ignore(c => c.PrimaryEmail);
        b.Ignore(c => c.Location);
    }
}

/// <summary>
/// The key (Term, CandidateId) is the search index: a word-prefix search is a range scan on it. On SQL Server the
/// column also gets a binary collation (<see cref="AttractDbContext"/>), so the ranges compare ordinally as on SQLite.
/// </summary>
public sealed class CandidateSearchTermConfiguration : IEntityTypeConfiguration<CandidateSearchTerm>
{
    public void Configure(EntityTypeBuilder<CandidateSearchTerm> b)
    {
        b.HasKey(t => new { t.Term, t.CandidateId });
        b.Property(t => t.Term).HasMaxLength(CandidateSearchTerm.MaxLength);
    }
}

public sealed class CandidateEmailConfiguration : IEntityTypeConfiguration<CandidateEmail>
{
    public void Configure(EntityTypeBuilder<CandidateEmail> b)
    {
        b.Property(e => e.Address).HasMaxLength(256);
        b.Property(e => e.Normalized).HasMaxLength(256);
        b.HasIndex(e => e.Normalized);
    }
}
