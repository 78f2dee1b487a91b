using Attract.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attract.Core.Data.Configurations;

public sealed class ErasureSuppressionConfiguration : IEntityTypeConfiguration<ErasureSuppression>
{
    public void Configure(EntityTypeBuilder<ErasureSuppression> b)
    {
        b.Property(s => s.Kind).HasMaxLength(20);
        b.Property(s => s.Hash).HasMaxLength(ErasureSuppression.HashLength).IsFixedLength().IsUnicode(false);
        b.Property(s => s.ErasedByUserId).HasMaxLength(450);
        b.Property(s => s.ErasedByName).HasMaxLength(200);
        b.HasIndex(s => s.Hash);
        b.HasIndex(s => new { s.ErasureId, s.Kind });
    }
}

public sealed class ErasureSuppressionKeyConfiguration : IEntityTypeConfiguration<ErasureSuppressionKey>
{
    public void Configure(EntityTypeBuilder<ErasureSuppressionKey> b)
    {
        b.ToTable("ErasureSuppressionKeys");
        b.Property(k => k.Id).ValueGeneratedNever();
        b.Property(k => k.KeyProtected).HasMaxLength(4000);
    }
}
