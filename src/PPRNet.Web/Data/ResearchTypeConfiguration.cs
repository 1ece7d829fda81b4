using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Data;

public sealed class ResearchTypeConfiguration : IEntityTypeConfiguration<ResearchType>
{
    public void Configure(EntityTypeBuilder<ResearchType> builder)
    {
        builder.Property(t => t.Slug).HasMaxLength(ContentLimits.MaxTermSlugLength);
        builder.Property(t => t.Name).HasMaxLength(ContentLimits.MaxTermNameLength);
        builder.HasIndex(t => t.Slug).IsUnique();
    }
}
