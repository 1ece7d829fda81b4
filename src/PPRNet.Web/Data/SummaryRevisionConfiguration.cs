using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PPRNet.Web.Data;

public sealed class SummaryRevisionConfiguration : IEntityTypeConfiguration<SummaryRevision>
{
    public void Configure(EntityTypeBuilder<SummaryRevision> builder)
    {
        builder.HasIndex(r => new { r.SummaryId, r.Number }).IsUnique();
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.Note).HasMaxLength(200);
        builder.HasOne(r => r.Summary).WithMany(s => s.Revisions).OnDelete(DeleteBehavior.Cascade);
    }
}
