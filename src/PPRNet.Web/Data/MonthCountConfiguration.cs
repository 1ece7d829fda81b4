using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PPRNet.Web.Data;

public sealed class MonthCountConfiguration : IEntityTypeConfiguration<MonthCount>
{
    public void Configure(EntityTypeBuilder<MonthCount> builder)
    {
        builder.HasKey(c => c.Month);
        builder.Property(c => c.Month).HasMaxLength(7);
    }
}
