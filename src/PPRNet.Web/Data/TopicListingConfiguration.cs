using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Data;

public sealed class TopicListingConfiguration : IEntityTypeConfiguration<TopicListing>
{
    public void Configure(EntityTypeBuilder<TopicListing> builder)
    {
        builder.HasKey(l => new { l.TopicId, l.SummaryId });
        builder.Property(l => l.Month).HasMaxLength(7);
        builder.Property(l => l.Slug).HasMaxLength(SummaryRules.MaxSlugLength);
        builder.Property(l => l.Title).HasMaxLength(ContentLimits.MaxTitleLength);
        builder.HasIndex(l => new { l.TopicId, l.Month, l.PublishedOn, l.Title, l.SummaryId }, Indexes.TopicListingsArchive)
            .IsDescending(false, true, true, false, false);
        builder.HasIndex(
                l => new { l.TopicId, l.ResearchTypeId, l.Month, l.PublishedOn, l.Title, l.SummaryId }, Indexes.TopicListingsArchiveByType)
            .IsDescending(false, false, true, true, false, false);
        builder.HasIndex(l => new { l.TopicId, l.PublishedOn, l.SummaryId }, Indexes.TopicListingsPublished);
        // A choice of several topics counts its summaries by type from this index alone.
        builder.HasIndex(l => new { l.TopicId, l.PublishedOn, l.ResearchTypeId, l.SummaryId }, Indexes.TopicListingsPublishedTypes);
        builder.HasIndex(l => l.SummaryId);
    }
}
