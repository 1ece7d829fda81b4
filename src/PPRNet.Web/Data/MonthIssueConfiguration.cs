using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PPRNet.Web.Data;

public sealed class MonthIssueConfiguration : IEntityTypeConfiguration<MonthIssue>
{
    public void Configure(EntityTypeBuilder<MonthIssue> builder)
    {
        builder.Property(m => m.Month).HasMaxLength(7);
        builder.HasIndex(m => m.Month).IsUnique();
    }
}
