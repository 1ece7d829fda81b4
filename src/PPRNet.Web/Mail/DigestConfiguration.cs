using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PPRNet.Web.Mail;

public sealed class DigestConfiguration : IEntityTypeConfiguration<Digest>
{
    public void Configure(EntityTypeBuilder<Digest> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Digests");
        // The database itself refuses a second digest for a month.
        builder.HasIndex(d => d.Month).IsUnique();
        builder.Property(d => d.Month).HasMaxLength(7);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
    }
}
