using Attract.Core.Identity;
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
/// </code>
/// </summary>
public class AttractDbContext(DbContextOptions<AttractDbContext> options)
    : IdentityDbContext<AttractUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AttractDbContext).Assembly);
        builder.Entity<AttractUser>().Property(u => u.DisplayName).HasMaxLength(200);
    }
}
