using Attract.Core.Auditing;
using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Feedback;
using Attract.Core.Identity;
using Attract.Core.Jobs;
using Attract.Core.Notes;
using Attract.Core.Outbox;
using Attract.Core.Pipeline;
using Attract.Core.Pools;
using Attract.Core.Privacy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Attract.Core.Data;

/// <summary>
/// Attract's one DbContext. Migrations live in one assembly per provider:
/// <code>
/// dotnet ef migrations add &lt;Name&gt; --project src/Attract.Migrations.Sqlite --startup-project src/Attract.Web -o Migrations
/// dotnet ef migrations add &lt;Name&gt; --project src/Attract.Migrations.SqlServer --startup-project src/Attract.Web -o Migrations -- --Database:Provider=SqlServer
/// dotnet ef migrations add &lt;Name&gt; --project src/Attract.Migrations.PostgreSql --startup-project src/Attract.Web -o Migrations -- --Database:Provider=PostgreSql
/// </code>
/// Every SaveChanges also writes audit entries and outbox rows for tracked entities, in the same transaction
/// (see <c>AttractDbContext.Tracking.cs</c>).
/// </summary>
public partial class AttractDbContext(
    DbContextOptions<AttractDbContext> options, ICurrentActor? actor = null, TimeProvider? clock = null)
    : IdentityDbContext<AttractUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Job> Jobs => Set<Job>();

    public DbSet<JobStage> JobStages => Set<JobStage>();

    public DbSet<JobTeamMember> JobTeamMembers => Set<JobTeamMember>();

    public DbSet<Candidate> Candidates => Set<Candidate>();

    public DbSet<CandidateEmail> CandidateEmails => Set<CandidateEmail>();

    public DbSet<CandidateSearchTerm> CandidateSearchTerms => Set<CandidateSearchTerm>();

    public DbSet<JobApplication> Applications => Set<JobApplication>();

    public DbSet<StageMove> StageMoves => Set<StageMove>();

    public DbSet<Scorecard> Scorecards => Set<Scorecard>();

    public DbSet<Note> Notes => Set<Note>();

    public DbSet<TalentPool> TalentPools => Set<TalentPool>();

    public DbSet<TalentPoolMember> TalentPoolMembers => Set<TalentPoolMember>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Keyed hashes of erased candidates' identifiers, which LinkedIn pulls and exports must not re-create.</summary>
    public DbSet<ErasureSuppression> ErasureSuppressions => Set<ErasureSuppression>();

    /// <summary>The user making changes through this context.</summary>
    public ICurrentActor Actor { get; } = actor ?? FixedActor.System;

    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    public DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AttractDbContext).Assembly);
        builder.Entity<AttractUser>().Property(u => u.DisplayName).HasMaxLength(200);
        // Ordinal comparison, so the search's prefix ranges (term >= w AND term < w + U+FFFF) are index seeks that mean the
        // same as on SQLite's BINARY collation. A linguistic collation would ignore U+FFFF (SQL Server) or punctuation
        // (glibc locales on PostgreSQL) and change what a range holds. Only that provider's migrations carry it.
        switch (Database.ProviderName)
        {
            case SqlServerProviderName:
                builder.Entity<CandidateSearchTerm>().Property(t => t.Term).UseCollation(BinaryCollation);
                break;
            case PostgreSqlProviderName:
                builder.Entity<CandidateSearchTerm>().Property(t => t.Term).UseCollation(PostgreSqlBinaryCollation);
                break;
        }
    }

    public const string SqlServerProviderName = "Microsoft.EntityFrameworkCore.SqlServer";

    public const string PostgreSqlProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>The SQL Server collation of <see cref="CandidateSearchTerm.Term"/>.</summary>
    public const string BinaryCollation = "Latin1_General_100_BIN2";

    /// <summary>
    /// The PostgreSQL collation of <see cref="CandidateSearchTerm.Term"/>: byte order, which for UTF-8 is code-point order,
    /// whatever locale the database was created with.
    /// </summary>
    public const string PostgreSqlBinaryCollation = "C";

    /// <summary>Adds an activity-log line for a domain action (merge, erasure) to be saved with the next SaveChanges.</summary>
    public void Audit(string entityType, long entityId, string action, string description, AuditScope scope) =>
        AuditEntries.Add(new AuditEntry
        {
            AtUtc = UtcNow,
            ActorUserId = Actor.UserId,
            ActorName = Actor.DisplayName ?? "System",
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            Description = description,
            JobId = scope.JobId,
            CandidateId = scope.CandidateId,
            ApplicationId = scope.ApplicationId,
        });
}
