using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PPRNet.Web.Data;

public sealed class ImportConflictConfiguration : IEntityTypeConfiguration<ImportConflict>
{
    public void Configure(EntityTypeBuilder<ImportConflict> builder)
    {
        builder.HasOne(c => c.Summary).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.ResolvedBy).HasMaxLength(256);
    }
}
