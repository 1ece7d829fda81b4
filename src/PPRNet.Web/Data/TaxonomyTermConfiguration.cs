using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Data;

/// <summary>The columns topics and research types share, mapped once so the two tables, and the
/// English and French names, cannot drift apart.</summary>
public abstract class TaxonomyTermConfiguration<T> : IEntityTypeConfiguration<T>
    where T : TaxonomyTerm
{
    public void Configure(EntityTypeBuilder<T> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(t => t.Slug).HasMaxLength(ContentLimits.MaxTermSlugLength);
        builder.Property(t => t.Name).HasMaxLength(ContentLimits.MaxTermNameLength);
        builder.Property(t => t.NameFr).HasMaxLength(ContentLimits.MaxTermNameLength);
        builder.HasIndex(t => t.Slug).IsUnique();
    }
}
