using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PPRNet.Web.Data;

public sealed class PurgedSourceConfiguration : IEntityTypeConfiguration<PurgedSource>
{
    public void Configure(EntityTypeBuilder<PurgedSource> builder)
    {
        builder.HasIndex(p => p.SourcePath).IsUnique();
        builder.Property(p => p.PurgedBy).HasMaxLength(256);
    }
}
