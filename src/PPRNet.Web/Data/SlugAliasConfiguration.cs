using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Data;

public sealed class SlugAliasConfiguration : IEntityTypeConfiguration<SlugAlias>
{
    public void Configure(EntityTypeBuilder<SlugAlias> builder)
    {
        builder.HasIndex(a => new { a.Kind, a.OldSlug }).IsUnique();
        builder.Property(a => a.OldSlug).HasMaxLength(ContentLimits.MaxTermSlugLength);
        builder.Property(a => a.NewSlug).HasMaxLength(ContentLimits.MaxTermSlugLength);
    }
}
